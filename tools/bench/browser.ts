/**
 * Measurements in headless Chromium over the built site, served under its base path: a cold and a warm
 * Chinese query on the search page, and the weight of a report page at load. Transfers are read from
 * the DevTools protocol (Network.loadingFinished → encodedDataLength: what came over the wire from the
 * test server, headers included, uncompressed since that server does not compress) and, for each file,
 * what a gzip-serving host such as GitHub Pages would send (see sizes.ts: gzipBytes).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page, Request as PlaywrightRequest } from 'playwright-core';
import { launchBrowser } from '../shared/browser.ts';
import { serveStatic } from '../shared/static-server.ts';
import { gzipBytes } from './sizes.ts';

export interface TransferTotals {
  requests: number;
  /** Response headers + bodies as received from the (non-compressing) test server. */
  wireBytes: number;
  /** The same files' bodies as a gzip-serving host would send them. */
  gzipBytes: number;
  /** gzip bytes and requests by kind of file (Pagefind: script, wasm, meta, filter, index, fragment; search table, excerpt blocks). */
  byKind: Record<string, { requests: number; gzipBytes: number }>;
}

export interface QueryMeasurement {
  query: string;
  /** Results the page reports (共 N 篇报道). */
  results: number | null;
  /** Cold: navigation start → results rendered; warm: query submitted → results rendered. */
  ms: number;
  /** Search page HTML, CSS, JS (its own chunks). */
  page: TransferTotals;
  /** Files of the search bundle (Pagefind's script, wasm, metadata, index chunks; search table, excerpt blocks) and OpenCC when loaded. */
  search: TransferTotals;
}

export interface PageWeight {
  path: string;
  /** HTML + CSS + JS loaded by the page, each file gzipped. */
  gzipBytes: number;
  files: number;
  htmlBytes: number;
}

interface Request {
  url: string;
  /** Playwright's resource type: document, stylesheet, script, fetch, image, other … */
  type: string;
  /** Response headers + body as received (the test server sends files uncompressed). */
  wireBytes: number;
}

/**
 * Every request the page makes since the last reset, its dedicated workers' included (Pagefind fetches
 * its index from a worker, which a page-level DevTools session does not see). Sizes come from
 * Playwright's `request.sizes()`: response headers + body bytes as received.
 */
class NetworkLog {
  private requests: Promise<Request | undefined>[] = [];

  constructor(page: Page) {
    const finished = new Map<PlaywrightRequest, (request: Request | undefined) => void>();
    page.on('request', (request) => {
      this.requests.push(new Promise((resolve) => finished.set(request, resolve)));
    });
    page.on('requestfinished', (request) => {
      void request.sizes().then(
        (sizes) =>
          finished.get(request)?.({
            url: request.url(),
            type: request.resourceType(),
            wireBytes: sizes.responseHeadersSize + sizes.responseBodySize,
          }),
        () => finished.get(request)?.(undefined),
      );
    });
    page.on('requestfailed', (request) => finished.get(request)?.(undefined));
  }

  reset(): void {
    this.requests = [];
  }

  /** The requests so far, once all of them have finished (one still open after 30 s is left out). */
  async settled(): Promise<Request[]> {
    const stop = new AbortController();
    const deadline = sleep(30_000, undefined, { signal: stop.signal }).catch(() => undefined);
    const all = await Promise.all(this.requests.map((request) => Promise.race([request, deadline])));
    stop.abort();
    return all.filter((r): r is Request => r !== undefined && r.url.startsWith('http'));
  }
}

/** The dist file a URL under the base path is served from. */
function distFile(distDir: string, base: string, url: string): string {
  const path = decodeURIComponent(new URL(url).pathname).slice(base.length);
  return join(distDir, path === '' || path.endsWith('/') ? `${path}index.html` : path);
}

/** What a file is, from its name: Pagefind's parts by extension, the page's by type. */
export function fileKind(path: string): string {
  const kinds: [RegExp, string][] = [
    [/\.pf_fragment$/, 'fragment'],
    [/\.pf_index$/, 'index'],
    [/\.pf_filter$/, 'filter'],
    [/(\.pf_meta|pagefind-entry\.json)$/, 'meta'],
    [/(^|\/)wasm\.[^/]*\.pagefind$/, 'wasm'],
    [/\/excerpt\/\d+\/\d+\.json\.gz$/, 'excerpt'],
    [/(^|\/)search-table\.json$/, 'table'],
    [/\.m?js$/, 'script'],
    [/\.css$/, 'style'],
    [/(\/|\.html)$/, 'html'],
  ];
  return kinds.find(([pattern]) => pattern.test(path))?.[1] ?? 'other';
}

