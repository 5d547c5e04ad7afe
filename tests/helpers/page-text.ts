/**
 * What a reader sees of each report as its article, read from the built pages — the search oracle's
 * source, independent of the indexer (which reads the content loader's search source): the headline
 * (h1), then the subtitle, the byline without its label, and the body without the caption labels.
 * Numbered as the index numbers reports: by id.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';

export interface PageText {
  url: string;
  /** As printed, whitespace kept (queries are sampled across it). */
  title: string;
  text: string;
  /** The facets as the page's metadata names them: region lineage (top first) and year. */
  regions: string[];
  year: number;
}

/** The archive's own labels inside the article's text, which are not the report's. */
const LABELS = ['.report__byline-label', '.caption__label'];
const ARTICLE_PARTS = ['.report__subtitle', '.report__byline', '.report__body'];

export function readPageText(html: string, url: string): PageText {
  const $ = load(html);
  $(LABELS.join(',')).remove();
  const title = $('article.report h1').first().text();
  if (!title) throw new Error(`${url} is not a report page`);
  const text = ARTICLE_PARTS.map((selector) => $(`article.report ${selector}`).text()).join('\n');
  const meta = (label: string) =>
    $('.report__meta dt')
      .filter((_, dt) => $(dt).text() === label)
      .next('dd');
  const regions = meta('地区')
    .find('a')
    .map((_, a) => $(a).text())
    .get();
  const year = Number(/^(\d{4})年$/.exec(meta('年份').text().trim())?.[1]);
  return { url, title, text, regions, year };
}

export function readPageTexts(siteDir: string, base: string): PageText[] {
  return readdirSync(join(siteDir, 'reports'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^\d+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((id) =>
      readPageText(readFileSync(join(siteDir, 'reports', id, 'index.html'), 'utf8'), `${base}reports/${id}/`),
    );
}
