/**
 * Search quality over the real built index, run in Node with Pagefind's own browser code: every query of
 * the set returns exactly its expected reports; phrase-first ranking, no false hits, traditional queries,
 * facets, and what is (and is not) indexed.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runSearch, type PagefindResult } from '../../src/lib/search-engine';
import { SEARCH_CASES } from '../fixtures/search-queries';
import { loadPagefind, type NodePagefind } from '../helpers/pagefind';
import { siteDir } from '../helpers/site';

const base = inject('siteBase');
let pagefind: NodePagefind;
let conversions = 0;
const toSimplified = async () => {
  conversions++;
  const { Converter } = await import('opencc-js/t2cn');
  return Converter({ from: 't', to: 'cn' });
};

beforeAll(async () => {
  pagefind = await loadPagefind(siteDir(), base);
});

const ids = async (results: PagefindResult[]) =>
  Promise.all(results.map(async (r) => (await r.data()).url.replace(`${base}reports/`, '').replace(/\/$/, '')));

describe('the query set', () => {
  it('has at least 40 queries of every kind', () => {
    expect(SEARCH_CASES.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(SEARCH_CASES.map((c) => c.kind));
    for (const kind of ['term', 'name', 'number', 'latin', 'multi-word', 'traditional', 'absent']) expect(kinds).toContain(kind);
  });

  it.each(SEARCH_CASES.map((c) => [c.query, c] as const))('%s returns exactly its expected reports', async (_q, c) => {
    const outcome = await runSearch(pagefind, { query: c.query }, toSimplified);
    expect((await ids(outcome.results)).sort()).toEqual([...c.expected].sort());
  });
});

describe('Chinese search rules', () => {
  it('does not return pages that hold only some words (职工排球 ≠ 职工)', async () => {
    const outcome = await runSearch(pagefind, { query: '职工排球' });
    expect(outcome.results).toEqual([]);
    expect(outcome.missingWords).toContain('排球');
    const absent = await runSearch(pagefind, { query: '职工 zzqx' });
    expect(absent.results).toEqual([]);
    expect(absent.missingWords).toEqual(['zzqx']);
  });

  it('ranks exact phrase matches first', async () => {
    const outcome = await runSearch(pagefind, { query: '职工书屋' });
    expect(outcome.exactCount).toBe(outcome.results.length);
    for (const result of outcome.results) {
      expect((await result.data()).content).toContain('职工书屋');
    }
  });

  it('converts a traditional query only when needed, and says so', async () => {
    conversions = 0;
    await runSearch(pagefind, { query: '职工书屋' }, toSimplified);
    expect(conversions).toBe(0);
    const outcome = await runSearch(pagefind, { query: '職工書屋' }, toSimplified);
    expect(conversions).toBe(1);
    expect(outcome.convertedFrom).toBe('職工書屋');
    expect(outcome.query).toBe('职工书屋');
  });

  it('highlights the query in excerpts', async () => {
    const outcome = await runSearch(pagefind, { query: '乌兰牧骑' });
    const data = await outcome.results[0]!.data();
    expect(data.excerpt).toMatch(/<mark>乌兰牧骑<\/mark>|<mark>乌兰<\/mark>/);
  });
});

describe('facets and sorting', () => {
  it('filters by a province and finds its cities’ reports', async () => {
    const outcome = await runSearch(pagefind, { query: '', filters: { region: ['内蒙古自治区'] } });
    expect((await ids(outcome.results)).sort()).toEqual([
      'hohhot-2015-review',
      'inner-mongolia-2014-five-years',
      'inner-mongolia-2017-ten-deeds',
      'inner-mongolia-2024-12th-congress',
    ]);
  });

  it('combines a query with year and topic filters and counts facets', async () => {
    const outcome = await runSearch(pagefind, { query: '金秋助学', filters: { year: ['2008'] } });
    expect((await ids(outcome.results)).sort()).toEqual(['fuxin-2008-transition', 'nantong-2008-bridge-port']);
    expect(outcome.filters.year?.['2008']).toBe(2);
    expect(outcome.filters.region?.['江苏省']).toBe(1);
    const topic = await runSearch(pagefind, { query: '', filters: { topic: ['新就业形态劳动者'] } });
    expect(await ids(topic.results)).toEqual(['inner-mongolia-2024-12th-congress']);
  });

  it('sorts by year', async () => {
    const outcome = await runSearch(pagefind, { query: '金秋助学', sort: 'year-desc' });
    const years = await Promise.all(outcome.results.map(async (r) => Number((await r.data()).meta.year)));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const browse = await runSearch(pagefind, { query: '', sort: 'year-asc' });
    const browseYears = await Promise.all(browse.results.map(async (r) => Number((await r.data()).meta.year)));
    expect(browseYears).toEqual([...browseYears].sort((a, b) => a - b));
    expect(browse.results.length).toBe(6);
  });
});

describe('what is indexed', () => {
  it('indexes report pages only, with title, region and year metadata under the base path', async () => {
    const all = await runSearch(pagefind, { query: '' });
    const urls = await Promise.all(all.results.map(async (r) => (await r.data()).url));
    expect(urls.every((url) => url.startsWith(`${base}reports/`))).toBe(true);
    const data = await all.results[0]!.data();
    expect(data.meta.title).toBeTruthy();
    expect(data.meta.region).toBeTruthy();
    expect(data.meta.year).toMatch(/^\d{4}$/);
  });

  it('leaves navigation, statistics panels and citations out of the index', async () => {
    for (const query of ['引用本文', '点击数字可跳到原文', '跳到正文', 'BibTeX', '编者摘要']) {
      const outcome = await runSearch(pagefind, { query });
      expect(outcome.results, query).toEqual([]);
    }
  });
});
