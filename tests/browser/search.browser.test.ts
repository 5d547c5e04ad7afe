/** The search page in headless Chromium under the base path: the whole query set, facets, deep links. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEARCH_CASES } from '../fixtures/search-queries';
import { launchBrowser } from '../helpers/browser';
import { siteDir } from '../helpers/site';
import { serveStatic, type StaticServer } from '../helpers/static-server';

const base = inject('siteBase');
let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveStatic(siteDir(), base);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function results(): Promise<string[]> {
  await page.locator('#search-results[data-state="ready"]').waitFor({ state: 'attached' });
  const hrefs = await page.locator('#search-results a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.replace(`${base}reports/`, '').replace(/\/$/, ''));
}

describe('search in the browser', () => {
  it('types a Chinese query and shows highlighted results as links', async () => {
    await page.goto(`${server.origin}${base}search/`);
    await page.locator('#search-results[data-state="ready"]').waitFor({ state: 'attached' });
    await page.getByLabel('检索词').fill('乌兰牧骑');
    await page.getByLabel('检索词').press('Enter');
    await expect.poll(() => page.url()).toContain('?q=');
    expect(await results()).toEqual(['inner-mongolia-2024-12th-congress']);
    expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('乌兰牧骑');
  });

  it('applies a facet, keeps it in the URL, and opens a result', async () => {
    await page.goto(`${server.origin}${base}search/?q=金秋助学`);
    expect((await results()).length).toBe(5);
    await page.getByRole('radio', { name: /^2008/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2008');
    expect((await results()).sort()).toEqual(['fuxin-2008-transition', 'nantong-2008-bridge-port']);
    await page.locator('#search-results a').first().click();
    await expect.poll(() => page.url()).toMatch(/\/reports\/(fuxin|nantong)-2008/);
  });

  it('browses by facet without a query', async () => {
    await page.goto(`${server.origin}${base}search/?region=江苏省`);
    expect(await results()).toEqual(['nantong-2008-bridge-port']);
  });

  it('finds simplified text from a traditional query and says it converted', async () => {
    await page.goto(`${server.origin}${base}search/?q=${encodeURIComponent('職工書屋')}`);
    expect((await results()).sort()).toEqual(['hohhot-2015-review', 'inner-mongolia-2014-five-years', 'inner-mongolia-2024-12th-congress']);
    expect(await page.locator('[data-search-status]').textContent()).toContain('职工书屋');
  });

  it.each(SEARCH_CASES.map((c) => [c.query, c] as const))('deep link ?q=%s returns exactly its expected reports', async (_q, c) => {
    await page.goto(`${server.origin}${base}search/?q=${encodeURIComponent(c.query)}`);
    expect((await results()).sort()).toEqual([...c.expected].sort());
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
