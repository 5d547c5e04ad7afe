/**
 * Compares two builds of the same content page by page, as readers see them: for a change to the
 * pipeline (a renderer, a layout) that must not change what pages show.
 *
 *   node tools/compare-builds.ts <before-dist> <after-dist>
 *
 * Normalised away: whitespace between tags, asset and hash names, and what the content-pipeline change
 * of issue #20 removed on purpose (Pagefind's `data-pagefind-*` attributes and hidden facet spans, which
 * nothing reads since the indexer reads the content layer, and the bare `<div>` that carried them).
 * Prints how many pages are the same and, for each other page, where it first differs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';

function normalised(html: string): string {
  const $ = load(html);
  $('div[hidden]:has([data-pagefind-filter], [data-pagefind-meta], [data-pagefind-sort])').remove();
  for (const attribute of ['data-pagefind-body', 'data-pagefind-ignore', 'data-pagefind-weight']) {
    $(`[${attribute}]`).removeAttr(attribute);
  }
  $('.report__byline span').removeAttr('class');
  $('.report > div').each((_, element) => {
    if (Object.keys(element.attribs).length === 0) $(element).replaceWith($(element).html() ?? '');
  });
  return $.html()
    .replace(/_astro\/[\w.-]+/g, '_astro/…')
    .replace(/sha256-[\w+/=]+/g, 'sha256-…')
    .replace(/>\s+</g, '><')
    .replace(/\s+/g, ' ');
}

const htmlFiles = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node tools/compare-builds.ts <before-dist> <after-dist>');
  process.exit(2);
}
const pages = htmlFiles(before).sort();
const differences: string[] = [];
for (const page of pages) {
  if (!existsSync(join(after, page))) {
    differences.push(`${page}: missing after`);
    continue;
  }
  const [a, b] = [before, after].map((dir) => normalised(readFileSync(join(dir, page), 'utf8')));
  if (a === b) continue;
  let i = 0;
  while (a![i] === b![i]) i++;
  differences.push(
    `${page}:\n  before …${a!.slice(Math.max(0, i - 80), i + 160)}\n  after  …${b!.slice(Math.max(0, i - 80), i + 160)}`,
  );
}
const added = htmlFiles(after).filter((page) => !pages.includes(page));
console.log(
  `${pages.length - differences.length} of ${pages.length} pages the same; new pages: ${added.join(', ') || 'none'}`,
);
if (differences.length) console.log(differences.join('\n'));
process.exitCode = differences.length ? 1 : 0;
