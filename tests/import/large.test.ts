/** Very large inputs (10 MB) import completely within a bounded heap. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImported, runImport, SEEDS, seedBytes, tempProject } from './helpers.ts';

const TEN_MB = 10 * 1024 * 1024;
/** Half a gigabyte of heap: several times less than Node's default, so "no out-of-memory" means something. */
const HEAP = ['--max-old-space-size=512'];

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject();
});
afterAll(() => project.remove());

describe('a 10 MB input', () => {
  it.each([
    [
      'a long report (a seed repeated)',
      () =>
        Buffer.concat(
          Array(Math.ceil(TEN_MB / seedBytes(SEEDS[2] as string).length)).fill(seedBytes(SEEDS[2] as string)),
        ),
    ],
    [
      'one line without a break',
      () => {
        const unit = '呼和浩特市总工会2015年新建职工书屋27家{示范点}2家<<书>>，';
        return Buffer.from(unit.repeat(Math.ceil(TEN_MB / Buffer.byteLength(unit))), 'utf8');
      },
    ],
  ])('%s imports completely', (name, make) => {
    const bytes = make();
    expect(bytes.length).toBeGreaterThanOrEqual(TEN_MB);
    const file = join(project.dir, `${name.length}.txt`);
    writeFileSync(file, bytes);
    const id = `large-${name.length}`;
    const run = runImport([file, '--root', project.dir, '--id', id], {}, HEAP);
    expect(run.status, run.stderr).toBe(0);
    const article = join(project.dir, 'content/reports', `${id}.mdx`);
    expect(statSync(article).size).toBeGreaterThan(TEN_MB);
    expect(readFileSync(join(project.dir, 'public/originals', `${id}.txt`)).equals(bytes)).toBe(true);
    const { data } = readImported(article);
    expect(data.region).toBe('hohhot');
    expect(data.stats?.length).toBeGreaterThan(0);
  });
});
