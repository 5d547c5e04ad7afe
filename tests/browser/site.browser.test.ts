/**
 * The site in headless Chromium, served under its base path: navigation across the taxonomies, the
 * theme toggle, console errors and axe-core accessibility checks on every page type.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../tools/shared/browser.ts';
import { siteDir } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from '../../tools/shared/static-server.ts';

const base = inject('siteBase');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(siteDir(), base);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and records console errors, failed requests and requests to other origins. */
async function open(path: string, options: { colorScheme?: 'light' | 'dark' } = {}) {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const problems: string[] = [];
  const expect404 = path === 'does-not-exist/';
  page.on('console', (message) => {
    // Chromium logs the 404 status of the deliberately missing page itself.
    if (expect404 && message.text().includes('status of 404')) return;
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:')) {
      problems.push(`other origin: ${request.url()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !(expect404 && response.url().endsWith('/does-not-exist/'))) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  await page.goto(`${server.origin}${base}${path}`);
  return { page, problems, close: () => context.close() };
}

/** Rules whose outcome depends on colours: all that can differ between the light and dark schemes. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  // Evaluated through the DevTools protocol: an inline <script> tag would be refused by the page's CSP.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (only) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, only ? { runOnly: { type: 'rule', values: only } } : {});
  }, rules);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const PAGE_TYPES = [
  ['home', ''],
  ['report', 'reports/hohhot-2015-review/'],
  ['long report', 'reports/inner-mongolia-2024-12th-congress/'],
  ['all reports', 'reports/'],
  ['regions index', 'regions/'],
  ['region', 'regions/inner-mongolia/'],
  ['years index', 'years/'],
  ['year', 'years/2008/'],
  ['topics index', 'topics/'],
  ['topic', 'topics/assistance/'],
  ['data', 'data/'],
  ['metric', 'data/union-members/'],
  ['search', 'search/?q=职工书屋'],
  ['404', 'does-not-exist/'],
] as const;

// Page types run concurrently: each waits mostly on Chromium, which has processes of its own.
describe.concurrent('every page type', () => {
  it.each(PAGE_TYPES)(
    '%s: no axe violations (light and dark), no console errors, no other origin',
    async (_name, path) => {
      // Every rule in the light scheme; in the dark one, which changes only colours, the colour rules.
      for (const [colorScheme, rules] of [
        ['light', undefined],
        ['dark', COLOUR_RULES],
      ] as const) {
        const { page, problems, close } = await open(path, { colorScheme });
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page, rules && [...rules]), `${path} (${colorScheme})`).toEqual([]);
        expect(problems, `${path} (${colorScheme})`).toEqual([]);
        await close();
      }
    },
  );
});

describe('browsing', () => {
  it('goes home → region → report → topic by clicking links', async () => {
    const { page, problems, close } = await open('');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '地区' }).click();
    await expect.poll(() => page.url()).toBe(`${server.origin}${base}regions/`);
    await page.getByRole('link', { name: '呼和浩特市' }).first().click();
    await expect.poll(() => page.url()).toBe(`${server.origin}${base}regions/hohhot/`);
    await page.locator('.report-card__title a').first().click();
    await expect.poll(() => page.url()).toBe(`${server.origin}${base}reports/hohhot-2015-review/`);
    expect(await page.locator('h1').textContent()).toContain('围绕中心');
    await page.locator('.report__meta').getByRole('link', { name: '职工文化与素质' }).click();
    await expect.poll(() => page.url()).toBe(`${server.origin}${base}topics/workers-culture/`);
    expect(await page.locator('h1').textContent()).toBe('职工文化与素质');
    expect(problems).toEqual([]);
    await close();
  });

  it('jumps from a statistic to its quote in the text', async () => {
    const { page, close } = await open('reports/fuxin-2008-transition/');
    const link = page.locator('.stats-panel td.num a').first();
    const target = await link.getAttribute('href');
    await link.click();
    await expect.poll(() => page.url()).toContain(target ?? '#');
    expect(await page.locator(`${target}:target`).count()).toBe(1);
    await close();
  });

  it('keeps the chosen theme across pages and reloads', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${server.origin}${base}`);
    const toggle = page.locator('#theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto(`${server.origin}${base}reports/`);
    // Set by the inline head script before first paint, so there is no flash of the light theme.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.locator('#theme-toggle').getAttribute('aria-pressed')).toBe('true');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(22, 21, 20)');
    await context.close();
  });

  it('moves focus to the search box with the / key', async () => {
    const { page, close } = await open('reports/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await close();
  });

  it('sorts and filters the all-reports table', async () => {
    const { page, close } = await open('reports/');
    await page.getByRole('button', { name: '统计项数' }).click();
    const counts = await page.locator('.report-table tbody tr td.num').allTextContents();
    expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((a, b) => a - b));
    await page.getByLabel('筛选本页').fill('南通');
    expect(await page.locator('.report-table tbody tr:not([hidden])').count()).toBe(1);
    await close();
  });

  it('is usable at 360 px without horizontal scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const path of ['', 'reports/inner-mongolia-2014-five-years/', 'reports/']) {
      await page.goto(`${server.origin}${base}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
