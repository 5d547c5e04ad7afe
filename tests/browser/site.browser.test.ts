/**
 * The site in headless Chromium, served under its base path: navigation across the taxonomies, the
 * theme toggle, and on every page type axe-core's accessibility checks in the light and dark schemes, with
 * no console error, policy violation, failed request or request to another origin.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type BrowserSite } from '../helpers/browser-site.ts';
import { siteDir } from '../helpers/site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: BrowserSite;

beforeAll(async () => {
  site = await openSite(siteDir(), inject('siteBase'));
});
afterAll(() => site?.close());

/** Rules whose outcome depends on colours: all that can differ between the light and dark schemes. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/** The dark scheme's page background (global.css), to know the dark colours are in force. */
const DARK_BACKGROUND = 'rgb(22, 21, 20)';

async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  // Evaluated through the DevTools protocol (an inline <script> tag would be refused by the page's CSP),
  // once per page load.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
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

describe('every page type', () => {
  it.each(PAGE_TYPES)(
    '%s: no axe violations (light and dark), no console errors, policy violations or other origins',
    async (_name, path) => {
      const { page, problems } = await site.visit(path, { missing: path === 'does-not-exist/' });
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page), `${path} (light)`).toEqual([]);
      // The dark scheme changes only colours: the colour rules again, on the same page.
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
        DARK_BACKGROUND,
      );
      expect(await axeViolations(page, COLOUR_RULES), `${path} (dark)`).toEqual([]);
      expect(await problems(), path).toEqual([]);
    },
  );
});

describe('browsing', () => {
  it('goes home → region → report → topic by clicking links', async () => {
    const { page, problems } = await site.visit('');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '地区' }).click();
    await expect.poll(() => page.url()).toBe(site.url('regions/'));
    await page.getByRole('link', { name: '呼和浩特市' }).first().click();
    await expect.poll(() => page.url()).toBe(site.url('regions/hohhot/'));
    await page.locator('.report-card__title a').first().click();
    await expect.poll(() => page.url()).toBe(site.url('reports/hohhot-2015-review/'));
    expect(await page.locator('h1').textContent()).toContain('围绕中心');
    await page.locator('.report__meta').getByRole('link', { name: '职工文化与素质' }).click();
    await expect.poll(() => page.url()).toBe(site.url('topics/workers-culture/'));
    expect(await page.locator('h1').textContent()).toBe('职工文化与素质');
    expect(await problems()).toEqual([]);
  });

  it('jumps from a statistic to its quote in the text', async () => {
    const { page } = await site.visit('reports/fuxin-2008-transition/');
    const link = page.locator('.stats-panel td.num a').first();
    const target = await link.getAttribute('href');
    await link.click();
    await expect.poll(() => page.url()).toContain(target ?? '#');
    expect(await page.locator(`${target}:target`).count()).toBe(1);
  });

  it('keeps the chosen theme across pages and reloads', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(site.url(''));
    const toggle = page.locator('#theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto(site.url('reports/'));
    // Set by the inline head script before first paint, so there is no flash of the light theme.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.locator('#theme-toggle').getAttribute('aria-pressed')).toBe('true');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe(DARK_BACKGROUND);
    await context.close();
  });

  it('moves focus to the search box with the / key', async () => {
    const { page } = await site.visit('reports/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  });

  it('sorts and filters the all-reports table', async () => {
    const { page } = await site.visit('reports/');
    await page.getByRole('button', { name: '统计项数' }).click();
    const counts = await page.locator('.report-table tbody tr td.num').allTextContents();
    expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((a, b) => a - b));
    await page.getByLabel('筛选本页').fill('南通');
    expect(await page.locator('.report-table tbody tr:not([hidden])').count()).toBe(1);
  });

  it('is usable at 360 px without horizontal scrolling', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const path of ['', 'reports/inner-mongolia-2014-five-years/', 'reports/']) {
      await page.goto(site.url(path));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
