/**
 * Writes the search bundle (dist/pagefind/) for exact substring search (text model:
 * src/lib/search-text.ts; query side: src/lib/search-engine.ts):
 *
 * - Pagefind indexes one custom record per group of reports: their folded texts as coded bigrams,
 *   language zh-cn (the search page's language, so Pagefind picks this index), with a sort key `n` =
 *   the group's number, from which the page maps Pagefind's results to groups without loading any
 *   fragment, and a match's position to its report.
 * - Beside it: `search-table.json` (per report: region lineage, year, topics, length), used for facets,
 *   sorting, ranking and the group layout; and excerpt blocks `excerpt/<n>/<k>.json` (title, URL and a
 *   slice of the text), so a result's excerpt loads a few hundred characters, not its whole text.
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
import { bodyShape, codedReport, createFolder, GROUP_SIZE, TITLE_ZONE } from '../../src/lib/search-text.ts';
import type { IndexedReport } from './read-pages.ts';

/** Language of the records: the search page's <html lang>, so Pagefind loads this index for it. */
export const RECORD_LANGUAGE = 'zh-cn';

/** Titles and bodies as the index holds them (src/lib/search-text.ts: createFolder). */
export interface FoldedText {
  title: string;
  body: string;
}

/** The search table and excerpt blocks of the reports, in report-number order. */
export function searchFiles(
  reports: readonly IndexedReport[],
  folded: readonly FoldedText[],
): {
  table: SearchTable;
  blocks: Map<string, ExcerptBlock>;
} {
  const regions = [...new Set(reports.flatMap((r) => r.regions))];
  const topics = [...new Set(reports.flatMap((r) => r.topics))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const regionIndex = new Map(regions.map((name, i) => [name, i]));
  const topicIndex = new Map(topics.map((name, i) => [name, i]));
  const shapes = folded.map((text) => bodyShape(text.body));
  const table: SearchTable = {
    regions,
    topics,
    region: reports.map((r) => r.regions.map((name) => regionIndex.get(name)!)),
    year: reports.map((r) => r.year),
    topic: reports.map((r) => r.topics.map((name) => topicIndex.get(name)!)),
    length: shapes.map((shape) => shape.length),
    distinct: shapes.map((shape) => shape.distinct),
  };
  const blocks = new Map<string, ExcerptBlock>();
  reports.forEach((r, n) => {
    const chars = [...r.body];
    for (let k = 0; k === 0 || k * EXCERPT_BLOCK < chars.length; k++) {
      const start = k * EXCERPT_BLOCK;
      const text = chars.slice(start, start + EXCERPT_BLOCK + EXCERPT_OVERLAP).join('');
      blocks.set(excerptPath(n, k), { url: r.url, title: r.title, start, text });
    }
  });
  return { table, blocks };
}

/**
 * Index chunk size (word positions per chunk) for an index of `positions` positions: a query loads one
 * chunk per bigram, while the metadata every query loads lists every chunk; growing with the square
 * root of the index keeps both in proportion (2,500 at about 1,000 reports).
 */
export function chunkSize(positions: number): number {
  return Math.max(1000, Math.round(2500 * Math.sqrt(positions / 3_000_000)));
}

/** Records Pagefind works on at once: enough to keep its threads busy, few enough to bound memory. */
const CONCURRENT_RECORDS = 4;

/**
 * Writes the search bundle for these reports into `outputPath`: Pagefind's files, the search table and
 * the excerpt blocks. Report numbers are positions in `reports`.
 */
export async function writeSearchBundle(
  reports: readonly IndexedReport[],
  outputPath: string,
): Promise<{ records: number; blocks: number }> {
  const fold = createFolder(Converter({ from: 't', to: 'cn' }));
  const folded = reports.map((r): FoldedText => ({ title: fold(r.title), body: fold(r.body) }));
  const positions = reports.reduce((sum, r) => sum + [...r.body].length + TITLE_ZONE, 0);
  // Pagefind reads it when its process starts (below); a process left running would keep its own.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize(positions));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const groups = Math.ceil(reports.length / GROUP_SIZE);
  const width = String(groups).length;
  try {
    const addGroup = async (group: number) => {
      const members = reports.slice(group * GROUP_SIZE, (group + 1) * GROUP_SIZE);
      const texts = folded.slice(group * GROUP_SIZE, (group + 1) * GROUP_SIZE);
      const added = await index.addCustomRecord({
        // Never shown: the page takes each result's URL from its excerpt block.
        url: `/search-group/${group}/`,
        content: texts.map((text) => codedReport(text.title, text.body)).join(' '),
        language: RECORD_LANGUAGE,
        sort: { [SORT_KEY]: String(group).padStart(width, '0') },
      });
      if (added.errors.length) {
        throw new Error(`Pagefind could not index ${members.map((r) => r.url).join(', ')}: ${added.errors.join('; ')}`);
      }
    };
    for (let group = 0; group < groups; group += CONCURRENT_RECORDS) {
      const batch = Array.from({ length: Math.min(CONCURRENT_RECORDS, groups - group) }, (_, i) => group + i);
      await Promise.all(batch.map(addGroup));
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  // Fragments would hold the coded text; the page never loads one (excerpt blocks replace them). Nor
  // does it use Pagefind's ready-made interfaces.
  const unused = (await readdir(outputPath)).filter((name) => /^pagefind-(.+-ui|highlight)\.(js|css)$/.test(name));
  await Promise.all(
    ['fragment', ...unused].map((name) => rm(join(outputPath, name), { recursive: true, force: true })),
  );
  const { table, blocks } = searchFiles(reports, folded);
  await writeFile(join(outputPath, 'search-table.json'), JSON.stringify(table));
  await Promise.all(reports.map((_, n) => mkdir(join(outputPath, excerptPath(n, 0), '..'), { recursive: true })));
  const entries = [...blocks];
  for (let i = 0; i < entries.length; i += 256) {
    await Promise.all(
      entries
        .slice(i, i + 256)
        .map(([path, block]) => writeFile(join(outputPath, path), gzipSync(JSON.stringify(block), { level: 9 }))),
    );
  }
  return { records: groups, blocks: blocks.size };
}
