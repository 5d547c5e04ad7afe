/**
 * A search's trend: per year, how many reports contain each term, and what share of that year's
 * reports they are (a year of 3 reports says little in counts alone). Pure logic over the search table
 * and the engine's per-term reports (src/lib/search-engine.ts), so it costs no request.
 *
 * - One line per distinct term, each from that term's own reports (the results need every term), at
 *   most `TREND_TERMS`; the others are named as left out.
 * - The region and topic filters apply, to the counts and to the year totals alike; the year facet and
 *   range do not: the trend shows every year, and choosing one filters the results.
 */
import { inYearRange, passes, type SearchRequest, type SearchTable } from './search-engine.ts';

/** Lines the trend draws at most. */
export const TREND_TERMS = 4;

export interface TrendLine {
  term: string;
  /** By year (as `Trend.years`): reports containing the term. */
  counts: number[];
  /** By year: `counts` ÷ the year's reports. */
  shares: number[];
}

export interface Trend {
  /** The years holding reports under the filters, oldest first. */
  years: number[];
  /** By year: the reports under the filters. */
  totals: number[];
  lines: TrendLine[];
  /** Distinct terms beyond `TREND_TERMS`, not drawn. */
  omitted: string[];
}

/** The trend of a search's terms (`termReports` as in the search outcome) under the request's other filters. */
export function searchTrend(
  table: SearchTable,
  request: SearchRequest,
  terms: readonly string[],
  termReports: readonly (readonly number[])[],
): Trend {
  const kept = (report: number) => passes(table, report, request, false);
  const totalsByYear = new Map<number, number>();
  table.year.forEach((year, report) => {
    if (kept(report)) totalsByYear.set(year, (totalsByYear.get(year) ?? 0) + 1);
  });
  const years = [...totalsByYear.keys()].sort((a, b) => a - b);
  const totals = years.map((year) => totalsByYear.get(year)!);
  const distinct = [...new Set(terms)];
  const lines = distinct.slice(0, TREND_TERMS).map((term) => {
    const counts = new Map<number, number>();
    for (const report of termReports[terms.indexOf(term)] ?? []) {
      const year = table.year[report]!;
      if (kept(report)) counts.set(year, (counts.get(year) ?? 0) + 1);
    }
    const byYear = years.map((year) => counts.get(year) ?? 0);
    return { term, counts: byYear, shares: byYear.map((count, i) => count / totals[i]!) };
  });
  return { years, totals, lines, omitted: distinct.slice(TREND_TERMS) };
}

/** A share as the page prints it: a percentage with one decimal. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * The request after choosing a year in the trend: that year as the year facet; a range that holds it
 * stays, one that does not is dropped (the choice is the latest).
 */
export function chooseYear(request: SearchRequest, year: number): SearchRequest {
  const { from: _from, to: _to, ...rest } = request;
  return {
    ...(inYearRange(year, request) ? request : rest),
    filters: { ...request.filters, year: [String(year)] },
  };
}
