/**
 * A built site served under its base path and opened in headless Chromium, for the browser tests. Visits
 * share one tab: a new tab costs Chromium a renderer start (about 1 s here, several under load), a
 * navigation in the same tab a fraction of that. Each visit records what went wrong on its page.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../tools/shared/browser.ts';
import { serveStatic, type StaticServer } from '../../tools/shared/static-server.ts';

export interface Visit {
  page: Page;
  /**
   * What went wrong since the visit began: console errors, uncaught exceptions, dialogs (alert, confirm),
   * Content-Security-Policy violations, HTTP errors and requests to other origins.
   */
  problems(): Promise<string[]>;
}

export interface BrowserSite {
  browser: Browser;
  /** The shared tab that every visit opens its page in. */
  page: Page;
  server: StaticServer;
  /** The absolute URL of a path under the base path. */
  url(path: string): string;
  /**
   * Opens a path in the shared tab, in the light colour scheme. `missing`: the path has no page, so the
   * 404 status of the document (and Chromium's console line about it) is expected, and checked.
   */
  visit(path: string, options?: { missing?: boolean }): Promise<Visit>;
  close(): Promise<void>;
}

/** Records policy violations from the first script on, where the page's own scripts cannot hide them. */
function recordViolations(): void {
  const list: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = list;
  document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
}

export async function openSite(dir: string, base: string): Promise<BrowserSite> {
  const server = await serveStatic(dir, base);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.addInitScript(recordViolations);
  const url = (path: string) => `${server.origin}${base}${path}`;

  let problems: string[] = [];
  let documentUrl = '';
  let missing = false;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs the missing page's own 404 status: expected there, and only there.
    if (missing && message.text().includes('status of 404')) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:')) {
      problems.push(`other origin: ${request.url()}`);
    }
  });
  page.on('response', (response) => {
    const expected = missing && response.url() === documentUrl ? 404 : undefined;
    if (response.status() >= 400 && response.status() !== expected) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });

  return {
    browser,
    page,
    server,
    url,
    async visit(path, options = {}) {
      problems = [];
      documentUrl = url(path);
      missing = options.missing ?? false;
      await page.emulateMedia({ colorScheme: 'light' });
      const response = await page.goto(documentUrl);
      // A page that should be missing but is served (other statuses of the others are caught above).
      if (missing && response?.status() !== 404) problems.push(`HTTP ${response?.status()}, not 404: ${documentUrl}`);
      const seen = problems;
      return {
        page,
        problems: async () => [
          ...seen,
          ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).map(
            (v) => `csp: ${v}`,
          ),
        ],
      };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
