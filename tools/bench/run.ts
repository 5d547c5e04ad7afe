/**
 * The archive-scale benchmark (`npm run bench`). For each size N: generates N reports from the seed
 * articles, builds them with the real pipeline (`astro build` in a throwaway copy, Pagefind included)
 * and with a bare Astro MDX site as the reference, measures the search page and a report page in
 * headless Chromium, then prints a Markdown table and writes a JSON file. See bench/README.md.
 *
 *   node tools/bench/run.ts                      N = 100 and 1000 → bench/results.json
 *   node tools/bench/run.ts --n 5000             N = 5000 → bench/results-5000.json
 *   node tools/bench/run.ts --sizes 1000,10000   the scale goals (issue #14); heavy: tens of minutes
 *   node tools/bench/run.ts --table bench/results.json   only print the table of a results file
 *
 * Other flags: --sizes 100,1000  --seed <text>  --out <file>  --keep (keep the temporary projects)
 * --no-warmup  --note <text> (recorded with the machine, e.g. "shared machine, other builds running")
 * --rebuild-max <N> (the second build after one changed report only for sizes up to N; default: every size).
 */
import { appendFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../shared/browser.ts';
import { measurePageWeight, measureQueries, openSite, type PageWeight, type QueryMeasurement } from './browser.ts';
import { runBuild, type BuildMeasurement } from './build.ts';
import {
  generateReports,
  summarize,
  writeOriginals,
  writeReports,
  DEFAULT_YEARS,
  type CorpusSummary,
  type GeneratedReport,
} from './generate.ts';
import { lighthousePerformance, type LighthouseScore } from './lighthouse.ts';
import { createArchiveProject, createBareProject, ROOT, type BenchProject } from './projects.ts';
import { loadSeedCorpus, type SeedCorpus } from './seeds.ts';
import { countFiles, folderSize, researchSizes } from './sizes.ts';
import {
  checkTargets,
  renderTable,
  scaling,
  scalingDetail,
  type BenchResults,
  type SiteFigures,
  type SizeResult,
} from './results.ts';

const DEFAULT_SIZES = [100, 1000];
const BASE = '/union-archive/';
const SITE = 'https://archive.example.org';
/** A term in most seed articles (cold) and a different one (warm); neither is in the generated sentences. */
const QUERIES = { cold: '金秋助学', warm: '工人先锋号' };

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;
}

function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((part) => Number(part.trim()));
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`not a list of sizes: ${text}`);
  return sizes;
}

const round = (value: number, places: number) => Number(value.toFixed(places));

async function buildProject(project: BenchProject): Promise<SiteFigures> {
  const build = await runBuild(project, { BASE_PATH: BASE, SITE_URL: SITE });
  const distDir = join(project.dir, 'dist');
  const htmlPages = countFiles(distDir, '.html');
  return { build, dist: folderSize(distDir), htmlPages, pagesPerSecond: round(htmlPages / build.seconds, 1) };
}

/** Both projects over the same report files, removed afterwards unless kept. */
async function withProjects<T>(
  reports: readonly GeneratedReport[],
  keep: boolean,
  work: (archive: BenchProject, bare: BenchProject) => Promise<T>,
): Promise<T> {
  const archive = createArchiveProject();
  const bare = createBareProject();
  const interrupted = () => {
    archive.remove();
    bare.remove();
    process.exit(130);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    writeReports(archive.reportsDir, reports);
    writeOriginals(archive.dir, reports);
    writeReports(bare.reportsDir, reports);
    return await work(archive, bare);
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    if (keep) log(`kept ${archive.dir} and ${bare.dir}`);
    else {
      archive.remove();
      bare.remove();
    }
  }
}

/** Report pages by HTML size: the largest and the median (pagination pages are not reports). */
function reportPages(distDir: string): { largest: string; median: string } {
  const pages = readdirSync(join(distDir, 'reports'))
    .filter((dir) => dir.startsWith('bench-'))
    .map((dir) => ({ path: `reports/${dir}/`, size: folderSize(join(distDir, 'reports', dir)).bytes }))
    .sort((a, b) => a.size - b.size || a.path.localeCompare(b.path));
  if (!pages.length) throw new Error('no report pages in the build');
  return { largest: pages[pages.length - 1]!.path, median: pages[Math.floor(pages.length / 2)]!.path };
}

