/**
 * Pagefind's browser search, run in Node over a built site (see shared stack notes): a `document`
 * stub whose <html lang> is zh-CN (Pagefind picks the index of that language, as on the search page)
 * and a `fetch` that reads the bundle's files from disk. Returns the search context the page uses.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Converter } from 'opencc-js/t2cn';
import { excerptPath, openSearch, type ExcerptBlock, type PagefindApi, type SearchContext, type SearchTable } from '../../src/lib/search-engine';

export interface NodePagefind extends PagefindApi {
  init(): Promise<void>;
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
  g.document = { currentScript: null, documentElement: html, querySelector: (selector: string) => (selector === 'html' ? html : null) };
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
  await pagefind.options({ basePath: `${base}pagefind/`, baseUrl: base });
  await pagefind.init();
  const table = JSON.parse(await readFile(join(bundle, 'search-table.json'), 'utf8')) as SearchTable;
  const context = await openSearch(pagefind, table, async () => toSimplified());
  const block = async (report: number, k: number) =>
    JSON.parse(await readFile(join(bundle, excerptPath(report, k)), 'utf8')) as ExcerptBlock;
  return { pagefind, context, table, block, fetched };
}
