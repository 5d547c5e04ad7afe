/** The shape of bench/results.json, the issue's targets checked against it, and the Markdown table. */
import type { PageWeight, QueryMeasurement, TransferTotals } from './browser.ts';
import type { BuildMeasurement } from './build.ts';
import type { CorpusSummary } from './generate.ts';
import type { LighthouseScore } from './lighthouse.ts';
import type { FolderSize, ResearchSizes } from './sizes.ts';

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
  archive: SiteFigures & { index: FolderSize; research?: ResearchSizes };
  bare: SiteFigures;
  /** Archive build time over the bare reference's, with and without Pagefind indexing. */
  ratio: { build: number; buildWithoutIndexing: number };
  search: { cold: QueryMeasurement; warm: QueryMeasurement };
  reportPage: { largest: PageWeight; median: PageWeight };
  /** Lighthouse performance of the home page and the largest report page (CPU-dependent: see the load). */
  lighthouse?: LighthouseScore[];
  /** A second build of the archive after one report changed, caches in place. */
  rebuild?: BuildMeasurement;
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

/** More of the same growth figures, for the scale goals (issue #14). */
export interface ScalingDetail {
  from: number;
  to: number;
  distFilesPerReport: number;
  peakTreeMemoryPerReport: number | null;
  /** Render time per page of each route (reports, regions, data …): 1 is flat in N. */
  renderSecondsPerPage: Record<string, number>;
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
  scalingDetail?: ScalingDetail[];
  targets: TargetCheck[];
}

const KiB = 1024;
const round = (value: number, places = 2) => Number(value.toFixed(places));

/**
 * For each pair of consecutive sizes: `figures(from, to, growth)`, where `growth(a, b)` is the cost per
 * report at the larger size (b) over the cost per report at the smaller (a), or null when a figure is missing.
 */
function steps<T>(
  runs: readonly SizeResult[],
  figures: (from: SizeResult, to: SizeResult, growth: (a: number | null, b: number | null) => number | null) => T,
): T[] {
  const sorted = [...runs].sort((a, b) => a.reports - b.reports);
  return sorted.slice(1).map((to, i) => {
    const from = sorted[i]!;
    return figures(from, to, (a, b) => (a && b ? round(b / to.reports / (a / from.reports)) : null));
  });
}

/** Growth of per-report costs between consecutive sizes. */
export function scaling(runs: readonly SizeResult[]): Scaling[] {
  return steps(runs, (from, to, growth) => ({
    from: from.reports,
    to: to.reports,
    buildSecondsPerReport: growth(from.archive.build.seconds, to.archive.build.seconds) ?? 0,
    indexingSecondsPerReport: growth(from.archive.build.indexingSeconds, to.archive.build.indexingSeconds),
    distBytesPerReport: growth(from.archive.dist.bytes, to.archive.dist.bytes) ?? 0,
    indexBytesPerReport: growth(from.archive.index.bytes, to.archive.index.bytes) ?? 0,
  }));
}

/** Growth of files, memory and each route's render time per page between consecutive sizes. */
export function scalingDetail(runs: readonly SizeResult[]): ScalingDetail[] {
  return steps(runs, (from, to, growth) => ({
    from: from.reports,
    to: to.reports,
    distFilesPerReport: growth(from.archive.dist.files, to.archive.dist.files) ?? 0,
    peakTreeMemoryPerReport: growth(from.archive.build.peakTreeRssMiB, to.archive.build.peakTreeRssMiB),
    renderSecondsPerPage: perPageGrowth(from.archive.build, to.archive.build),
  }));
}

/** Growth of each route's render time per page between two builds (routes both builds rendered). */
function perPageGrowth(from: BuildMeasurement, to: BuildMeasurement): Record<string, number> {
  const growth: Record<string, number> = {};
  for (const [route, a] of Object.entries(from.renderByRoute)) {
    const b = to.renderByRoute[route];
    if (!b || a.seconds === 0 || a.pages === 0 || b.pages === 0) continue;
    growth[route] = round(b.seconds / b.pages / (a.seconds / a.pages));
  }
  return growth;
}

/** Issue #14's goals for 10,000 reports on 2 cores (checked for any run of at least that size). */
export const SCALE_GOALS = {
  reports: 10_000,
  buildSeconds: 8 * 60,
  ratio: 2.5,
  peakTreeMiB: 6 * 1024,
  distBytes: 700e6,
  distFiles: 20_000,
  perReportGrowth: 1.15,
} as const;

