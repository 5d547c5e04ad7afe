/**
 * One real build: every seed and the hostile fixture imported with `npm run import` into a throwaway
 * copy of the project, then `astro build` under a base path. The drafts build, show 未校对, link their
 * originals (served byte for byte) and are in the search index at once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSearch } from '../../src/lib/search-engine';
import { loadPagefind, type NodeSearch } from '../helpers/pagefind';
import { createSandbox, type Sandbox } from '../helpers/sandbox';
import { bodyText, FIXTURES, readImported, ROOT, runImport, SEEDS, seedBytes } from './helpers';

const BASE = '/union-archive/';
let sandbox: Sandbox;
let build: { status: number | null; output: string };
const imported: { id: string; file: string }[] = [];
let search: NodeSearch | undefined;

beforeAll(() => {
  sandbox = createSandbox();
  const inputs = [...SEEDS.map((name) => join(sandbox.dir, 'public/originals', name)), join(FIXTURES, 'hostile-report.txt')];
  inputs.forEach((file, i) => {
    const id = `imported-${i}`;
    const run = runImport([file, '--root', sandbox.dir, '--id', id]);
    if (run.status !== 0) throw new Error(`import of ${file} failed: ${run.stderr}`);
    imported.push({ id, file });
  });
  build = sandbox.astro(['build'], { BASE_PATH: BASE });
}, 600_000);
afterAll(() => sandbox?.remove());

const squash = (text: string) => text.replace(/[\s\u200B]+/g, '');

describe('imported drafts in a real build', () => {
  it('build without errors', () => {
    expect(build.output).not.toMatch(/\berror\b/i);
    expect(build.status).toBe(0);
  });

  it.each(SEEDS.map((name, i) => [name, i] as const).concat([['hostile-report.txt', SEEDS.length] as const]))(
    '%s: a page marked 未校对 with its full text, linked to its original, searchable',
    async (_name, i) => {
      const { id, file } = imported[i]!;
      const report = readImported(join(sandbox.dir, 'content/reports', `${id}.mdx`));
      const $ = load(readFileSync(join(sandbox.dir, 'dist/reports', id, 'index.html'), 'utf8'));
      expect($('h1').first().text()).toBe(report.data.title);
      expect($('[data-pagefind-body]').text()).toContain('未校对');
      // Every paragraph of the draft's text is on the page.
      const page = squash($('[data-pagefind-body]').text());
      for (const line of bodyText(report.body).split('\n')) expect(page).toContain(squash(line));
      // The original is served unchanged, and the page links to it.
      const original = readFileSync(join(sandbox.dir, 'dist/originals', report.data.source.file));
      expect(original.equals(readFileSync(file))).toBe(true);
      expect($(`a[href="${BASE}originals/${report.data.source.file}"]`).length).toBeGreaterThan(0);
      // Searchable: a search for the start of its longest line finds it.
      const longest = bodyText(report.body)
        .split('\n')
        .sort((a, b) => b.length - a.length)[0] as string;
      search ??= await loadPagefind(join(sandbox.dir, 'dist'), BASE);
      const outcome = await runSearch(search.context, { query: [...squash(longest)].slice(0, 20).join('') });
      const urls = await Promise.all(outcome.results.map(async (r) => (await search!.block(r.report, 0)).url));
      expect(urls).toContain(`${BASE}reports/${id}/`);
    },
  );

  it('kept the seeds as they were (imports link the identical originals instead of copying them)', () => {
    for (const name of SEEDS) expect(readFileSync(join(sandbox.dir, 'public/originals', name)).equals(seedBytes(name))).toBe(true);
    const before = readdirSync(join(ROOT, 'public/originals'));
    expect(readdirSync(join(sandbox.dir, 'public/originals')).sort()).toEqual([...before, `imported-${SEEDS.length}.txt`].sort());
  });
});
