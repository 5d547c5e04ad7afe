/**
 * The search page in headless Chromium under the base path, checked against the substring oracle over
 * the built reports: 内蒙古, a single character, a traditional query, quotation marks ignored, two terms
 * with a facet, the total, highlighted excerpts, "more results", facet filters that leave nothing, and a sample of queries.
 */
import { load } from 'cheerio';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFolder, stripSpace } from '../../src/lib/search-text.ts';
import { createOracle, sampleQueries, toSimplified } from '../helpers/pagefind.ts';
import { openSite, type BrowserSite, type Visit } from '../helpers/browser-site.ts';
import { readPageTexts, type PageText } from '../helpers/page-text.ts';
import { siteDir } from '../helpers/site.ts';

const base = inject('siteBase');
let site: BrowserSite;
let page: Page;
/** The latest visit: its problems are checked after each test. */
let visit: Visit | undefined;
/** The oracle's source: the article text of each built page (not what the indexer read). */
let pages: PageText[];
let reports: (PageText & { body: string })[];
let oracle: (query: string) => number[];
const fold = createFolder(toSimplified());

beforeAll(async () => {
  pages = readPageTexts(siteDir(), base);
  reports = pages.map((p) => ({ ...p, title: stripSpace(p.title), body: stripSpace(p.text) }));
  oracle = createOracle(reports);
  site = await openSite(siteDir(), base);
  page = site.page;
});
afterEach(async () => {
  expect(await visit?.problems()).toEqual([]);
  visit = undefined;
});
afterAll(() => site?.close());

const expectedUrls = (query: string) =>
  oracle(query)
    .map((n) => reports[n]!.url)
    .sort();

async function open(params: string): Promise<void> {
  visit = await site.visit(`search/?${params}`);
  await page.locator('#search-results[data-state="ready"]').waitFor({ state: 'attached' });
}

/** Submits a new query in the open search page (no navigation) and waits for its results. */
async function searchInPage(query: string): Promise<void> {
  await page.locator('#search-query').fill(query);
  await page.locator('#search-query').press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query);
  await page.locator('#search-results[data-state="ready"]').waitFor({ state: 'attached' });
}

