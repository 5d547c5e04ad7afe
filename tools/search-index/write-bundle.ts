/**
 * Writes the search bundle (dist/pagefind/) for exact substring search (text model:
 * src/lib/search-text.ts; query side: src/lib/search-engine.ts):
 *
 * - Pagefind indexes one custom record per group of reports: their folded texts as coded bigrams,
 *   language zh-cn (the search page's language, so Pagefind picks this index), with a sort key `n` =
 *   the group's number, from which the page maps Pagefind's results to groups without loading any
 *   fragment, and a match's position to its report.
 * - The index is split by vocabulary into shards (tools/search-index/shards.ts), each a Pagefind
 *   bundle of its own indexed in turn: shard 0 in the bundle's folder, the others in `shard-<k>/`.
 * - Beside it: `search-table.json` (per report: region lineage, year, topics, length, distinct
 *   characters), used for facets, sorting, ranking and the group layout; and gzipped excerpt blocks
 *   `excerpt/<n>/<k>.json.gz` (title, URL and a slice of the text), so a result's excerpt loads a few
 *   hundred characters, not its whole text.
 * - Pipelined: while Pagefind (its own process) indexes one group, this process codes the next (and,
 *   for the first shard, writes its excerpt blocks), so the two cores both work.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Converter } from 'opencc-js/t2cn';
import * as pagefind from 'pagefind';
import {
  EXCERPT_BLOCK,
  EXCERPT_OVERLAP,
  SORT_KEY,
  excerptPath,
  shardFolder,
  type ExcerptBlock,
  type SearchTable,
} from '../../src/lib/search-engine.ts';
import { bodyShape, codedReport, createFolder, GAP, GROUP_SIZE, indexedOffsets } from '../../src/lib/search-text.ts';
import { countWord, inShard, SHARD_POSITIONS, shardBounds, shardCount } from './shards.ts';
import type { IndexedReport } from './read-source.ts';

/** Language of the records: the search page's <html lang>, so Pagefind loads this index for it. */
export const RECORD_LANGUAGE = 'zh-cn';

/** Titles and bodies folded (src/lib/search-text.ts: createFolder), character for character. */
export interface FoldedText {
  title: string;
  body: string;
}

