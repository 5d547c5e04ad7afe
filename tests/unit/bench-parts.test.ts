/**
 * The benchmark's small pure parts: PRNG, MDX blocks, build-log parsing, scaling and targets, the results
 * table, file kinds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKind } from '../../tools/bench/browser.ts';
import { parseBuildLog, readPhases, renderTimes } from '../../tools/bench/build.ts';
import { createRandom } from '../../tools/shared/prng.ts';
import { checkTargets, renderTable, scaling, type BenchResults, type SizeResult } from '../../tools/bench/results.ts';
import { ROOT } from '../../tools/shared/content.ts';
import { locateStats, splitBlocks } from '../../tools/bench/seeds.ts';
import { bodyText } from '../../src/lib/article-text.ts';

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRandom('s');
    const b = createRandom('s');
    const c = createRandom('t');
    const first = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers within bounds, covering them, and samples distinct items', () => {
    const random = createRandom(7);
    const draws = Array.from({ length: 2000 }, () => random.int(3, 9));
    expect(Math.min(...draws)).toBe(3);
    expect(Math.max(...draws)).toBe(9);
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect(random.shuffle(items).sort((x, y) => x - y)).toEqual(items);
    const sample = random.sample(items, 10);
    expect(new Set(sample).size).toBe(10);
    expect(random.sample(items, 99).length).toBe(30);
    expect(() => random.pick([])).toThrow();
  });
});

describe('splitBlocks and locateStats', () => {
  const body = [
    '## 一、组织建设',
    '全市基层工会23711家，会员130多万人。',
    '<Duplicate note="重复">\n\n第一段重复。\n\n第二段重复，发放资金1259万元。\n\n</Duplicate>',
    '职工<Sic reading="书屋">书层</Sic>建成120家，<Lacuna />其后缺漏。',
  ].join('\n\n');

  it('cuts an MDX body into top-level blocks, keeping a component that spans paragraphs whole', () => {
    const blocks = splitBlocks(body);
    expect(blocks).toHaveLength(4);
    expect(blocks[2]).toMatch(/^<Duplicate[\s\S]*<\/Duplicate>$/);
    expect(bodyText(blocks.join('\n\n'))).toBe(bodyText(body));
  });

  it('attaches each statistic to the block holding its quote and drops quotes across blocks', () => {
    const stat = (quote: string, value: number) => ({ metric: 'm', label: 'l', value, unit: '', quote });
    const located = locateStats('seed', splitBlocks(body), [
      stat('会员130多万人', 1300000),
      stat('发放资金1259万元', 12590000),
      stat('职工书层建成120家', 120),
      stat('会员130多万人。第一段重复', 1300000),
    ]);
    expect(located.map((b) => b.stats.map((s) => s.value))).toEqual([[], [1300000], [12590000], [120]]);
    expect(located.every((b) => b.seed === 'seed')).toBe(true);
  });
});

describe('parseBuildLog', () => {
  it('reads Astro’s page count and time and the Pagefind integration’s indexing time', () => {
    const log =
      '12:00:01 [archive-pagefind] indexed 1000 pages in 8421 ms\n12:00:02 [build] 1432 page(s) built in 1m 7s\n[build] Complete!';
    expect(parseBuildLog(log)).toEqual({ astroSeconds: 67, pages: 1432, indexingSeconds: 8.421, indexedPages: 1000 });
    expect(parseBuildLog('[build] 20 page(s) built in 2.95s').astroSeconds).toBe(2.95);
    expect(parseBuildLog('[build] 1 page(s) built in 850ms').astroSeconds).toBe(0.85);
    expect(parseBuildLog('nothing useful')).toEqual({
      astroSeconds: null,
      pages: null,
      indexingSeconds: null,
      indexedPages: null,
    });
  });
});

describe('renderTimes and readPhases', () => {
  it('sums Astro’s per-page render times by first path segment', () => {
    const log = [
      '15:57:52   ├─ /404.html (+14ms) ',
      '15:57:52   ├─ /data/reports.json (+4ms) ',
      '15:57:52   ├─ /data/statistics.csv (+1.50s) ',
      '15:57:53   ├─ /union-archive/reports/bench-00001-china-2018/index.html (+29ms) ',
      '15:57:53   ├─ /reports/bench-00002-fuxin-1999/index.html (+1m 2s) ',
      '15:57:53 [build] 5 page(s) built in 3.00s',
    ].join('\n');
    expect(renderTimes(log)).toEqual({
      '(root)': { pages: 1, seconds: 0.01 },
      data: { pages: 2, seconds: 1.5 },
      reports: { pages: 2, seconds: 62.03 },
    });
    expect(renderTimes('no pages')).toEqual({});
  });

  it('reads Astro’s phase timer file as seconds, and nothing when it is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
    try {
      const file = join(dir, 'timer.json');
      writeFileSync(
        file,
        JSON.stringify({ 'Static generate': { elapsedTime: 1349.96, heapUsedChange: 1, heapUsedTotal: 2 } }),
      );
      expect(readPhases(file)).toEqual({ 'Static generate': 1.35 });
      expect(readPhases(join(dir, 'absent.json'))).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scaling and targets', () => {
  const run = (reports: number, seconds: number, indexBytes: number, cold: number, page: number): SizeResult =>
    ({
      reports,
      archive: {
        build: { seconds, indexingSeconds: seconds / 10, phases: {}, renderByRoute: {} },
        dist: { bytes: reports * 1000, files: 1 },
        index: { bytes: indexBytes, files: 1 },
      },
      ratio: { build: 1.2, buildWithoutIndexing: 1.1 },
      search: { cold: { search: { gzipBytes: cold } }, warm: { search: { gzipBytes: 2048 } } },
      reportPage: { largest: { gzipBytes: page } },
    }) as unknown as SizeResult;

  it('compares the cost per report between sizes (1 = linear)', () => {
    const [step] = scaling([run(1000, 80, 4_000_000, 1, 1), run(100, 10, 500_000, 1, 1)]);
    expect(step).toEqual({
      from: 100,
      to: 1000,
      buildSecondsPerReport: 0.8,
      indexingSecondsPerReport: 0.8,
      distBytesPerReport: 1,
      indexBytesPerReport: 0.8,
    });
  });

  it('checks the targets, build targets only at N = 1000', () => {
    const runs = [run(100, 10, 1, 100 * 1024, 30 * 1024), run(1000, 95, 1, 200 * 1024, 30 * 1024)];
    const checks = checkTargets(runs, scaling(runs));
    const at = (reports: number, target: string) =>
      checks.find((c) => c.reports === reports && c.target.startsWith(target));
    expect(at(100, 'archive build')).toBeUndefined();
    expect(at(1000, 'archive build')).toMatchObject({ value: 95, limit: 90, pass: false });
    expect(at(1000, 'archive / bare')).toMatchObject({ pass: true });
    expect(at(100, 'cold query')).toMatchObject({ value: 100, pass: true });
    expect(at(1000, 'cold query')).toMatchObject({ value: 200, pass: false });
    expect(at(1000, 'warm query')).toMatchObject({ value: 2, pass: true });
    expect(at(1000, 'build time per report')).toMatchObject({ value: 0.95, pass: true });
  });
});

describe('renderTable', () => {
  it('writes the README’s benchmark table from the committed results, to the byte', () => {
    const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
    const results = JSON.parse(read('bench/results-1000-10000.json')) as BenchResults;
    // The figures and the targets (the growth table and machine line are worded apart in the README).
    const tables = renderTable(results).split('\n\n').slice(0, 2).join('\n\n');
    expect(tables.split('\n').length).toBeGreaterThan(30);
    expect(read('README.md')).toContain(tables);
  });
});

describe('fileKind', () => {
  it.each([
    ['/b/pagefind/fragment/zh-cn_1.pf_fragment', 'fragment'],
    ['/b/pagefind/index/zh-cn_1.pf_index', 'index'],
    ['/b/pagefind/filter/zh-cn_1.pf_filter', 'filter'],
    ['/b/pagefind/pagefind.zh-cn_1.pf_meta', 'meta'],
    ['/b/pagefind/pagefind-entry.json', 'meta'],
    ['/b/pagefind/wasm.unknown.pagefind', 'wasm'],
    ['/b/pagefind/pagefind-worker.js', 'script'],
    ['/b/_astro/BaseLayout.x.css', 'style'],
    ['/b/search/', 'html'],
    ['/b/favicon.svg', 'other'],
  ])('%s is %s', (path, kind) => {
    expect(fileKind(path)).toBe(kind);
  });
});
