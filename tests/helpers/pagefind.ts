/**
 * Pagefind's browser search, run in Node over a built site (see shared stack notes): a `document`
 * stub whose <html lang> is zh-CN (so queries are segmented as in the browser) and a `fetch` that reads
 * the index files from disk. Returns the same API object the search page uses.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi } from '../../src/lib/search-engine';

export interface NodePagefind extends PagefindApi {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
}

export async function loadPagefind(siteDir: string, base: string): Promise<NodePagefind> {
  const bundle = join(siteDir, 'pagefind');
  const g = globalThis as Record<string, unknown>;
  g.document = {
    currentScript: null,
    documentElement: { lang: 'zh-CN', getAttribute: (name: string) => (name === 'lang' ? 'zh-CN' : null) },
    querySelector: (selector: string) =>
      selector === 'html' ? { lang: 'zh-CN', getAttribute: (name: string) => (name === 'lang' ? 'zh-CN' : null) } : null,
  };
  const realFetch = globalThis.fetch;
  g.fetch = async (input: string | URL) => {
    const url = String(input);
    const prefix = `${base}pagefind/`;
    const at = url.indexOf(prefix);
    if (at < 0) return realFetch(input);
    const file = join(bundle, url.slice(at + prefix.length).split('?')[0] ?? '');
    return new Response(await readFile(file));
  };
  const module = (await import(pathToFileURL(join(bundle, 'pagefind.js')).href)) as NodePagefind;
  await module.options({ basePath: `${base}pagefind/`, baseUrl: base });
  await module.init();
  return module;
}
