/**
 * What search indexes, read from the built report pages: only report pages carry
 * `data-pagefind-body`; their indexed text is that element without its `data-pagefind-ignore` parts —
 * the title (h1), then subtitle, byline, body, captions and editorial notes — whitespace removed.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { load } from 'cheerio';
import { stripSpace } from '../../src/lib/search-text.ts';

/** Only report pages carry it. */
const REPORT_MARK = 'data-pagefind-body';

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
  if (!html.includes(REPORT_MARK)) return null;
  // htmlparser2 rather than parse5: twice as fast, and Astro's output is well-formed.
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
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

/** The report pages of a built site, in file order (which numbers them). */
export async function reportPageFiles(site: string): Promise<string[]> {
  const files = (await htmlFiles(site)).sort();
  const isReport = await Promise.all(files.map(async (file) => (await readFile(file, 'utf8')).includes(REPORT_MARK)));
  return files.filter((_, i) => isReport[i]);
}

/** Reads the given report pages one after another. */
export async function* readReports(
  site: string,
  base: string,
  files: readonly string[],
): AsyncGenerator<IndexedReport> {
  for (const file of files) {
    const path = relative(site, file).split(sep).join('/');
    const report = readReportPage(await readFile(file, 'utf8'), base + path.replace(/(^|\/)index\.html$/, '$1'));
    if (!report) throw new Error(`search index: ${file} is not a report page`);
    yield report;
  }
}

/** The report pages of a built site, in file order. */
export async function readReportPages(site: string, base: string): Promise<IndexedReport[]> {
  return Array.fromAsync(readReports(site, base, await reportPageFiles(site)));
}