/** The issue's targets (on 2 cores); build targets are stated for 1000 reports, the others for any N. */
export function checkTargets(
  runs: readonly SizeResult[],
  growth: readonly Scaling[],
  detail: readonly ScalingDetail[] = scalingDetail(runs),
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (reports: number, target: string, value: number, limit: number) =>
    checks.push({ reports, target, value: round(value), limit: round(limit), pass: value <= limit });
  for (const run of runs) {
    if (run.reports === 1000) {
      add(run.reports, 'archive build and index, seconds', run.archive.build.seconds, 90);
      add(run.reports, 'archive / bare build time', run.ratio.build, 1.3);
    }
    // Issue #10's budgets, in KB (1,000 bytes) as stated there: cold ≤ 150 KB and warm ≤ 30 KB up to 1,000
    // reports, cold ≤ 200 KB at 5,000 and beyond.
    const coldKB = run.reports >= 5000 ? 200 : 150;
    add(
      run.reports,
      'cold query, search transfer, KiB gzip',
      run.search.cold.search.gzipBytes / KiB,
      (coldKB * 1000) / KiB,
    );
    if (run.reports <= 1000) {
      add(
        run.reports,
        'warm query, search transfer, KiB gzip',
        run.search.warm.search.gzipBytes / KiB,
        (30 * 1000) / KiB,
      );
    }
    add(run.reports, 'largest report page at load, KiB gzip', run.reportPage.largest.gzipBytes / KiB, 40);
  }
  const G = SCALE_GOALS;
  for (const run of runs.filter((r) => r.reports >= G.reports)) {
    add(run.reports, 'archive build incl. indexing, seconds', run.archive.build.seconds, G.buildSeconds);
    add(run.reports, 'archive / bare build time (indexing included)', run.ratio.build, G.ratio);
    add(
      run.reports,
      'peak memory of the process tree, MiB',
      run.archive.build.peakTreeRssMiB ?? Infinity,
      G.peakTreeMiB,
    );
    add(run.reports, 'dist/ size, MB', run.archive.dist.bytes / 1e6, G.distBytes / 1e6);
    add(run.reports, 'dist/ files', run.archive.dist.files, G.distFiles);
  }
  // Linear: the cost per report must not grow with N (10% allowance for a noisy machine; 15% from 1,000 to 10,000).
  for (const step of growth) {
    const limit = step.to >= G.reports ? G.perReportGrowth : 1.1;
    const over = `N=${step.to} over N=${step.from}`;
    add(step.to, `build time per report, ${over}`, step.buildSecondsPerReport, limit);
    const more = detail.find((d) => d.from === step.from && d.to === step.to);
    if (step.to < G.reports || !more) continue;
    add(step.to, `peak memory per report, ${over}`, more.peakTreeMemoryPerReport ?? Infinity, limit);
    add(step.to, `dist/ bytes per report, ${over}`, step.distBytesPerReport, limit);
    for (const [route, value] of Object.entries(more.renderSecondsPerPage)) {
      add(step.to, `render time per ${route} page, ${over}`, value, limit);
    }
  }
  return checks;
}

const kib = (bytes: number) => (bytes / KiB).toFixed(1);
const mib = (bytes: number) => (bytes / KiB / KiB).toFixed(1);
/** gzip KiB of groups of file kinds, e.g. "script+wasm / index / fragment" as "80.1 / 97.7 / 56.9". */
const kinds = (totals: TransferTotals, ...groups: string[][]) =>
  groups.map((group) => kib(group.reduce((sum, kind) => sum + (totals.byKind[kind]?.gzipBytes ?? 0), 0))).join(' / ');
const phases = (build: BuildMeasurement) =>
  ['Sync content layer', 'Prerender build', 'Static generate']
    .map((name) => build.phases[name]?.toFixed(1) ?? '–')
    .join(' / ');
/** The routes taking longest to render, most first. */
const byRoute = (build: BuildMeasurement) =>
  Object.entries(build.renderByRoute)
    .sort(([, a], [, b]) => b.seconds - a.seconds)
    .slice(0, 4)
    .map(([route, { pages, seconds }]) => `${route} ${seconds.toFixed(1)} (${pages})`)
    .join(', ');
const seconds = (value: number | null) => (value === null ? '–' : value.toFixed(1));
const perReport = (run: SizeResult, total: number, places: number) => (total / run.reports).toFixed(places);
/** Render time per page of the busiest routes, in ms. */
const perPage = (build: BuildMeasurement) =>
  Object.entries(build.renderByRoute)
    .sort(([, a], [, b]) => b.seconds - a.seconds)
    .slice(0, 5)
    .map(([route, { pages, seconds }]) => `${route} ${((seconds / pages) * 1000).toFixed(1)}`)
    .join(', ');
const byProcess = (build: BuildMeasurement) =>
  Object.entries(build.peakByProcessMiB ?? {})
    .sort(([, a], [, b]) => b - a)
    .map(([command, mib]) => `${command} ${mib}`)
    .join(', ') || '–';

