/**
 * The trend of a search: per year and term, the reports containing the term and their share of the
 * year's reports, against counts made directly from random tables; the year a click chooses.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../tools/shared/prng.ts';
import type { SearchRequest, SearchTable } from '../../src/lib/search-engine.ts';
import { chooseYear, formatShare, searchTrend, TREND_TERMS } from '../../src/lib/search-trend.ts';

function randomTable(seed: string, count: number): SearchTable {
  const random = createRandom(seed);
  return {
    regions: ['内蒙古自治区', '呼和浩特市', '江苏省'],
    topics: ['就业服务', '劳动竞赛'],
    region: Array.from({ length: count }, () => random.pick([[0, 1], [0], [2]])),
    year: Array.from({ length: count }, () => random.pick([2008, 2013, 2014, 2017, 2024])),
    topic: Array.from({ length: count }, () => random.sample([0, 1], random.int(1, 2))),
    length: Array.from({ length: count }, () => 100),
    distinct: Array.from({ length: count }, () => 50),
    shards: 1,
  };
}

describe('searchTrend', () => {
  const table = randomTable('trend', 120);
  const random = createRandom('trend terms');
  const termReports = Array.from({ length: 3 }, () => table.year.flatMap((_, n) => (random.next() < 0.3 ? [n] : [])));

  it('counts each term’s reports per year, and their share of the year’s reports', () => {
    const trend = searchTrend(table, { query: '' }, ['甲', '乙', '丙'], termReports);
    expect(trend.years).toEqual([2008, 2013, 2014, 2017, 2024]);
    expect(trend.totals).toEqual(trend.years.map((y) => table.year.filter((year) => year === y).length));
    expect(trend.lines.map((l) => l.term)).toEqual(['甲', '乙', '丙']);
    trend.lines.forEach((line, t) => {
      const counts = trend.years.map((y) => termReports[t]!.filter((n) => table.year[n] === y).length);
      expect(line.counts).toEqual(counts);
      expect(line.shares).toEqual(counts.map((c, i) => c / trend.totals[i]!));
    });
    expect(trend.omitted).toEqual([]);
  });

  it('keeps the region and topic filters, for counts and totals, but not the year facet or range', () => {
    const request: SearchRequest = {
      query: '',
      filters: { region: ['内蒙古自治区'], topic: ['劳动竞赛'], year: ['2014'] },
      from: 2013,
      to: 2014,
    };
    const kept = (n: number) => table.region[n]!.includes(0) && table.topic[n]!.includes(1);
    const trend = searchTrend(table, request, ['甲'], termReports);
    expect(trend.years).toEqual([...new Set(table.year.filter((_, n) => kept(n)))].sort((a, b) => a - b));
    expect(trend.totals).toEqual(trend.years.map((y) => table.year.filter((year, n) => year === y && kept(n)).length));
    expect(trend.lines[0]!.counts).toEqual(
      trend.years.map((y) => termReports[0]!.filter((n) => table.year[n] === y && kept(n)).length),
    );
  });

  it('draws one line per distinct term, the first four, and names the others', () => {
    const terms = ['甲', '乙', '甲', '丙', '丁', '戊', '己'];
    const reports = terms.map((_, i) => termReports[i % 3]!);
    const trend = searchTrend(table, { query: '' }, terms, reports);
    expect(trend.lines.map((l) => l.term)).toEqual(['甲', '乙', '丙', '丁']);
    expect(trend.lines).toHaveLength(TREND_TERMS);
    expect(trend.omitted).toEqual(['戊', '己']);
    // A repeated term's line is from its first place.
    expect(trend.lines[2]!.counts).toEqual(searchTrend(table, { query: '' }, ['丙'], [reports[3]!]).lines[0]!.counts);
  });

  it('gives a term found nowhere a line of zeros', () => {
    const trend = searchTrend(table, { query: '' }, ['鲸鱼'], [[]]);
    expect(trend.lines[0]!.counts.every((c) => c === 0)).toBe(true);
    expect(trend.lines[0]!.shares.every((s) => s === 0)).toBe(true);
  });
});

describe('formatShare', () => {
  it('prints a percentage with one decimal', () => {
    expect([0, 1, 1 / 3, 2 / 3, 0.0005].map(formatShare)).toEqual(['0.0%', '100.0%', '33.3%', '66.7%', '0.1%']);
  });
});

describe('chooseYear', () => {
  it('chooses the year, keeping a range that holds it and dropping one that does not', () => {
    const request: SearchRequest = {
      query: 'x',
      filters: { region: ['江苏省'], year: ['2013'] },
      from: 2013,
      to: 2017,
    };
    expect(chooseYear(request, 2015)).toEqual({ ...request, filters: { region: ['江苏省'], year: ['2015'] } });
    expect(chooseYear(request, 2024)).toEqual({ query: 'x', filters: { region: ['江苏省'], year: ['2024'] } });
    expect(chooseYear({ query: 'x', to: 2010 }, 2008)).toEqual({ query: 'x', to: 2010, filters: { year: ['2008'] } });
  });
});
