/**
 * The search page in headless Chromium under the base path, checked against the substring oracle over
 * the built reports: 内蒙古, a single character, a traditional query, quotation marks ignored, two terms
 * with a facet, the total, highlighted excerpts, "more results", facet filters that leave nothing, and a sample of queries;
 * the terms' trend by year (counts and shares against the oracle, a year chosen by mouse and by keyboard)
 * and the year range (results and facet counts within it).
 */
import { load } from 'cheerio';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFolder, queryTerms, stripSpace } from '../../src/lib/search-text.ts';
import { createRandom } from '../../tools/shared/prng.ts';
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

/** The trend's table as text: a row per year (year, the year's reports, then count and share per term). */
async function trendTable(): Promise<{ head: string[]; rows: string[][] }> {
  const table = page.locator('[data-trend] .trend__table');
  return {
    head: await table.locator('thead th').allTextContents(),
    rows: await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? ''))),
  };
}

/** The years of the fixture's reports, oldest first, and how many reports each holds. */
function reportsByYear(among: readonly number[] = reports.map((_, n) => n)): Map<number, number> {
  const years = new Map<number, number>();
  for (const n of among) years.set(reports[n]!.year, (years.get(reports[n]!.year) ?? 0) + 1);
  return new Map([...years].sort(([a], [b]) => a - b));
}

/** The table the trend of `query` must show: per year its reports, and per term its own count and share. */
function expectedTrend(query: string): string[][] {
  const terms = queryTerms(query, fold);
  const totals = reportsByYear();
  return [...totals].map(([year, total]) => [
    String(year),
    String(total),
    ...terms.flatMap((term) => {
      const count = oracle(term).filter((n) => reports[n]!.year === year).length;
      return [String(count), `${((count / total) * 100).toFixed(1)}%`];
    }),
  ]);
}

/** Facet counts as the page shows them: value → count, for the values listed with a count. */
async function facetCounts(): Promise<Record<string, number>> {
  const labels = await page.locator('[data-facets] label').allTextContents();
  return Object.fromEntries(
    labels.flatMap((text) => {
      const match = /^\s*(.+?) \((\d+)\)\s*$/.exec(text);
      return match ? [[match[1]!, Number(match[2])]] : [];
    }),
  );
}

describe('the terms’ trend by year', () => {
  /** Seeded terms of 2–3 Chinese characters from the reports' text, and a query of two of them. */
  const sampleTerms = (): string[] => {
    const random = createRandom('search-trend');
    const terms = new Set<string>();
    while (terms.size < 5) {
      const text = [...random.pick(reports).body];
      const at = random.int(0, text.length - 3);
      const term = text.slice(at, at + random.int(2, 3)).join('');
      if (/^\p{Script=Han}+$/u.test(term)) terms.add(term);
    }
    return [...terms];
  };

  it('counts each term’s reports per year and their share of the year’s reports, as the oracle does', async () => {
    const terms = sampleTerms();
    const queries = [...terms.slice(0, 4), `${terms[0]} ${terms[4]}`];
    await open(`q=${encodeURIComponent(queries[0]!)}`);
    for (const query of queries) {
      if (query !== queries[0]) await searchInPage(query);
      const { head, rows } = await trendTable();
      const expectedTerms = queryTerms(query, fold);
      expect(head, query).toEqual([
        '年份',
        '当年报道',
        ...expectedTerms.flatMap((term) => [`“${term}”篇数`, `“${term}”占比`]),
      ]);
      expect(rows, query).toEqual(expectedTrend(query));
      // A line per term in each panel (counts, shares).
      expect(await page.locator('[data-trend] polyline.trend__line').count(), query).toBe(2 * expectedTerms.length);
      expect(await page.locator('[data-trend] a.trend__year').count()).toBe(reportsByYear().size);
    }
    // The two-term query: each line its own term's reports, the results those with both.
    expect(await total()).toBe(oracle(queries[4]!).length);
  });

  it('filters the results to a year chosen in the chart, by mouse or by keyboard, and writes it to the URL', async () => {
    const query = sampleTerms()[0]!;
    const years = [...reportsByYear(oracle(query)).keys()];
    expect(years.length, `${query} is in some report`).toBeGreaterThan(0);
    await open(`q=${encodeURIComponent(query)}`);
    for (const [i, year] of [years[0]!, years.at(-1)!].entries()) {
      const link = page.locator(`[data-trend] a.trend__year[data-year="${year}"]`);
      expect(await link.getAttribute('aria-label')).toContain(`${year}年`);
      if (i === 0) await link.click();
      else {
        await link.focus();
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-year'))).toBe(String(year));
        await page.keyboard.press('Enter');
      }
      await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(String(year));
      expect(new URL(page.url()).searchParams.get('q')).toBe(query);
      const inYear = oracle(query).filter((n) => reports[n]!.year === year);
      await expect.poll(total).toBe(inYear.length);
      expect(await allResults()).toEqual(inYear.map((n) => reports[n]!.url).sort());
      expect(await page.getByRole('radio', { name: new RegExp(`^${year}`) }).isChecked()).toBe(true);
    }
  });

  it('draws at most four terms and names the others', async () => {
    const terms = sampleTerms();
    await open(`q=${encodeURIComponent(terms.join(' '))}`);
    const { head } = await trendTable();
    expect(head).toHaveLength(2 + 2 * 4);
    expect(await page.locator('[data-trend]').textContent()).toContain(`未画：“${terms[4]}”`);
  });

  it('hides the trend without a query', async () => {
    await open('');
    expect(await page.locator('[data-trend]').isHidden()).toBe(true);
  });
});