async function shown(): Promise<string[]> {
  return page
    .locator('#search-results .search-result a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

async function total(): Promise<number> {
  return Number(await page.locator('#search-results').getAttribute('data-total'));
}

/** Every result, pressing 显示更多 until all are listed. */
async function allResults(): Promise<string[]> {
  while ((await page.getByRole('button', { name: /显示更多/ }).count()) > 0) {
    const before = (await shown()).length;
    await page.getByRole('button', { name: /显示更多/ }).click();
    await expect.poll(async () => (await shown()).length).toBeGreaterThan(before);
  }
  return (await shown()).sort();
}

describe('search in the browser', () => {
  it('finds every report containing 内蒙古, with the total, as links under the base path', async () => {
    await open(`q=${encodeURIComponent('内蒙古')}`);
    const expected = expectedUrls('内蒙古');
    expect(expected.length).toBeGreaterThan(0);
    expect(await total()).toBe(expected.length);
    expect(await allResults()).toEqual(expected);
    expect(expected.every((url) => url.startsWith(`${base}reports/`))).toBe(true);
    expect(await page.locator('[data-search-status]').textContent()).toContain(`共 ${expected.length} 篇`);
  });

  it('highlights exactly the matched characters in titles and excerpts', async () => {
    await open(`q=${encodeURIComponent('内蒙古')}`);
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    // Adjacent matches merge into one mark: each mark is the term repeated.
    expect(marks.every((text) => /^(内蒙古)+$/.test(fold(text)))).toBe(true);
  });

  it('ignores quotation marks, in the query and the text, and marks only the matched characters', async () => {
    await open(`q=${encodeURIComponent('长三角黄金地带')}`);
    const expected = expectedUrls('长三角黄金地带');
    expect(expected.length).toBeGreaterThan(0);
    expect(await allResults()).toEqual(expected);
    expect(await page.locator('#search-results .search-result__excerpt').first().innerHTML()).toContain(
      '“<mark>长三角</mark>”<mark>黄金地带</mark>',
    );
    await searchInPage('“长三角”黄金地带');
    expect(await allResults()).toEqual(expected);
  });

  it('finds a single character', async () => {
    await open(`q=${encodeURIComponent('内')}`);
    expect(await total()).toBe(oracle('内').length);
    expect(await allResults()).toEqual(expectedUrls('内'));
  });

  it('finds simplified text from a traditional query and says it converted', async () => {
    await open(`q=${encodeURIComponent('職工書屋')}`);
    expect(await allResults()).toEqual(expectedUrls('职工书屋'));
    expect(await page.locator('[data-search-status]').textContent()).toContain('职工书屋');
  });

  it('combines two terms with a region facet, keeping it in the URL', async () => {
    const query = '职工 工会';
    await open(`q=${encodeURIComponent(query)}`);
    const region = '内蒙古自治区';
    const inRegion = oracle(query).filter((n) => reports[n]!.regions.includes(region));
    expect(inRegion.length).toBeGreaterThan(0);
    await page.getByRole('radio', { name: new RegExp(`^${region}`) }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe(region);
    await expect.poll(total).toBe(inRegion.length);
    expect(await allResults()).toEqual(inRegion.map((n) => reports[n]!.url).sort());
    await page.locator('#search-results .search-result a').first().click();
    await expect.poll(() => page.url()).toContain(`${base}reports/`);
  });

  it('says when the facet, not the archive, leaves no results', async () => {
    // A report's headline found only in reports of its own year, filtered to another year: none left.
    const years = [...new Set(reports.map((r) => r.year))];
    const query = reports
      .map((r) => [...r.title].slice(0, 6).join(''))
      .find((q) => new Set(oracle(q).map((n) => reports[n]!.year)).size === 1);
    const year = query === undefined ? undefined : years.find((y) => y !== reports[oracle(query)[0]!]!.year);
    expect(query && year, 'the fixture has a headline of one year and another year').toBeTruthy();
    await open(`q=${encodeURIComponent(query!)}&year=${year}`);
    expect(await total()).toBe(0);
    expect(await page.locator('[data-search-status]').textContent()).toContain('筛选条件下没有结果');
    await open(`q=${encodeURIComponent('职工 鲸鱼座')}`);
    expect(await total()).toBe(0);
    expect(await page.locator('[data-search-status]').textContent()).toContain('档案中没有“鲸鱼座”');
  });

  it('shows the first page of results and more on request', async () => {
    // A page size of 2 (the built page says 10), so that any archive has more than one page.
    await page.route('**/search/?*', async (route) => {
      const response = await route.fetch();
      const $ = load(await response.text());
      $('#search-results').attr('data-page-size', '2');
      await route.fulfill({ response, body: $.html() });
    });
    const query = '工';
    const expected = expectedUrls(query);
    expect(expected.length).toBeGreaterThan(2);
    await open(`q=${encodeURIComponent(query)}`);
    expect(await shown()).toHaveLength(2);
    expect(await total()).toBe(expected.length);
    await page.getByRole('button', { name: /显示更多/ }).click();
    await expect.poll(async () => (await shown()).length).toBe(Math.min(4, expected.length));
    expect(await allResults()).toEqual(expected);
    await page.unrouteAll();
  });

  it('returns exactly the oracle’s reports for a sample of queries', async () => {
    // As a reader would: the first query from the URL, the others typed into the page's search box.
    const [first, ...others] = sampleQueries(pages, 'browser-search', 24);
    await open(`q=${encodeURIComponent(first!)}`);
    for (const query of [first!, ...others]) {
      if (query !== first) await searchInPage(query);
      expect(await total(), query).toBe(oracle(query).length);
      expect(await allResults(), query).toEqual(expectedUrls(query));
    }
  });
});