/** A figure of the table: its label and its cell for one size of archive. */
type Row = [string, (run: SizeResult) => string];

/** Build time, Astro's phases and page rendering, archive against the bare reference. */
const BUILD_ROWS: Row[] = [
  ['statistics in the generated reports', (r) => String(r.corpus.stats)],
  ['archive build incl. indexing (s)', (r) => seconds(r.archive.build.seconds)],
  ['… of which Pagefind indexing (s)', (r) => seconds(r.archive.build.indexingSeconds)],
  ['bare Astro MDX reference build (s)', (r) => seconds(r.bare.build.seconds)],
  [
    'archive / bare build time',
    (r) => `${r.ratio.build.toFixed(2)} (${r.ratio.buildWithoutIndexing.toFixed(2)} without indexing)`,
  ],
  ['Astro phases, archive (s): content sync / bundling / page generation', (r) => phases(r.archive.build)],
  ['Astro phases, bare (s): content sync / bundling / page generation', (r) => phases(r.bare.build)],
  ['archive page rendering by route (s, pages)', (r) => byRoute(r.archive.build)],
  ['archive build time per report (ms)', (r) => ((r.archive.build.seconds / r.reports) * 1000).toFixed(0)],
  [
    '… per report: Pagefind indexing / bare build (ms)',
    (r) =>
      `${perReport(r, (r.archive.build.indexingSeconds ?? 0) * 1000, 0)} / ${perReport(r, r.bare.build.seconds * 1000, 0)}`,
  ],
  ['render time per page by route (ms)', (r) => perPage(r.archive.build)],
  ['HTML pages built (archive / bare)', (r) => `${r.archive.htmlPages} / ${r.bare.htmlPages}`],
  ['pages per second (archive / bare)', (r) => `${r.archive.pagesPerSecond} / ${r.bare.pagesPerSecond}`],
];

/** Peak memory of the builds. */
const MEMORY_ROWS: Row[] = [
  [
    'peak memory, astro process (MiB, archive / bare)',
    (r) => `${r.archive.build.peakRssMiB ?? '–'} / ${r.bare.build.peakRssMiB ?? '–'}`,
  ],
  [
    'peak memory, process tree (MiB, archive / bare)',
    (r) => `${r.archive.build.peakTreeRssMiB ?? '–'} / ${r.bare.build.peakTreeRssMiB ?? '–'}`,
  ],
  [
    '… per report (MiB, archive / bare)',
    (r) =>
      `${perReport(r, r.archive.build.peakTreeRssMiB ?? 0, 2)} / ${perReport(r, r.bare.build.peakTreeRssMiB ?? 0, 2)}`,
  ],
  ['peak memory by process, archive (MiB)', (r) => byProcess(r.archive.build)],
];

/** What the build writes: the whole site, the search index, the rest. */
const SIZE_ROWS: Row[] = [
  ['`dist/` size (MiB, files)', (r) => `${mib(r.archive.dist.bytes)} (${r.archive.dist.files})`],
  [
    '… per report (KiB, files)',
    (r) => `${perReport(r, r.archive.dist.bytes / KiB, 1)} (${perReport(r, r.archive.dist.files, 2)})`,
  ],
  ['search index `dist/pagefind/` (MiB, files)', (r) => `${mib(r.archive.index.bytes)} (${r.archive.index.files})`],
  [
    '… per report (KiB, files)',
    (r) => `${perReport(r, r.archive.index.bytes / KiB, 1)} (${perReport(r, r.archive.index.files, 2)})`,
  ],
  [
    '`dist/` without the search index (MiB, files)',
    (r) => `${mib(r.archive.dist.bytes - r.archive.index.bytes)} (${r.archive.dist.files - r.archive.index.files})`,
  ],
  [
    'metric pages with charts / per-metric CSV + JSON / region and topic feeds (MiB, files)',
    (r) => {
      const research = r.archive.research;
      if (!research) return '–';
      const { metricPages, metricDownloads, feeds } = research;
      return [metricPages, metricDownloads, feeds].map((s) => `${mib(s.bytes)} (${s.files})`).join(' / ');
    },
  ],
];

