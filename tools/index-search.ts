/**
 * Builds the search index of a built site (`npm run build` runs it after `astro build`):
 *
 *   node tools/index-search.ts [dist]     BASE_PATH as for the build (default /)
 *
 * A process of its own, after Astro has exited: Astro's memory is returned before Pagefind's is taken,
 * so the build's peak is the larger of the two, not their sum.
 */
import { join, resolve } from 'node:path';
import { normalizeBase } from '../src/lib/paths.ts';
import { readReportPages } from './search-index/read-pages.ts';
import { writeSearchBundle } from './search-index/write-bundle.ts';

const site = resolve(process.argv[2] ?? 'dist');
const base = normalizeBase(process.env.BASE_PATH);
const started = performance.now();
try {
  const reports = await readReportPages(site, base);
  if (!reports.length) throw new Error(`no report pages in ${site}: run astro build first`);
  const { records, blocks } = await writeSearchBundle(reports, join(site, 'pagefind'));
  const chars = reports.reduce((sum, r) => sum + [...r.title].length + [...r.body].length, 0);
  // "indexed N pages in M ms" is what the benchmark reads (scripts/bench/build.ts).
  console.log(
    `[search] indexed ${reports.length} pages in ${Math.round(performance.now() - started)} ms: ` +
      `${reports.length} reports in ${records} records, ${chars} characters, ${blocks} excerpt blocks`,
  );
} catch (error) {
  console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
