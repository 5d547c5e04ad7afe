/** The shape of bench/results.json, the issue's targets checked against it, and the Markdown table. */
import type { PageWeight, QueryMeasurement, TransferTotals } from './browser.ts';
import type { BuildMeasurement } from './build.ts';
import type { CorpusSummary } from './generate.ts';
import type { FolderSize } from './sizes.ts';

export interface SiteFigures {
  build: BuildMeasurement;
  dist: FolderSize;
  /** HTML files in dist/. */
  htmlPages: number;
  /** htmlPages / build seconds. */
  pagesPerSecond: number;
}

export interface SizeResult {
  reports: number;
  /** One-minute load average before the builds and after the browser measurements (a shared machine's noise). */
  loadAverageBefore: number;
  loadAverageAfter: number;
  corpus: CorpusSummary;
  archive: SiteFigures & { index: FolderSize };
  bare: SiteFigures;
  /** Archive build time over the bare reference's, with and without Pagefind indexing. */
  ratio: { build: number; buildWithoutIndexing: number };
  search: { cold: QueryMeasurement; warm: QueryMeasurement };
  reportPage: { largest: PageWeight; median: PageWeight };
}

export interface Scaling {
  from: number;
  to: number;
  /** (cost per report at `to`) / (cost per report at `from`): 1 is linear, above 1 grows faster than N. */
  buildSecondsPerReport: number;
  indexingSecondsPerReport: number | null;
  distBytesPerReport: number;
  indexBytesPerReport: number;
}

export interface TargetCheck {
  reports: number;
  target: string;
  value: number;
  limit: number;
  pass: boolean;
}

export interface BenchResults {
  benchmark: 'archive-scale';
  measuredAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    os: string;
    node: string;
    astro: string;
    mdx: string;
    pagefind: string;
    chromium: string;
    note: string;
  };
  settings: {
    seed: string;
    base: string;
    years: { from: number; to: number };
    queries: { cold: string; warm: string };
    warmUp: boolean;
  };
  runs: SizeResult[];
  scaling: Scaling[];
  targets: TargetCheck[];
}

const KiB = 1024;
const round = (value: number, places = 2) => Number(value.toFixed(places));

/** Growth of per-report costs between consecutive sizes. */
export function scaling(runs: readonly SizeResult[]): Scaling[] {
  const sorted = [...runs].sort((a, b) => a.reports - b.reports);
  return sorted.slice(1).map((to, i) => {
    const from = sorted[i]!;
    const growth = (a: number, b: number) => round(b / to.reports / (a / from.reports));
    const indexingFrom = from.archive.build.indexingSeconds;
    const indexingTo = to.archive.build.indexingSeconds;
    return {
      from: from.reports,
      to: to.reports,
      buildSecondsPerReport: growth(from.archive.build.seconds, to.archive.build.seconds),
      indexingSecondsPerReport: indexingFrom && indexingTo ? growth(indexingFrom, indexingTo) : null,
      distBytesPerReport: growth(from.archive.dist.bytes, to.archive.dist.bytes),
      indexBytesPerReport: growth(from.archive.index.bytes, to.archive.index.bytes),
    };
  });
}

