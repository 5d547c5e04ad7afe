/**
 * Builds the search index of a built site (`npm run build` runs it after `astro build`):
 *
 *   node tools/index-search.ts [dist]     BASE_PATH as for the build (default /)
 *
 * It reads the reports from the search source the content loader wrote at content sync (in Astro's
 * cache folder, node_modules/.astro/), not from the built pages. A process of its own, after Astro has
 * exited: Astro's memory is returned before Pagefind's is taken, so the build's peak is the larger of
 * the two, not their sum. SEARCH_SHARD_POSITIONS overrides the indexed positions per index shard
 * (tools/search-index/shards.ts), which bound Pagefind's memory.
 */
import { join, resolve } from 'node:path';
import { normalizeBase } from '../src/lib/paths.ts';
import { searchSourcePath } from '../src/lib/search-source.ts';
import { readIndexedReports } from './search-index/read-source.ts';
import { writeSearchBundle } from './search-index/write-bundle.ts';

const site = resolve(process.argv[2] ?? 'dist');
const root = process.cwd();
const base = normalizeBase(process.env.BASE_PATH);
const started = performance.now();
try {
  const reports = readIndexedReports(searchSourcePath(join(root, 'node_modules/.astro')), base, root);
  if (!reports.length) throw new Error('the search source lists no reports');
  const shardPositions = process.env.SEARCH_SHARD_POSITIONS ? Number(process.env.SEARCH_SHARD_POSITIONS) : undefined;
  const { records, blocks, shards } = await writeSearchBundle(reports.length, reports, join(site, 'pagefind'), {
    shardPositions,
  });
  // "indexed N pages in M ms" is what the benchmark reads (tools/bench/build.ts).
  console.log(
    `[search] indexed ${reports.length} pages in ${Math.round(performance.now() - started)} ms: ` +
      `${reports.length} reports in ${records} records, ${shards} index shards, ${blocks} excerpt blocks`,
  );
} catch (error) {
  console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
