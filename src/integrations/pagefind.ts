/**
 * Builds the search index at the end of `astro build` (dist/pagefind/), for exact substring search
 * (model: src/lib/search-text.ts).
 *
 * - Only report pages carry `data-pagefind-body`; their indexed text is that element without its
 *   `data-pagefind-ignore` parts: the title (h1), then subtitle, byline, body, captions and editorial
 *   notes, whitespace removed.
 * - Pagefind indexes one custom record per report: the folded text as coded bigrams, language zh-cn
 *   (the search page's language, so Pagefind picks this index), with a sort key `n` = the report's
 *   number, from which the page maps Pagefind's results to reports without loading any fragment.
 * - Beside it: `search-table.json` (per report: region lineage, year, topics, length), used for facets,
 *   sorting and ranking; and excerpt blocks `excerpt/<n>/<k>.json` (title, URL and a slice of the text)
 *   so a result's excerpt loads a few hundred characters, not its whole text.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { load } from 'cheerio';
import { Converter } from 'opencc-js/t2cn';
import * as pagefind from 'pagefind';
import { codedRecord, createFolder, stripSpace, TITLE_ZONE } from '../lib/search-text.ts';
import {
  EXCERPT_BLOCK,
  EXCERPT_OVERLAP,
  SORT_KEY,
  excerptPath,
  type ExcerptBlock,
  type SearchTable,
} from '../lib/search-engine.ts';

/** Language of the records: the search page's <html lang>, so Pagefind loads this index for it. */
export const RECORD_LANGUAGE = 'zh-cn';

export interface IndexedReport {
  url: string;
  /** Title and rest of the indexed text as printed, whitespace removed. */
  title: string;
  body: string;
  regions: string[];
  year: number;
  topics: string[];
}

/** The indexed text and facets of a report page, or null for any other page. */
export function readReportPage(html: string, url: string): IndexedReport | null {
  if (!html.includes('data-pagefind-body')) return null;
  const $ = load(html);
  const article = $('[data-pagefind-body]').first();
  article.find('[data-pagefind-ignore]').remove();
  const heading = article.find('h1').first();
  const title = stripSpace(heading.text());
  heading.remove();
  const values = (name: string) =>
    $(`[data-pagefind-filter="${name}"]`)
      .map((_, el) => $(el).text().trim())
      .get();
  const year = Number(values('year')[0]);
  if (!title || !Number.isInteger(year)) throw new Error(`search index: ${url} has no title or year`);
  return { url, title, body: stripSpace(article.text()), regions: values('region'), year, topics: values('topic') };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** The search table and excerpt blocks of the reports, in report-number order. */
export function searchFiles(reports: readonly IndexedReport[]): {
  table: SearchTable;
  blocks: Map<string, ExcerptBlock>;
} {
  const regions = [...new Set(reports.flatMap((r) => r.regions))];
  const topics = [...new Set(reports.flatMap((r) => r.topics))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const table: SearchTable = {
    regions,
    topics,
    region: reports.map((r) => r.regions.map((name) => regions.indexOf(name))),
    year: reports.map((r) => r.year),
    topic: reports.map((r) => r.topics.map((name) => topics.indexOf(name))),
    length: reports.map((r) => [...r.body].length),
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
 * Writes the search bundle for these reports into `outputPath`: Pagefind's files, the search table and
 * the excerpt blocks. Report numbers are positions in `reports`.
 */
export async function writeSearchBundle(
  reports: readonly IndexedReport[],
  outputPath: string,
): Promise<{ blocks: number }> {
  const fold = createFolder(Converter({ from: 't', to: 'cn' }));
  const positions = reports.reduce((sum, r) => sum + [...r.body].length + TITLE_ZONE, 0);
  // Pagefind reads it when its process starts (below); a process left running would keep its own.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize(positions));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const width = String(reports.length).length;
    await Promise.all(
      reports.map(async (report, n) => {
        const added = await index.addCustomRecord({
          url: report.url,
          content: codedRecord(fold(report.title), fold(report.body)),
          language: RECORD_LANGUAGE,
          sort: { [SORT_KEY]: String(n).padStart(width, '0') },
        });
        if (added.errors.length) throw new Error(`Pagefind could not index ${report.url}: ${added.errors.join('; ')}`);
      }),
    );
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  // Fragments would hold the coded text; the page never loads one (excerpt blocks replace them).
  await rm(join(outputPath, 'fragment'), { recursive: true, force: true });
  const { table, blocks } = searchFiles(reports);
  await writeFile(join(outputPath, 'search-table.json'), JSON.stringify(table));
  await Promise.all(reports.map((_, n) => mkdir(join(outputPath, excerptPath(n, 0), '..'), { recursive: true })));
  const entries = [...blocks];
  for (let i = 0; i < entries.length; i += 256) {
    await Promise.all(
      entries.slice(i, i + 256).map(([path, block]) => writeFile(join(outputPath, path), JSON.stringify(block))),
    );
  }
  return { blocks: blocks.size };
}

/**
 * Index chunk size (word positions per chunk) for an index of `positions` positions: a query loads one
 * chunk per bigram, while the metadata every query loads lists every chunk; growing with the square
 * root of the index keeps both in proportion (2,500 at about 1,000 reports).
 */
export function chunkSize(positions: number): number {
  return Math.max(1000, Math.round(2500 * Math.sqrt(positions / 3_000_000)));
}

/** The report pages of a built site, in file order (which numbers them). */
export async function readReportPages(site: string, base: string): Promise<IndexedReport[]> {
  const reports: IndexedReport[] = [];
  for (const file of (await htmlFiles(site)).sort()) {
    const path = relative(site, file).split(sep).join('/');
    const report = readReportPage(await readFile(file, 'utf8'), base + path.replace(/(^|\/)index\.html$/, '$1'));
    if (report) reports.push(report);
  }
  return reports;
}

export default function pagefindIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const reports = await readReportPages(site, base);
        const { blocks } = await writeSearchBundle(reports, join(site, 'pagefind'));
        const chars = reports.reduce((sum, r) => sum + [...r.title].length + [...r.body].length, 0);
        // "indexed N pages in M ms" is what the benchmark reads (scripts/bench/build.ts).
        logger.info(
          `indexed ${reports.length} pages in ${Math.round(performance.now() - started)} ms: ` +
            `${reports.length} reports, ${chars} characters, ${blocks} excerpt blocks`,
        );
      },
    },
  };
}