/** The search table of the reports, in report-number order. */
export function searchTable(
  reports: readonly IndexedReport[],
  folded: readonly FoldedText[],
  shards: number,
): SearchTable {
  const regions = [...new Set(reports.flatMap((r) => r.regions))];
  const topics = [...new Set(reports.flatMap((r) => r.topics))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const regionIndex = new Map(regions.map((name, i) => [name, i]));
  const topicIndex = new Map(topics.map((name, i) => [name, i]));
  const shapes = folded.map((text) => bodyShape(text.body));
  return {
    regions,
    topics,
    region: reports.map((r) => r.regions.map((name) => regionIndex.get(name)!)),
    year: reports.map((r) => r.year),
    topic: reports.map((r) => r.topics.map((name) => topicIndex.get(name)!)),
    length: shapes.map((shape) => shape.length),
    distinct: shapes.map((shape) => shape.distinct),
    shards,
  };
}

/**
 * The excerpt blocks of report number `n`, by path under the bundle: cut by indexed characters (the
 * engine's offsets count them), holding the printed text with its quotation marks. `foldedBody` is the
 * body folded, which tells the quotation marks.
 */
export function excerptBlocks(report: IndexedReport, foldedBody: string, n: number): [string, ExcerptBlock][] {
  const chars = [...report.body];
  const offsets = indexedOffsets(foldedBody);
  const blocks: [string, ExcerptBlock][] = [];
  for (let k = 0; k === 0 || k * EXCERPT_BLOCK < offsets.length; k++) {
    const start = k * EXCERPT_BLOCK;
    // Quotation marks around the block's indexed characters go with it: from just after the previous
    // indexed character to the next block's first.
    const from = start === 0 ? 0 : offsets[start - 1]! + 1;
    const to = offsets[start + EXCERPT_BLOCK + EXCERPT_OVERLAP] ?? chars.length;
    const text = chars.slice(from, to).join('');
    blocks.push([excerptPath(n, k), { url: report.url, title: report.title, start, text }]);
  }
  return blocks;
}

/**
 * Index chunk size (word positions per chunk) for an archive of `reports` reports: a query loads one
 * chunk per bigram, while the metadata every query loads lists every chunk; growing with the square
 * root of the archive keeps both in proportion. 2,000 at 1,000 reports of about 2,300 characters: with
 * 2,500 the benchmark's warm query loaded 22.2 KiB of chunks and its cold query 14.3 KiB of metadata.
 */
export function chunkSize(reports: number): number {
  return Math.max(1000, Math.round(2000 * Math.sqrt(reports / 1000)));
}

/**
 * Coded words with each run of gaps written as one word of as many hyphens: Pagefind's segmenter gives
 * each hyphen a position of its own, as it does each gap word, but takes about 40 % less time over a
 * shard's record, most of whose words are gaps (measured on 20 records of 200,000 positions, 90 % gaps).
 */
export const joinGaps = (coded: string) =>
  coded.replace(new RegExp(`${GAP}(?: ${GAP})+`, 'g'), (run) => GAP.repeat((run.length + 1) / 2));

/** Groups handed to Pagefind and not yet indexed: one indexing while the next is prepared. */
const GROUPS_IN_FLIGHT = 2;

/**
 * Removes what Pagefind writes and the page never loads: fragments would hold the coded text (excerpt
 * blocks replace them); nor does the page use Pagefind's ready-made interfaces or its worker (it
 * searches with noWorker). A shard merged into the first needs neither script nor wasm.
 */
async function removeUnused(shardPath: string, merged: boolean): Promise<void> {
  const unused = (await readdir(shardPath)).filter(
    (name) =>
      /^pagefind-(.*ui|highlight|worker)\.(js|css)$/.test(name) || (merged && /^(pagefind\.js|wasm\.)/.test(name)),
  );
  await Promise.all(['fragment', ...unused].map((name) => rm(join(shardPath, name), { recursive: true, force: true })));
}

/** The reports as read and folded, in report-number order. */
interface ReadArchive {
  read: IndexedReport[];
  folded: FoldedText[];
}

async function readAll(
  count: number,
  reports: AsyncIterable<IndexedReport> | Iterable<IndexedReport>,
): Promise<ReadArchive> {
  const fold = createFolder(Converter({ from: 't', to: 'cn' }));
  const read: IndexedReport[] = [];
  const folded: FoldedText[] = [];
  for await (const report of reports) {
    read.push(report);
    folded.push({ title: fold(report.title), body: fold(report.body) });
  }
  if (read.length !== count) throw new Error(`expected ${count} reports, read ${read.length}`);
  return { read, folded };
}

/** Lower bounds of the shards (src: shards.ts) for the archive's words, at most `perShard` positions each. */
function vocabularyBounds({ folded }: ReadArchive, perShard: number): string[] {
  const counts = new Map<string, number>();
  for (const text of folded) {
    for (const word of codedReport(text.title, text.body).split(' ')) if (word !== GAP) countWord(counts, word);
  }
  const positions = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return shardBounds(counts, shardCount(positions, perShard));
}

/**
 * Indexes one shard in a Pagefind process of its own (closed before the next starts, so only one
 * shard's positions are ever held): every group's record, with the words of other shards as gaps.
 * `alongside(group)` runs while Pagefind indexes the group before it.
 */
async function indexShard(
  archive: ReadArchive,
  keep: (word: string) => boolean,
  shardPath: string,
  alongside: (group: number) => Promise<void>,
): Promise<void> {
  const { read, folded } = archive;
  // Pagefind reads it when its process starts (below).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize(read.length));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const groups = Math.ceil(read.length / GROUP_SIZE);
  const width = String(groups).length;
  const addGroup = async (group: number) => {
    const members = folded.slice(group * GROUP_SIZE, (group + 1) * GROUP_SIZE);
    const added = await index.addCustomRecord({
      // Never shown: the page takes each result's URL from its excerpt block.
      url: `/search-group/${group}/`,
      content: joinGaps(members.map((text) => codedReport(text.title, text.body, keep)).join(' ')),
      language: RECORD_LANGUAGE,
      sort: { [SORT_KEY]: String(group).padStart(width, '0') },
    });
    if (added.errors.length) {
      const urls = read.slice(group * GROUP_SIZE, (group + 1) * GROUP_SIZE).map((r) => r.url);
      throw new Error(`Pagefind could not index ${urls.join(', ')}: ${added.errors.join('; ')}`);
    }
  };
  const inFlight = new Set<Promise<void>>();
  // A failed group is kept here (its promise leaves `inFlight`) and thrown at the next step.
  let failure: unknown;
  try {
    for (let group = 0; group < groups; group++) {
      while (inFlight.size >= GROUPS_IN_FLIGHT) await Promise.race(inFlight);
      if (failure) throw failure;
      const adding: Promise<void> = addGroup(group)
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(adding));
      inFlight.add(adding);
      await alongside(group);
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
    const written = await index.writeFiles({ outputPath: shardPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await Promise.all(inFlight);
    await pagefind.close();
  }
}

/**
 * Writes the search bundle for `count` reports into `outputPath` (replacing what it held): Pagefind's
 * shards, the search table and the excerpt blocks. Report numbers are the order in which `reports`
 * yields them. `shardPositions` caps the indexed positions of a shard (and so Pagefind's memory).
 */
export async function writeSearchBundle(
  count: number,
  reports: AsyncIterable<IndexedReport> | Iterable<IndexedReport>,
  outputPath: string,
  { shardPositions = SHARD_POSITIONS }: { shardPositions?: number } = {},
): Promise<{ records: number; blocks: number; shards: number }> {
  const archive = await readAll(count, reports);
  const bounds = vocabularyBounds(archive, shardPositions);
  const shards = bounds.length + 1;
  await rm(outputPath, { recursive: true, force: true });
  let blocks = 0;
  // The excerpt blocks are written while Pagefind indexes the first shard, so both cores work.
  const writeBlocks = async (group: number) => {
    for (let n = group * GROUP_SIZE; n < Math.min(archive.read.length, (group + 1) * GROUP_SIZE); n++) {
      const entries = excerptBlocks(archive.read[n]!, archive.folded[n]!.body, n);
      await mkdir(join(outputPath, entries[0]![0], '..'), { recursive: true });
      await Promise.all(
        entries.map(([path, block]) => writeFile(join(outputPath, path), gzipSync(JSON.stringify(block)))),
      );
      blocks += entries.length;
    }
  };
  for (let k = 0; k < shards; k++) {
    const shardPath = join(outputPath, shardFolder(k));
    await indexShard(archive, inShard(bounds, k), shardPath, k === 0 ? writeBlocks : async () => {});
    await removeUnused(shardPath, k > 0);
  }
  await writeFile(
    join(outputPath, 'search-table.json'),
    JSON.stringify(searchTable(archive.read, archive.folded, shards)),
  );
  return { records: Math.ceil(count / GROUP_SIZE), blocks, shards };
}
