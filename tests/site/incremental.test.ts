/**
 * Incremental builds (experimental.incrementalBuild, with each report and metric page's cache key from
 * src/lib/archive.ts): a second build of unchanged content restores the report pages and gives the same
 * site byte for byte; a change to what a page shows re-renders it — never a stale page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ROOT } from '../../tools/shared/content.ts';
import { createSandbox, type Sandbox } from '../../tools/shared/sandbox.ts';

const ENV = { BASE_PATH: '/union-archive/' };

let sandbox: Sandbox;
const build = () => {
  const { status, output } = sandbox.astro(['build'], ENV);
  expect(status, output).toBe(0);
  return output;
};
/** Every file of dist/ (the search index is not part of astro build) with its bytes. */
const snapshot = () => {
  const dist = join(sandbox.dir, 'dist');
  const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => [join(e.parentPath, e.name).slice(dist.length), readFileSync(join(e.parentPath, e.name))]),
  );
};
const reportPage = (id: string) => readFileSync(join(sandbox.dir, `dist/reports/${id}/index.html`), 'utf8');
const reportIds = () => readdirSync(join(FIXTURE_ROOT, 'content/reports')).map((f) => f.replace(/\.mdx$/, ''));

beforeAll(() => {
  sandbox = createSandbox({ archive: FIXTURE_ROOT });
});
afterAll(() => sandbox.remove());

describe('a second build', () => {
  it('restores every report page when nothing changed, and writes the same site', () => {
    build();
    const first = snapshot();
    const output = build();
    for (const id of reportIds()) expect(output).toContain(`/reports/${id}/index.html (restored)`);
    const metricPages = readdirSync(join(sandbox.dir, 'dist/data'), { withFileTypes: true }).filter((e) =>
      e.isDirectory(),
    );
    expect(metricPages.length).toBeGreaterThan(0);
    for (const { name } of metricPages) expect(output).toContain(`/data/${name}/index.html (restored)`);
    const second = snapshot();
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true);
  });

  it('renders again the pages that show a changed report title or a renamed topic', () => {
    const [changed] = reportIds();
    const file = join(sandbox.dir, `content/reports/${changed}.mdx`);
    const source = readFileSync(file, 'utf8');
    const title = /^title: (.+)$/m.exec(source)![1]!;
    sandbox.write(`content/reports/${changed}.mdx`, source.replace(`title: ${title}`, `title: ${title}（修订）`));
    const topicFile = `content/topics/assistance.yaml`;
    const topic = readFileSync(join(sandbox.dir, topicFile), 'utf8');
    sandbox.write(topicFile, topic.replace('name: 困难职工帮扶', 'name: 困难职工帮扶（改名）'));
    build();
    expect(reportPage(changed!)).toContain(`${title}（修订）`);
    // Every page that linked the report (neighbours, related reading) shows the new title with it.
    const linking = reportIds().filter((id) => reportPage(id).includes(`/reports/${changed}/`) && id !== changed);
    expect(linking.length).toBeGreaterThan(0);
    for (const id of linking) expect(reportPage(id), id).toContain(`${title}（修订）`);
    const onTopic = reportIds().filter((id) => reportPage(id).includes('/topics/assistance/'));
    expect(onTopic.length).toBeGreaterThan(0);
    for (const id of onTopic) expect(reportPage(id), id).toContain('困难职工帮扶（改名）');
    // The metric pages that list the report's statistics name it anew.
    const metrics = [...new Set([...source.matchAll(/^\s+(?:- )?metric: ([\w-]+)/gm)].map((m) => m[1]!))];
    const listing = metrics.filter((metric) =>
      readFileSync(join(sandbox.dir, `dist/data/${metric}/index.html`), 'utf8').includes(`/reports/${changed}/`),
    );
    expect(listing.length).toBeGreaterThan(0);
    for (const metric of listing) {
      expect(readFileSync(join(sandbox.dir, `dist/data/${metric}/index.html`), 'utf8'), metric).toContain(
        `${title}（修订）`,
      );
    }
  });
});
