/**
 * Pagefind's browser search, run in Node over a built site (see shared stack notes): a `document`
 * stub whose <html lang> is zh-CN (Pagefind picks the index of that language, as on the search page)
 * and a `fetch` that reads the bundle's files from disk. Returns the search context the page uses.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Converter as ConverterToTraditional } from 'opencc-js/cn2t';
import { Converter } from 'opencc-js/t2cn';
import { createRandom } from '../../tools/shared/prng.ts';
import { createFolder, queryTerms, QUOTE_MARK, withoutQuotes } from '../../src/lib/search-text.ts';
import {
  excerptPath,
  openSearch,
  mergeShards,
  type ExcerptBlock,
  type PagefindApi,
  type SearchContext,
  type SearchTable,
} from '../../src/lib/search-engine.ts';

export interface NodePagefind extends PagefindApi {
  init(): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  destroy(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
}

export interface NodeSearch {
  pagefind: NodePagefind;
  context: SearchContext;
  table: SearchTable;
  block(report: number, block: number): Promise<ExcerptBlock>;
  /** Files fetched from the bundle so far, by path under pagefind/. */
  fetched: string[];
}

export const toSimplified = () => Converter({ from: 't', to: 'cn' });

/** One per process: Pagefind's module keeps a single default instance. */
export async function loadPagefind(siteDir: string, base: string): Promise<NodeSearch> {
  const bundle = join(siteDir, 'pagefind');
  const fetched: string[] = [];
  const html = { lang: 'zh-CN', getAttribute: (name: string) => (name === 'lang' ? 'zh-CN' : null) };
  const g = globalThis as Record<string, unknown>;
  g.document = {
    currentScript: null,
    documentElement: html,
    querySelector: (selector: string) => (selector === 'html' ? html : null),
  };
  const realFetch = globalThis.fetch;
  g.fetch = async (input: string | URL) => {
    const url = String(input);
    const prefix = `${base}pagefind/`;
    const at = url.indexOf(prefix);
    if (at < 0) return realFetch(input);
    const path = url.slice(at + prefix.length).split('?')[0] ?? '';
    fetched.push(path);
    return new Response(await readFile(join(bundle, path)));
  };
  const pagefind = (await import(pathToFileURL(join(bundle, 'pagefind.js')).href)) as NodePagefind;
  // The module is loaded once per process: a bundle loaded before would keep its merged shards.
  await pagefind.destroy();
  await pagefind.options({ basePath: `${base}pagefind/`, baseUrl: base });
  await pagefind.init();
  const table = JSON.parse(await readFile(join(bundle, 'search-table.json'), 'utf8')) as SearchTable;
  await mergeShards(pagefind, `${base}pagefind/`, table);
  const context = await openSearch(pagefind, table, async () => toSimplified());
  const block = async (report: number, k: number) =>
    JSON.parse(gunzipSync(await readFile(join(bundle, excerptPath(report, k)))).toString('utf8')) as ExcerptBlock;
  return { pagefind, context, table, block, fetched };
}

/** A report's indexed text before whitespace is removed, for sampling queries that cross it. */
export interface QuerySource {
  title: string;
  text: string;
}

/**
 * The substring oracle: the reports (numbered as indexed) whose folded title or folded text, quotation
 * marks left out, contains every folded term of the query.
 */
export function createOracle(reports: readonly { title: string; body: string }[]): (query: string) => number[] {
  const fold = createFolder(toSimplified());
  const texts = reports.map((r) => [withoutQuotes(fold(r.title)), withoutQuotes(fold(r.body))] as const);
  return (query) => {
    const terms = queryTerms(query, fold);
    return texts.flatMap(([title, body], n) => (terms.every((t) => title.includes(t) || body.includes(t)) ? [n] : []));
  };
}

const FULL_WIDTH = (text: string) =>
  text.replace(/[0-9A-Za-z%]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
const MIXED = /[0-9A-Za-z%.]/;

/**
 * `count` distinct queries sampled with a fixed seed from the sources: substrings of 1–8 characters
 * (whitespace of the source skipped, so some cross spaces and line breaks), of titles, around
 * whitespace, starting at digits or Latin letters, pairs of terms, full-width and traditional forms of
 * samples, and phrases across quotation marks typed without them (长三角黄金地带 for “长三角”黄金地带).
 */
export function sampleQueries(sources: readonly QuerySource[], seed: string, count: number): string[] {
  const random = createRandom(seed);
  const toTraditional = ConverterToTraditional({ from: 'cn', to: 't' });
  const queries = new Set<string>();
  /** `length` characters from `at` that `typed` keeps (by default all but whitespace). */
  const take = (text: readonly string[], at: number, length: number, typed = (char: string) => /\S/u.test(char)) => {
    let out = '';
    for (let i = at, n = 0; i < text.length && n < length; i++) {
      if (typed(text[i]!)) {
        out += text[i];
        n++;
      }
    }
    return out;
  };
  const startsWhere = (text: readonly string[], test: (i: number) => boolean) =>
    text.flatMap((_, i) => (test(i) ? [i] : []));
  for (let attempt = 0; queries.size < count && attempt < count * 20; attempt++) {
    const source = random.pick(sources);
    const text = [...source.text];
    const length = random.int(1, 8);
    let query = '';
    switch (attempt % 8) {
      case 0:
        query = take(text, random.int(0, text.length - 1), length);
        break;
      case 1:
        query = take([...source.title], random.int(0, [...source.title].length - 1), length);
        break;
      case 2: {
        const spaces = startsWhere(text, (i) => /\s/u.test(text[i]!) && /\S/u.test(text[i - 1] ?? ' '));
        if (spaces.length) query = take(text, Math.max(0, random.pick(spaces) - random.int(1, 3)), Math.max(2, length));
        break;
      }
      case 3: {
        const mixed = startsWhere(text, (i) => MIXED.test(text[i]!) && !MIXED.test(text[i - 1] ?? ''));
        if (mixed.length) query = take(text, random.pick(mixed) - random.int(0, 2), length);
        break;
      }
      case 4: {
        const first = take(text, random.int(0, text.length - 1), random.int(2, 4));
        const second = take(text, random.int(0, text.length - 1), random.int(2, 4));
        query = `${first} ${second}`;
        break;
      }
      case 5: {
        const mixed = startsWhere(text, (i) => /[0-9A-Za-z]/.test(text[i]!));
        if (mixed.length) query = FULL_WIDTH(take(text, random.pick(mixed), length));
        break;
      }
      case 6:
        query = toTraditional(take(text, random.int(0, text.length - 1), Math.max(2, length)));
        break;
      case 7: {
        const quotes = startsWhere(text, (i) => QUOTE_MARK.test(text[i]!));
        const before = random.int(1, 3);
        const typed = (char: string) => /\S/u.test(char) && !QUOTE_MARK.test(char);
        if (quotes.length)
          query = take(text, Math.max(0, random.pick(quotes) - before), before + random.int(1, 5), typed);
        break;
      }
    }
    if (query.trim()) queries.add(query.trim());
  }
  return [...queries];
}
