/**
 * The metric pages' time-series charts and per-metric downloads, checked against an oracle read from the
 * fixture archive's frontmatter: one mark per statistic value, linked to the mark around its quote on its
 * report page; marks ordered along the axis by the figure's year; one series per (region, unit); units in
 * groups of their own. Each metric's JSON holds exactly its records of the archive-wide export, its CSV
 * those rows in the sheet's columns (METRIC_CSV_FIELDS).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020';
import type { CheerioAPI } from 'cheerio';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { quoteAnchorIds } from '../../src/lib/quote-anchors.ts';
import { MAX_SERIES } from '../../src/lib/series-chart.ts';
import {
  METRIC_CSV_FIELDS,
  METRIC_PAGE_VALUES,
  formatBytes,
  metricCsvRowValues,
} from '../../src/lib/open-data/index.ts';
import type { StatEntry } from '../../src/schemas/index.ts';
import { builtReports, builtVocabulary, page, siteDir } from '../helpers/site.ts';

const base = inject('siteBase');
const metrics = [...builtVocabulary('metrics').keys()];

/** The oracle: every statistic of a reviewed report, with where it belongs on its metric's chart. */
const stats = builtReports()
  .filter((report) => report.data.reviewed !== false)
  .flatMap((report) => {
    const all: StatEntry[] = report.data.stats ?? [];
    const { anchorOf } = quoteAnchorIds(all.map((s) => s.quote));
    return all.map((stat, i) => ({
      key: `${report.id}:${i + 1}`,
      report: report.id,
      metric: stat.metric,
      region: report.data.region as string,
      unit: stat.unit,
      value: stat.value,
      approximate: Boolean(stat.qualifier),
      quote: stat.quote,
      href: `${base}reports/${report.id}/#${anchorOf[i]}`,
      // Where a figure stands in time: its own year, the end of the period it sums, else the report's year.
      year: stat.year ?? stat.period?.to ?? (report.data.year as number),
    }));
  });
const statsOf = (metric: string) => stats.filter((s) => s.metric === metric);
const charted = metrics.filter((metric) => statsOf(metric).length > 0);

/** The centre x of a mark drawn as an SVG path of M, L, H, V, A and Z commands (absolute coordinates). */
function centreX(d: string): number {
  const xs: number[] = [];
  for (const [, command, args] of d.matchAll(/([MLHVAZ])([^MLHVAZ]*)/g)) {
    const numbers = args!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (command === 'H') xs.push(numbers[0]!);
    else if (command === 'M' || command === 'L' || command === 'A') xs.push(numbers.at(-2)!);
  }
  return (Math.min(...xs) + Math.max(...xs)) / 2;
}

const marksIn = ($: CheerioAPI, scope: Parameters<CheerioAPI>[0]) =>
  $(scope)
    .find('a[data-mark]')
    .toArray()
    .map((a) => ({
      key: $(a).attr('data-mark')!,
      href: $(a).attr('href'),
      year: Number($(a).attr('data-year')),
      x: centreX($(a).find('path').attr('d') ?? ''),
    }));

