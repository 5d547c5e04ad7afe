/**
 * Lighthouse on the home page and the longest report page, served under the base path: accessibility
 * 1.0; best practices and SEO at least 0.95. Not performance: its score depends on how busy the machine
 * is (0.70–0.98 for the same page), so it belongs to the benchmark; page weight and render-blocking
 * budgets (tests/site/quality.test.ts) cover speed deterministically.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchLighthouseChrome } from '../../tools/shared/browser.ts';
import { htmlFiles, siteDir } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../../tools/shared/static-server.ts';

const base = inject('siteBase');
let server: StaticServer;
let chrome: chromeLauncher.LaunchedChrome;

beforeAll(async () => {
  server = await serveStatic(siteDir(), base);
  chrome = await launchLighthouseChrome();
});
afterAll(async () => {
  chrome?.kill();
  await server?.close();
});

const longestReport = htmlFiles()
  .filter((f) => /^reports\/[^/]+\/index\.html$/.test(f))
  .sort((a, b) => statSync(join(siteDir(), b)).size - statSync(join(siteDir(), a)).size)[0]!;

describe('Lighthouse', () => {
  it.each([
    ['home', ''],
    ['longest report', longestReport.replace(/index\.html$/, '')],
  ])('%s scores accessibility 1.0, best practices and SEO ≥ 0.95', async (_name, path) => {
    const result = await lighthouse(`${server.origin}${base}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility', 'best-practices', 'seo'],
    });
    const categories = result!.lhr.categories;
    const scores = Object.fromEntries(Object.entries(categories).map(([key, c]) => [key, c.score]));
    console.info(`Lighthouse ${path || '/'}: ${JSON.stringify(scores)}`);
    const failing = Object.values(result!.lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id);
    expect(scores.accessibility, `${path} ${JSON.stringify(scores)} ${failing}`).toBe(1);
    for (const key of ['best-practices', 'seo']) {
      expect(scores[key], `${path} ${key} ${JSON.stringify(scores)} ${failing}`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