/** The issue's targets (on 2 cores); build targets are stated for 1000 reports, the others for any N. */
export function checkTargets(runs: readonly SizeResult[], growth: readonly Scaling[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (reports: number, target: string, value: number, limit: number) =>
    checks.push({ reports, target, value: round(value), limit, pass: value <= limit });
  for (const run of runs) {
    if (run.reports === 1000) {
      add(run.reports, 'archive build and index, seconds', run.archive.build.seconds, 90);
      add(run.reports, 'archive / bare build time', run.ratio.build, 1.3);
    }
    add(run.reports, 'cold query, search transfer, KiB gzip', run.search.cold.search.gzipBytes / KiB, 150);
    add(run.reports, 'warm query, search transfer, KiB gzip', run.search.warm.search.gzipBytes / KiB, 10);
    add(run.reports, 'largest report page at load, KiB gzip', run.reportPage.largest.gzipBytes / KiB, 40);
  }
  // Linear: the cost per report must not grow with N (10% allowance for a noisy machine).
  for (const step of growth) add(step.to, `build time per report, N=${step.to} over N=${step.from}`, step.buildSecondsPerReport, 1.1);
  return checks;
}

const kib = (bytes: number) => (bytes / KiB).toFixed(1);
const mib = (bytes: number) => (bytes / KiB / KiB).toFixed(1);
/** gzip KiB of groups of file kinds, e.g. "script+wasm / index / fragment" as "80.1 / 97.7 / 56.9". */
const kinds = (totals: TransferTotals, ...groups: string[][]) =>
  groups.map((group) => kib(group.reduce((sum, kind) => sum + (totals.byKind[kind]?.gzipBytes ?? 0), 0))).join(' / ');
const phases = (build: BuildMeasurement) =>
  ['Sync content layer', 'Prerender build', 'Static generate'].map((name) => build.phases[name]?.toFixed(1) ?? '–').join(' / ');
/** The routes taking longest to render, most first. */
const byRoute = (build: BuildMeasurement) =>
  Object.entries(build.renderByRoute)
    .sort(([, a], [, b]) => b.seconds - a.seconds)
    .slice(0, 4)
    .map(([route, { pages, seconds }]) => `${route} ${seconds.toFixed(1)} (${pages})`)
    .join(', ');
const seconds = (value: number | null) => (value === null ? '–' : value.toFixed(1));

/** The results as a Markdown table (one column per N), the targets, and the machine. */
export function renderTable(results: BenchResults): string {
  const runs = [...results.runs].sort((a, b) => a.reports - b.reports);
  const { cold, warm } = results.settings.queries;
  const rows: [string, (run: SizeResult) => string][] = [
    ['statistics in the generated reports', (r) => String(r.corpus.stats)],
    ['archive build incl. indexing (s)', (r) => seconds(r.archive.build.seconds)],
    ['… of which Pagefind indexing (s)', (r) => seconds(r.archive.build.indexingSeconds)],
    ['bare Astro MDX reference build (s)', (r) => seconds(r.bare.build.seconds)],
    ['archive / bare build time', (r) => `${r.ratio.build.toFixed(2)} (${r.ratio.buildWithoutIndexing.toFixed(2)} without indexing)`],
    ['Astro phases, archive (s): content sync / bundling / page generation', (r) => phases(r.archive.build)],
    ['Astro phases, bare (s): content sync / bundling / page generation', (r) => phases(r.bare.build)],
    ['archive page rendering by route (s, pages)', (r) => byRoute(r.archive.build)],
    ['archive build time per report (ms)', (r) => ((r.archive.build.seconds / r.reports) * 1000).toFixed(0)],
    ['HTML pages built (archive / bare)', (r) => `${r.archive.htmlPages} / ${r.bare.htmlPages}`],
    ['pages per second (archive / bare)', (r) => `${r.archive.pagesPerSecond} / ${r.bare.pagesPerSecond}`],
    ['peak memory, astro process (MiB, archive / bare)', (r) => `${r.archive.build.peakRssMiB ?? '–'} / ${r.bare.build.peakRssMiB ?? '–'}`],
    ['peak memory, process tree (MiB, archive / bare)', (r) => `${r.archive.build.peakTreeRssMiB ?? '–'} / ${r.bare.build.peakTreeRssMiB ?? '–'}`],
    ['`dist/` size (MiB, files)', (r) => `${mib(r.archive.dist.bytes)} (${r.archive.dist.files})`],
    ['search index `dist/pagefind/` (MiB, files)', (r) => `${mib(r.archive.index.bytes)} (${r.archive.index.files})`],
    [`cold query “${cold}”: results`, (r) => String(r.search.cold.results ?? '–')],
    ['cold query: search transfer, KiB gzip (requests)', (r) => `${kib(r.search.cold.search.gzipBytes)} (${r.search.cold.search.requests})`],
    ['… Pagefind scripts + wasm / index chunks / fragments (KiB gzip)', (r) => kinds(r.search.cold.search, ['script', 'wasm'], ['index'], ['fragment'])],
    ['cold query: search page itself, KiB gzip (requests)', (r) => `${kib(r.search.cold.page.gzipBytes)} (${r.search.cold.page.requests})`],
    ['cold query: navigation → results (ms)', (r) => String(r.search.cold.ms)],
    [`warm query “${warm}”: results`, (r) => String(r.search.warm.results ?? '–')],
    ['warm query: search transfer, KiB gzip (requests)', (r) => `${kib(r.search.warm.search.gzipBytes)} (${r.search.warm.search.requests})`],
    ['… index chunks / fragments (KiB gzip)', (r) => kinds(r.search.warm.search, ['index'], ['fragment'])],
    ['warm query: submit → results (ms)', (r) => String(r.search.warm.ms)],
    ['report page at load, KiB gzip: largest / median', (r) => `${kib(r.reportPage.largest.gzipBytes)} / ${kib(r.reportPage.median.gzipBytes)}`],
    ['load average before / after', (r) => `${r.loadAverageBefore} / ${r.loadAverageAfter}`],
  ];
  const header = `| figure | ${runs.map((r) => `N = ${r.reports}`).join(' | ')} |`;
  const rule = `| --- | ${runs.map(() => '---:').join(' | ')} |`;
  const body = rows.map(([label, cell]) => `| ${label} | ${runs.map(cell).join(' | ')} |`);
  const targets = results.targets.map(
    (t) => `| ${t.target} | ${t.reports} | ${t.value} | ≤ ${t.limit} | ${t.pass ? 'met' : '**missed**'} |`,
  );
  const m = results.machine;
  return [
    header,
    rule,
    ...body,
    '',
    '| target | N | measured | limit | |',
    '| --- | ---: | ---: | ---: | --- |',
    ...targets,
    '',
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}, Astro ${m.astro}, ` +
      `@astrojs/mdx ${m.mdx}, Pagefind ${m.pagefind}, Chromium ${m.chromium}; measured ${results.measuredAt}.` +
      (m.note ? ` ${m.note}` : ''),
    '',
  ].join('\n');
}