describe('metric charts against the frontmatter', () => {
  const reportPages = new Map<string, CheerioAPI>();
  const reportPage = (id: string) => {
    if (!reportPages.has(id)) reportPages.set(id, page(`reports/${id}/index.html`));
    return reportPages.get(id)!;
  };

  it('chart metrics with values, every value of them (none left out for length)', () => {
    expect(charted.length).toBeGreaterThan(10);
    for (const metric of charted) expect(statsOf(metric).length).toBeLessThanOrEqual(METRIC_PAGE_VALUES);
  });

  it('draw exactly one mark per value, linked to the mark around its quote on its report page', () => {
    for (const metric of charted) {
      const $ = page(`data/${metric}/index.html`);
      const marks = $('main svg a[data-mark]');
      const byKey = new Map(marks.toArray().map((a) => [$(a).attr('data-mark'), $(a)]));
      expect(marks, metric).toHaveLength(statsOf(metric).length);
      expect(byKey.size, metric).toBe(marks.length);
      for (const stat of statsOf(metric)) {
        const mark = byKey.get(stat.key);
        expect(mark, `${metric}: ${stat.key}`).toBeDefined();
        expect(mark!.attr('href'), stat.key).toBe(stat.href);
        expect(Number(mark!.attr('data-value')), stat.key).toBe(stat.value);
        expect(mark!.attr('data-unit'), stat.key).toBe(stat.unit);
        expect(mark!.find('.chart__mark--approx').length > 0, `${stat.key} hollow`).toBe(stat.approximate);
        expect(mark!.attr('aria-label'), stat.key).toBeTruthy();
        const target = reportPage(stat.report)(`[id="${stat.href.split('#')[1]}"]`);
        expect(target.prop('tagName'), stat.href).toBe('MARK');
        expect(stat.quote.startsWith(target.text()), stat.href).toBe(true);
      }
    }
  });

  it('place marks along the axis in the order of their years', () => {
    let compared = 0;
    for (const metric of charted) {
      const $ = page(`data/${metric}/index.html`);
      const expectedYear = new Map(statsOf(metric).map((s) => [s.key, s.year]));
      for (const plot of $('main svg .chart__plot').toArray()) {
        const marks = marksIn($, plot);
        for (const mark of marks) expect(mark.year, `${metric}: ${mark.key}`).toBe(expectedYear.get(mark.key));
        for (const a of marks) {
          for (const b of marks) {
            if (a.year < b.year) {
              expect(a.x, `${metric}: ${a.key} (${a.year}) left of ${b.key} (${b.year})`).toBeLessThan(b.x);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('draw one series per region and unit, each unit in a group of its own', () => {
    for (const metric of charted) {
      const $ = page(`data/${metric}/index.html`);
      const pairs = new Set(statsOf(metric).map((s) => `${s.region}|${s.unit}`));
      const series = $('main svg .chart__series')
        .toArray()
        .map((g) => `${$(g).attr('data-region')}|${$(g).attr('data-unit')}`);
      expect(series.sort(), metric).toEqual([...pairs].sort());
      for (const g of $('main svg .chart__series').toArray()) {
        const keys = new Set(
          $(g)
            .find('a[data-mark]')
            .map((_, a) => $(a).attr('data-mark'))
            .get(),
        );
        const expected = statsOf(metric).filter(
          (s) => s.region === $(g).attr('data-region') && s.unit === $(g).attr('data-unit'),
        );
        expect(keys, `${metric}: ${$(g).attr('data-region')}`).toEqual(new Set(expected.map((s) => s.key)));
      }

      const units = new Set(statsOf(metric).map((s) => s.unit));
      const groups = $('main svg .chart__group');
      expect(
        groups
          .toArray()
          .map((g) => $(g).attr('data-unit'))
          .sort(),
        metric,
      ).toEqual([...units].sort());
      for (const group of groups.toArray()) {
        const unit = $(group).attr('data-unit');
        const marks = $(group).find('a[data-mark]');
        expect(new Set(marks.map((_, a) => $(a).attr('data-unit')).get()), metric).toEqual(new Set([unit]));
        // Its own value axis, and one plot, or one per region when more than MAX_SERIES regions share it.
        const regions = new Set(
          statsOf(metric)
            .filter((s) => s.unit === unit)
            .map((s) => s.region),
        );
        const plots = $(group).find('.chart__plot');
        expect(plots, `${metric} ${unit}`).toHaveLength(regions.size > MAX_SERIES ? regions.size : 1);
        for (const plot of plots.toArray()) expect($(plot).find('text[text-anchor="end"]').length).toBeGreaterThan(1);
      }
    }
  });

  it('label the chart, describe it, and point to the table as the full data', () => {
    for (const metric of charted) {
      const $ = page(`data/${metric}/index.html`);
      const svg = $('main svg');
      // A group, not role="img": the marks inside are links.
      expect(svg.attr('role')).toBe('group');
      const title = svg.find(`[id="${svg.attr('aria-labelledby')}"]`).text();
      expect(title, metric).toContain('按年份与地区');
      const description = svg.find(`[id="${svg.attr('aria-describedby')}"]`).text();
      expect(description, metric).toContain('表格');
      expect(svg.closest('figure').find('figcaption').text()).toContain('下表');
      expect(svg.closest('figure').next().find('table')).toHaveLength(1);
      // Colours only through the stylesheet's variables: no fixed colour in the drawing.
      expect(svg.find('[fill], [stroke]').length, metric).toBe(0);
    }
  });
});

describe('per-metric downloads', () => {
  const data = (path: string) => {
    const bytes = readFileSync(join(siteDir(), 'data', path));
    return path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  };
  const noBom = (text: string) => text.replace(/^\uFEFF/, '');
  const parseCsv = (text: string) =>
    Papa.parse<Record<string, string>>(noBom(text), { header: true, skipEmptyLines: true });
  const archiveJson = JSON.parse(data('statistics.json.gz').toString('utf8')) as {
    statistics: Record<string, unknown>[];
  };
  const archiveCsv = parseCsv(data('statistics.csv.gz').toString('utf8'));
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(data('statistics.schema.json').toString('utf8')));
  const validateCsvRow = ajv.compile(JSON.parse(data('metric.csv.schema.json').toString('utf8')));
  const columns: string[] = METRIC_CSV_FIELDS.map((field) => field.name);
  const sheet = (row: Record<string, unknown>) => Object.fromEntries(columns.map((name) => [name, row[name]]));

  it('exist for every metric, beside its page', () => {
    for (const metric of metrics) {
      for (const ext of ['csv', 'json.gz'])
        expect(existsSync(join(siteDir(), 'data', `${metric}.${ext}`)), metric).toBe(true);
    }
  });

  it('give as CSV (UTF-8, BOM) the archive-wide CSV rows of the metric in the sheet’s columns, read back to its JSON rows', () => {
    expect(archiveCsv.errors).toEqual([]);
    expect(columns).toEqual(archiveCsv.meta.fields!.filter((name) => columns.includes(name)));
    for (const metric of metrics) {
      const bytes = data(`${metric}.csv`);
      expect([...bytes.subarray(0, 3)], metric).toEqual([0xef, 0xbb, 0xbf]);
      const parsed = parseCsv(bytes.toString('utf8'));
      expect(parsed.errors, metric).toEqual([]);
      expect(parsed.meta.fields, metric).toEqual(columns);
      expect(parsed.data, metric).toEqual(archiveCsv.data.filter((row) => row.metric === metric).map(sheet));
      for (const row of parsed.data) expect(validateCsvRow(row), JSON.stringify(validateCsvRow.errors)).toBe(true);
      expect(parsed.data.map(metricCsvRowValues), metric).toEqual(
        archiveJson.statistics.filter((r) => r.metric === metric).map(sheet),
      );
      // Each row leads to its quote: the oracle's statistics of the metric, one row each.
      expect(
        parsed.data.map((row) => new URL(row.quote_url!).pathname + new URL(row.quote_url!).hash).sort(),
        metric,
      ).toEqual(
        statsOf(metric)
          .map((s) => s.href)
          .sort(),
      );
      expect(parsed.data.map((row) => metricCsvRowValues(row).quote).sort(), metric).toEqual(
        statsOf(metric)
          .map((s) => s.quote)
          .sort(),
      );
    }
  });

  it('give as gzipped JSON the archive-wide records of the metric, valid against the published schema', () => {
    for (const metric of metrics) {
      const document = JSON.parse(data(`${metric}.json.gz`).toString('utf8'));
      expect(validate(document), `${metric}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(document.statistics, metric).toEqual(archiveJson.statistics.filter((r) => r.metric === metric));
      expect(document.count, metric).toBe(statsOf(metric).length);
      expect(new URL(document.source).pathname, metric).toBe(`${base}data/${metric}/`);
    }
  });

  it('are linked from the metric page with their sizes', () => {
    for (const metric of metrics) {
      const $ = page(`data/${metric}/index.html`);
      for (const ext of ['csv', 'json.gz']) {
        const link = $(`main a[href="${base}data/${metric}.${ext}"]`).first();
        expect(link.length, `${metric}.${ext}`).toBe(1);
        const size = statSync(join(siteDir(), 'data', `${metric}.${ext}`)).size;
        expect(link.parent().text(), `${metric}.${ext}`).toContain(formatBytes(size));
      }
    }
  });
});