function totals(requests: readonly Request[], distDir: string, base: string): TransferTotals {
  const byKind: TransferTotals['byKind'] = {};
  let gzip = 0;
  for (const request of [...requests].sort((a, b) => a.url.localeCompare(b.url))) {
    const bytes = gzipBytes(distFile(distDir, base, request.url));
    const kind = (byKind[fileKind(new URL(request.url).pathname)] ??= { requests: 0, gzipBytes: 0 });
    kind.requests += 1;
    kind.gzipBytes += bytes;
    gzip += bytes;
  }
  return {
    requests: requests.length,
    wireBytes: requests.reduce((sum, r) => sum + r.wireBytes, 0),
    gzipBytes: gzip,
    byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => a.localeCompare(b))),
  };
}

const isSearchFile = (request: Request, base: string) => {
  const path = new URL(request.url).pathname;
  return path.startsWith(`${base}pagefind/`) || /opencc|t2cn/i.test(path);
};

interface StateRecord {
  state: string | undefined;
  at: number;
}
type BenchWindow = { __benchStates: StateRecord[] };

/** Records each change of the results list's data-state with its time since navigation start. */
function observeResultStates(): void {
  const records: StateRecord[] = [];
  (window as unknown as BenchWindow).__benchStates = records;
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const target = mutation.target as HTMLElement;
      if (target.id === 'search-results') records.push({ state: target.dataset.state, at: performance.now() });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

async function readyAfter(page: Page, since: number): Promise<number> {
  const handle = await page.waitForFunction(
    (t) => (window as unknown as BenchWindow).__benchStates.find((r) => r.state === 'ready' && r.at > t)?.at ?? false,
    since,
    { timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function resultCount(page: Page): Promise<number | null> {
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  const match = /共 (\d+) 篇/.exec(status);
  return match ? Number(match[1]) : null;
}

export interface SiteSession {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openSite(distDir: string, base: string): Promise<SiteSession> {
  const server = await serveStatic(distDir, base);
  const browser = await launchBrowser();
  return {
    origin: server.origin,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Cold: a fresh browser context (empty cache) opens `search/?q=<cold>`; every transfer until the results
 * are rendered counts. Warm: in the same page, a second query is submitted through the form.
 */
export async function measureQueries(
  session: SiteSession,
  distDir: string,
  base: string,
  queries: { cold: string; warm: string },
): Promise<{ cold: QueryMeasurement; warm: QueryMeasurement }> {
  const context = await session.browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(observeResultStates);
    const log = new NetworkLog(page);
    const split = (requests: Request[]) => ({
      page: totals(
        requests.filter((r) => !isSearchFile(r, base)),
        distDir,
        base,
      ),
      search: totals(
        requests.filter((r) => isSearchFile(r, base)),
        distDir,
        base,
      ),
    });

    await page.goto(`${session.origin}${base}search/?q=${encodeURIComponent(queries.cold)}`);
    const coldReady = await readyAfter(page, 0);
    const cold: QueryMeasurement = {
      query: queries.cold,
      results: await resultCount(page),
      ms: Math.round(coldReady),
      ...split(await log.settled()),
    };

    log.reset();
    const submitted = await page.evaluate((query) => {
      const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
      form.querySelector<HTMLInputElement>('input[name="q"]')!.value = query;
      const at = performance.now();
      form.requestSubmit();
      return at;
    }, queries.warm);
    const warmReady = await readyAfter(page, submitted);
    const warm: QueryMeasurement = {
      query: queries.warm,
      results: await resultCount(page),
      ms: Math.round(warmReady - submitted),
      ...split(await log.settled()),
    };
    return { cold, warm };
  } finally {
    await context.close();
  }
}

/** A page's weight at load in a fresh context: HTML, CSS and JS it fetches, each gzipped. */
export async function measurePageWeight(
  session: SiteSession,
  distDir: string,
  base: string,
  path: string,
): Promise<PageWeight> {
  const context = await session.browser.newContext();
  try {
    const page = await context.newPage();
    const log = new NetworkLog(page);
    await page.goto(`${session.origin}${base}${path}`, { waitUntil: 'load' });
    const loaded = (await log.settled()).filter((r) => ['document', 'stylesheet', 'script'].includes(r.type));
    const html = loaded.find((r) => r.type === 'document');
    return {
      path,
      gzipBytes: loaded.reduce((sum, r) => sum + gzipBytes(distFile(distDir, base, r.url)), 0),
      files: loaded.length,
      htmlBytes: html ? statSync(distFile(distDir, base, html.url)).size : 0,
    };
  } finally {
    await context.close();
  }
}