async function measureSize(
  corpus: SeedCorpus,
  count: number,
  seed: string,
  keep: boolean,
  rebuildMax: number,
): Promise<SizeResult> {
  const reports = generateReports(corpus, { count, seed });
  const summary: CorpusSummary = summarize(reports);
  log(`N=${count}: ${summary.stats} statistics, ${(summary.mdxBytes / 1e6).toFixed(1)} MB of MDX`);
  return withProjects(reports, keep, async (archive, bare) => {
    const loadBefore = round(loadavg()[0] ?? 0, 2);
    log(`N=${count}: building the bare reference …`);
    const bareFigures = await buildProject(bare);
    log(`N=${count}: bare ${bareFigures.build.seconds.toFixed(1)} s; building the archive …`);
    const archiveFigures = await buildProject(archive);
    log(`N=${count}: archive ${archiveFigures.build.seconds.toFixed(1)} s; measuring in the browser …`);
    const distDir = join(archive.dir, 'dist');
    const index = folderSize(join(distDir, 'pagefind'));
    const session = await openSite(distDir, BASE);
    let search: { cold: QueryMeasurement; warm: QueryMeasurement };
    let pages: { largest: PageWeight; median: PageWeight };
    try {
      search = await measureQueries(session, distDir, BASE, QUERIES);
      const chosen = reportPages(distDir);
      pages = {
        largest: await measurePageWeight(session, distDir, BASE, chosen.largest),
        median: await measurePageWeight(session, distDir, BASE, chosen.median),
      };
    } finally {
      await session.close();
    }
    log(`N=${count}: Lighthouse …`);
    const lighthouse: LighthouseScore[] = await lighthousePerformance(distDir, BASE, [
      '',
      reportPages(distDir).largest,
    ]);
    let rebuild: BuildMeasurement | undefined;
    if (count <= rebuildMax) {
      log(`N=${count}: second build with one report changed …`);
      rebuild = await rebuildAfterOneChange(archive, reports[0]!);
      log(`N=${count}: rebuild ${rebuild.seconds.toFixed(1)} s`);
    }
    const indexing = archiveFigures.build.indexingSeconds ?? 0;
    return {
      reports: count,
      loadAverageBefore: loadBefore,
      loadAverageAfter: round(loadavg()[0] ?? 0, 2),
      corpus: summary,
      archive: { ...archiveFigures, index, research: researchSizes(distDir) },
      bare: bareFigures,
      ratio: {
        build: round(archiveFigures.build.seconds / bareFigures.build.seconds, 2),
        buildWithoutIndexing: round((archiveFigures.build.seconds - indexing) / bareFigures.build.seconds, 2),
      },
      search,
      reportPage: pages,
      lighthouse,
      ...(rebuild ? { rebuild: roundBuild(rebuild) } : {}),
    };
  });
}

/**
 * A second build of the same project after one report's text changed (a sentence appended to its body),
 * with the first build's caches in place: what Astro's content-layer cache and Pagefind save.
 */
async function rebuildAfterOneChange(project: BenchProject, report: GeneratedReport): Promise<BuildMeasurement> {
  appendFileSync(
    join(project.reportsDir, `${report.id}.mdx`),
    '\n基准测试在此追加一句，检验改动一篇报道后的再次构建。\n',
  );
  return runBuild(project, { BASE_PATH: BASE, SITE_URL: SITE });
}

async function warmUp(corpus: SeedCorpus, seed: string): Promise<void> {
  // Not recorded: the first build after a while pays for reading node_modules from disk.
  log('warm-up builds (10 reports, not recorded) …');
  await withProjects(generateReports(corpus, { count: 10, seed }), false, async (archive, bare) => {
    await runBuild(bare, { BASE_PATH: BASE, SITE_URL: SITE });
    await runBuild(archive, { BASE_PATH: BASE, SITE_URL: SITE });
  });
}

function roundBuild(build: BuildMeasurement): BuildMeasurement {
  return {
    ...build,
    seconds: round(build.seconds, 2),
    indexingSeconds: build.indexingSeconds === null ? null : round(build.indexingSeconds, 2),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      n: { type: 'string' },
      seed: { type: 'string', default: 'union-archive-bench' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-warmup': { type: 'boolean', default: false },
      note: { type: 'string', default: '' },
      table: { type: 'string' },
      'rebuild-max': { type: 'string' },
    },
  });
  if (values.table) {
    process.stdout.write(renderTable(JSON.parse(readFileSync(values.table, 'utf8')) as BenchResults));
    return;
  }
  const sizes = values.n ? parseSizes(values.n) : values.sizes ? parseSizes(values.sizes) : DEFAULT_SIZES;
  const isDefault = sizes.join(',') === DEFAULT_SIZES.join(',');
  const out = values.out ?? join(ROOT, 'bench', isDefault ? 'results.json' : `results-${sizes.join('-')}.json`);

  const corpus = loadSeedCorpus();
  const measuredAt = new Date().toISOString();
  if (!values['no-warmup']) await warmUp(corpus, values.seed);
  const browser = await launchBrowser();
  const chromium = browser.version();
  await browser.close();
  const runs: SizeResult[] = [];
  const write = () => {
    const growth = scaling(runs);
    const detail = scalingDetail(runs);
    const results: BenchResults = {
      benchmark: 'archive-scale',
      measuredAt,
      machine: {
        cpus: availableParallelism(),
        cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
        memoryGiB: round(totalmem() / 2 ** 30, 1),
        os: `${type()} ${release()}`,
        node: process.version,
        astro: packageVersion('astro'),
        mdx: packageVersion('@astrojs/mdx'),
        pagefind: packageVersion('pagefind'),
        chromium,
        note: values.note,
      },
      settings: { seed: values.seed, base: BASE, years: DEFAULT_YEARS, queries: QUERIES, warmUp: !values['no-warmup'] },
      runs,
      scaling: growth,
      scalingDetail: detail,
      targets: checkTargets(runs, growth, detail),
    };
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${relative(process.cwd(), out)} (${runs.length} of ${sizes.length} sizes)`);
    return results;
  };
  let results: BenchResults | undefined;
  for (const count of sizes) {
    const result = await measureSize(
      corpus,
      count,
      values.seed,
      values.keep,
      Number(values['rebuild-max'] ?? Infinity),
    );
    runs.push({
      ...result,
      archive: { ...result.archive, build: roundBuild(result.archive.build) },
      bare: { ...result.bare, build: roundBuild(result.bare.build) },
    });
    // Written after every size: a long run that is stopped keeps what it measured.
    results = write();
  }
  if (results) process.stdout.write(renderTable(results));
}

await main();