/** The cold and the warm query in Chromium, named by their text. */
function searchRows({ cold, warm }: BenchResults['settings']['queries']): Row[] {
  return [
    [`cold query “${cold}”: results`, (r) => String(r.search.cold.results ?? '–')],
    [
      'cold query: search transfer, KiB gzip (requests)',
      (r) => `${kib(r.search.cold.search.gzipBytes)} (${r.search.cold.search.requests})`,
    ],
    [
      '… Pagefind scripts + wasm / index chunks / fragments (KiB gzip)',
      (r) => kinds(r.search.cold.search, ['script', 'wasm'], ['index'], ['fragment']),
    ],
    [
      'cold query: search page itself, KiB gzip (requests)',
      (r) => `${kib(r.search.cold.page.gzipBytes)} (${r.search.cold.page.requests})`,
    ],
    ['cold query: navigation → results (ms)', (r) => String(r.search.cold.ms)],
    [`warm query “${warm}”: results`, (r) => String(r.search.warm.results ?? '–')],
    [
      'warm query: search transfer, KiB gzip (requests)',
      (r) => `${kib(r.search.warm.search.gzipBytes)} (${r.search.warm.search.requests})`,
    ],
    ['… index chunks / fragments (KiB gzip)', (r) => kinds(r.search.warm.search, ['index'], ['fragment'])],
    ['warm query: submit → results (ms)', (r) => String(r.search.warm.ms)],
  ];
}

/** Page weight, Lighthouse, the second build, and how busy the machine was. */
const PAGE_AND_REBUILD_ROWS: Row[] = [
  [
    'report page at load, KiB gzip: largest / median',
    (r) => `${kib(r.reportPage.largest.gzipBytes)} / ${kib(r.reportPage.median.gzipBytes)}`,
  ],
  [
    'Lighthouse performance: home / largest report',
    (r) => r.lighthouse?.map((l) => l.performance ?? '–').join(' / ') ?? '–',
  ],
  [
    'second build, one report changed (s; of which indexing)',
    (r) => (r.rebuild ? `${seconds(r.rebuild.seconds)} (${seconds(r.rebuild.indexingSeconds)})` : '–'),
  ],
  ['… its Astro phases (s): content sync / bundling / page generation', (r) => (r.rebuild ? phases(r.rebuild) : '–')],
  ['load average before / after', (r) => `${r.loadAverageBefore} / ${r.loadAverageAfter}`],
];

/** One column per size of archive, smallest first. */
function figureTable(runs: readonly SizeResult[], rows: readonly Row[]): string[] {
  const header = `| figure | ${runs.map((r) => `N = ${r.reports}`).join(' | ')} |`;
  const rule = `| --- | ${runs.map(() => '---:').join(' | ')} |`;
  return [header, rule, ...rows.map(([label, cell]) => `| ${label} | ${runs.map(cell).join(' | ')} |`)];
}

function targetTable(targets: readonly TargetCheck[]): string[] {
  return [
    '| target | N | measured | limit | |',
    '| --- | ---: | ---: | ---: | --- |',
    ...targets.map(
      (t) => `| ${t.target} | ${t.reports} | ${t.value} | ≤ ${t.limit} | ${t.pass ? 'met' : '**missed**'} |`,
    ),
  ];
}

function machineLine({ machine: m, measuredAt }: BenchResults): string {
  return (
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}, Astro ${m.astro}, ` +
    `@astrojs/mdx ${m.mdx}, Pagefind ${m.pagefind}, Chromium ${m.chromium}; measured ${measuredAt}.` +
    (m.note ? ` ${m.note}` : '')
  );
}

/** The results as a Markdown table (one column per N), the targets, the growth per report, and the machine. */
export function renderTable(results: BenchResults): string {
  const runs = [...results.runs].sort((a, b) => a.reports - b.reports);
  const rows = [
    ...BUILD_ROWS,
    ...MEMORY_ROWS,
    ...SIZE_ROWS,
    ...searchRows(results.settings.queries),
    ...PAGE_AND_REBUILD_ROWS,
  ];
  return [
    ...figureTable(runs, rows),
    '',
    ...targetTable(results.targets),
    '',
    ...scalingTable(results.scaling, results.scalingDetail ?? []),
    machineLine(results),
    '',
  ].join('\n');
}

/** Cost per report at the larger N over the smaller (1 = linear), one row per pair of sizes. */
function scalingTable(steps: readonly Scaling[], details: readonly ScalingDetail[]): string[] {
  if (!steps.length) return [];
  const cell = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(2));
  return [
    '| growth per report | build time | indexing | peak memory | dist/ bytes | dist/ files | index bytes | ' +
      'render per page, slowest route |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...steps.map((s) => {
      const d = details.find((x) => x.from === s.from && x.to === s.to);
      const worst = Object.entries(d?.renderSecondsPerPage ?? {}).sort(([, a], [, b]) => b - a)[0];
      const worstRoute = worst ? `${worst[0]} ${worst[1].toFixed(2)}` : '–';
      const cells = [
        `N=${s.from} → ${s.to}`,
        cell(s.buildSecondsPerReport),
        cell(s.indexingSecondsPerReport),
        cell(d?.peakTreeMemoryPerReport),
        cell(s.distBytesPerReport),
        cell(d?.distFilesPerReport),
        cell(s.indexBytesPerReport),
        worstRoute,
      ];
      return `| ${cells.join(' | ')} |`;
    }),
    '',
  ];
}
