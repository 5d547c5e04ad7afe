/**
 * Writes the search bundle (dist/pagefind/) for exact substring search (text model:
 * src/lib/search-text.ts; query side: src/lib/search-engine.ts):
 *
 * - Pagefind indexes one custom record per group of reports: their folded texts as coded bigrams,
 *   language zh-cn (the search page's language, so Pagefind picks this index), with a sort key `n` =
 *   the group's number, from which the page maps Pagefind's results to groups without loading any
 *   fragment, and a match's position to its report.
 * - Beside it: `search-table.json` (per report: region lineage, year, topics, length, distinct
 *   characters), used for facets, sorting, ranking and the group layout; and gzipped excerpt blocks
 *   `excerpt/<n>/<k>.json.gz` (title, URL and a slice of the text), so a result's excerpt loads a few
 *   hundred characters, not its whole text.
 * - Pipelined: while Pagefind (its own process) indexes one group, this process reads, folds and codes
 *   the next and writes its excerpt blocks, so the two cores both work.
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
  type ExcerptBlock,
  type SearchTable,
} from '../../src/lib/search-engine.ts';
import { bodyShape, codedReport, createFolder, GROUP_SIZE, indexedOffsets } from '../../src/lib/search-text.ts';
import type { IndexedReport } from './read-source.ts';

/** Language of the records: the search page's <html lang>, so Pagefind loads this index for it. */
export const RECORD_LANGUAGE = 'zh-cn';

/** Titles and bodies folded (src/lib/search-text.ts: createFolder), character for character. */
export interface FoldedText {
  title: string;
  body: string;
}

/** The search table of the reports, in report-number order. */
export function searchTable(reports: readonly IndexedReport[], folded: readonly FoldedText[]): SearchTable {
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

/** Groups handed to Pagefind and not yet indexed: one indexing while the next is prepared. */
const GROUPS_IN_FLIGHT = 2;

/**
 * Removes what Pagefind writes and the page never loads: fragments would hold the coded text (excerpt
 * blocks replace them); nor does the page use Pagefind's ready-made interfaces or its worker (it
 * searches with noWorker).
 */
async function removeUnused(outputPath: string): Promise<void> {
  const unused = (await readdir(outputPath)).filter((name) =>
    /^pagefind-(.*ui|highlight|worker)\.(js|css)$/.test(name),
  );
  await Promise.all(
    ['fragment', ...unused].map((name) => rm(join(outputPath, name), { recursive: true, force: true })),
  );
}

/**
 * Writes the search bundle for `count` reports into `outputPath`: Pagefind's files, the search table and
 * the excerpt blocks. Report numbers are the order in which `reports` yields them.
 */
export async function writeSearchBundle(
  count: number,
  reports: AsyncIterable<IndexedReport> | Iterable<IndexedReport>,
  outputPath: string,
): Promise<{ records: number; blocks: number }> {
  const fold = createFolder(Converter({ from: 't', to: 'cn' }));
  // Pagefind reads it when its process starts (below); a process left running would keep its own.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize(count));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const width = String(Math.ceil(count / GROUP_SIZE)).length;
  const read: IndexedReport[] = [];
  const folded: FoldedText[] = [];
  let blocks = 0;
  const inFlight = new Set<Promise<void>>();
  const addGroup = async (group: number) => {
    const members = read.slice(group * GROUP_SIZE, (group + 1) * GROUP_SIZE);
    const added = await index.addCustomRecord({
      // Never shown: the page takes each result's URL from its excerpt block.
      url: `/search-group/${group}/`,
      content: folded
        .slice(group * GROUP_SIZE, (group + 1) * GROUP_SIZE)
        .map((text) => codedReport(text.title, text.body))
        .join(' '),
      language: RECORD_LANGUAGE,
      sort: { [SORT_KEY]: String(group).padStart(width, '0') },
    });
    if (added.errors.length) {
      throw new Error(`Pagefind could not index ${members.map((r) => r.url).join(', ')}: ${added.errors.join('; ')}`);
    }
  };
  const writeBlocks = async (first: number, last: number) => {
    for (let n = first; n < last; n++) {
      const entries = excerptBlocks(read[n]!, folded[n]!.body, n);
      await mkdir(join(outputPath, entries[0]![0], '..'), { recursive: true });
      await Promise.all(
        entries.map(([path, block]) => writeFile(join(outputPath, path), gzipSync(JSON.stringify(block)))),
      );
      blocks += entries.length;
    }
  };
  // A failed group is kept here (its promise leaves `inFlight`) and thrown at the next step.
  let failure: unknown;
  const dispatch = async (group: number) => {
    while (inFlight.size >= GROUPS_IN_FLIGHT) await Promise.race(inFlight);
    if (failure) throw failure;
    const adding: Promise<void> = addGroup(group)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(adding));
    inFlight.add(adding);
    await writeBlocks(group * GROUP_SIZE, Math.min(read.length, (group + 1) * GROUP_SIZE));
  };
  try {
    for await (const report of reports) {
      read.push(report);
      folded.push({ title: fold(report.title), body: fold(report.body) });
      if (read.length % GROUP_SIZE === 0) await dispatch(read.length / GROUP_SIZE - 1);
    }
    if (read.length !== count) throw new Error(`expected ${count} reports, read ${read.length}`);
    if (read.length % GROUP_SIZE) await dispatch(Math.floor(read.length / GROUP_SIZE));
    await Promise.all(inFlight);
    if (failure) throw failure;
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await Promise.all(inFlight);
    await pagefind.close();
  }
  await removeUnused(outputPath);
  await writeFile(join(outputPath, 'search-table.json'), JSON.stringify(searchTable(read, folded)));
  return { records: Math.ceil(count / GROUP_SIZE), blocks };
}
