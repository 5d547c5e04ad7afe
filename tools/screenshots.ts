/**
 * Screenshots for the README: a built site (dist/) served under its base path as the tests serve it
 * (tools/shared/static-server.ts), opened in the Chromium the browser tests use (tools/shared/browser.ts),
 * and two parts of it captured as PNG into docs/screenshots/:
 *
 *   metric-chart.png   a metric page's chart (/data/<metric>/)
 *   search-trend.png   the search page after a query, with its trend (/search/?q=…)
 *
 * Each part is found by a CSS selector given as an option; when the page has none (or it stays hidden),
 * the page's `main` is captured instead and the tool says so. The site uses the system's fonts: without
 * a Chinese one (Debian: fonts-noto-cjk) Chinese text shows as boxes, and the tool warns.
 *
 *   npm run build && npm run screenshots -- [--dist dist] [--base /repo/] [--out docs/screenshots]
 *     [--metric union-members] [--query '困难职工 职工书屋'] [--chart '.chart-figure'] [--trend '[data-trend]']
 *     [--search-ready '#search-results[data-state="ready"]'] [--width 1200] [--scale 2]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { normalizeBase } from '../src/lib/paths.ts';
import { launchBrowser } from './shared/browser.ts';
import { ROOT } from './shared/content.ts';
import { serveStatic } from './shared/static-server.ts';

const OPTIONS = {
  dist: { type: 'string', default: 'dist' },
  // The base path the site was built under: BASE_PATH, as for the build.
  base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
  out: { type: 'string', default: 'docs/screenshots' },
  metric: { type: 'string', default: 'union-members' },
  query: { type: 'string', default: '困难职工 职工书屋' },
  chart: { type: 'string', default: '.chart-figure' },
  trend: { type: 'string', default: '[data-trend]' },
  // What shows that the search page has its results (the trend, if any, comes with them).
  'search-ready': { type: 'string', default: '#search-results[data-state="ready"]' },
  width: { type: 'string', default: '1200' },
  scale: { type: 'string', default: '2' },
  timeout: { type: 'string', default: '15000' },
} as const;

type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** One picture: the page to open, what to wait for, the part to capture. */
interface Shot {
  file: string;
  path: string;
  selector: string;
  ready?: string;
}

function shotsOf(options: Options): Shot[] {
  return [
    { file: 'metric-chart.png', path: `data/${options.metric}/`, selector: options.chart },
    {
      file: 'search-trend.png',
      path: `search/?q=${encodeURIComponent(options.query)}`,
      selector: options.trend,
      ready: options['search-ready'],
    },
  ];
}

/** Waits for a visible match of the selector; false when there is none within the timeout. */
async function appears(page: Page, selector: string, timeout: number): Promise<boolean> {
  try {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout });
    return true;
  } catch {
    return false;
  }
}

/** Opens the shot's page and captures its part (or `main`); returns the selector captured. */
async function capture(page: Page, url: string, shot: Shot, file: string, timeout: number): Promise<string> {
  const response = await page.goto(url);
  if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()} (is the site built under this base path?)`);
  if (shot.ready) await page.locator(shot.ready).first().waitFor({ state: 'attached', timeout });
  const selector = (await appears(page, shot.selector, timeout)) ? shot.selector : 'main';
  await page.locator(selector).first().screenshot({ path: file, animations: 'disabled' });
  return selector;
}

/** Warns when fontconfig knows no Chinese font (where there is no fontconfig, nothing is known). */
function warnWithoutChineseFont(): void {
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fonts.status === 0 && fonts.stdout.trim() === '') {
    console.warn(
      'warning: no Chinese font installed (e.g. apt-get install fonts-noto-cjk): the text will show as boxes',
    );
  }
}

async function main(): Promise<void> {
  const { values: options } = parseArgs({ options: OPTIONS, allowPositionals: false });
  const dist = resolve(ROOT, options.dist);
  const base = normalizeBase(options.base);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} holds no built site: run npm run build first`);
  const out = resolve(ROOT, options.out);
  mkdirSync(out, { recursive: true });
  warnWithoutChineseFont();
  const server = await serveStatic(dist, base);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({
      viewport: { width: Number(options.width), height: 900 },
      deviceScaleFactor: Number(options.scale),
      colorScheme: 'light',
    });
    for (const shot of shotsOf(options)) {
      const file = join(out, shot.file);
      const used = await capture(page, `${server.origin}${base}${shot.path}`, shot, file, Number(options.timeout));
      const note = used === shot.selector ? '' : ` (no visible ${shot.selector}: captured main instead)`;
      console.log(`${file} ← ${base}${shot.path} ${used}${note}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