describe('the year range', () => {
  const range = () => {
    const years = [...reportsByYear().keys()];
    return { from: years[1]!, to: years.at(-2)! };
  };
  const within = (n: number, { from, to }: { from: number; to: number }) =>
    reports[n]!.year >= from && reports[n]!.year <= to;

  it('returns the oracle’s reports within the range, with facet counts within it', async () => {
    const { from, to } = range();
    for (const query of ['工会', '职工 工会', '']) {
      await open(`q=${encodeURIComponent(query)}&from=${from}&to=${to}`);
      const expected = (query ? oracle(query) : reports.map((_, n) => n)).filter((n) => within(n, { from, to }));
      expect(expected.length, query).toBeGreaterThan(0);
      expect(await total(), query).toBe(expected.length);
      expect(await allResults(), query).toEqual(expected.map((n) => reports[n]!.url).sort());
      const counts = await facetCounts();
      // Years within the range only, each with its count; regions with theirs (a province includes its cities).
      expect(
        Object.keys(counts)
          .filter((value) => /^\d{4}$/.test(value))
          .sort(),
      ).toEqual([...reportsByYear().keys()].filter((y) => y >= from && y <= to).map(String));
      for (const [year, count] of reportsByYear(expected)) expect(counts[String(year)], `${query} ${year}`).toBe(count);
      for (const region of new Set(expected.flatMap((n) => reports[n]!.regions))) {
        expect(counts[region], `${query} ${region}`).toBe(
          expected.filter((n) => reports[n]!.regions.includes(region)).length,
        );
      }
      expect(await page.locator('#search-from').inputValue()).toBe(String(from));
      expect(await page.locator('#search-to').inputValue()).toBe(String(to));
    }
  });

  it('is chosen with the 从…到 selects and written to the URL; a year outside it is dropped', async () => {
    const { from, to } = range();
    const query = '工会';
    const oldest = [...reportsByYear().keys()][0]!;
    await open(`q=${encodeURIComponent(query)}&year=${oldest}`);
    await page.getByRole('combobox', { name: '从' }).selectOption(String(from));
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(String(from));
    // The chosen year lies before the range: the range wins.
    expect(new URL(page.url()).searchParams.get('year')).toBeNull();
    await page.getByRole('combobox', { name: '到' }).selectOption(String(to));
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(String(to));
    const expected = oracle(query).filter((n) => within(n, { from, to }));
    await expect.poll(total).toBe(expected.length);
    expect(await allResults()).toEqual(expected.map((n) => reports[n]!.url).sort());
  });

  it('ignores invalid years and swaps reversed ends', async () => {
    const { from, to } = range();
    await open(`q=${encodeURIComponent('工会')}&from=abc&to=`);
    expect(await total()).toBe(oracle('工会').length);
    await open(`q=${encodeURIComponent('工会')}&from=${to}&to=${from}`);
    expect(await total()).toBe(oracle('工会').filter((n) => within(n, { from, to })).length);
  });
});
