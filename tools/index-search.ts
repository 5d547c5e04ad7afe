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
import { readReports, reportPageFiles } from './search-index/read-pages.ts';
import { writeSearchBundle } from './search-index/write-bundle.ts';

const site = resolve(process.argv[2] ?? 'dist');
const base = normalizeBase(process.env.BASE_PATH);
const started = performance.now();
try {
  const files = await reportPageFiles(site);
  if (!files.length) throw new Error(`no report pages in ${site}: run astro build first`);
  const { records, blocks } = await writeSearchBundle(
    files.length,
    readReports(site, base, files),
    join(site, 'pagefind'),
  );
  // "indexed N pages in M ms" is what the benchmark reads (tools/bench/build.ts).
  console.log(
    `[search] indexed ${files.length} pages in ${Math.round(performance.now() - started)} ms: ` +
      `${files.length} reports in ${records} records, ${blocks} excerpt blocks`,
  );
} catch (error) {
  console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
