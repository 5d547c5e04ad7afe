/**
 * The built data pages and open-data files: the exports hold exactly the frontmatter's statistics, the
 * CSV reads back to the JSON rows, every URL resolves to a built page (and quote anchors to their mark),
 * the JSON validates against its published schema, and each metric page has one chart and one table
 * with the same numbers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { quoteAnchorIds } from '../../src/lib/quote-anchors.ts';
import type { StatEntry } from '../../src/schemas/index.ts';
import { builtReports, builtVocabulary, htmlFiles, page, siteDir } from '../helpers/site.ts';

const base = inject('siteBase');
const reports = builtReports();
const metrics = builtVocabulary('metrics');
const stats = reports.flatMap((r) => (r.data.stats ?? []).map((stat, i) => ({ report: r, stat, index: i + 1 })));

// The exports are published gzipped (.gz); read them as a downloader would after unpacking.
const file = (path: string) => {
  const bytes = readFileSync(join(siteDir(), 'data', path));
  return path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
};
const json = (path: string) => JSON.parse(file(path).toString('utf8'));
type Row = Record<string, unknown>;
const statistics = json('statistics.json.gz') as { count: number; statistics: Row[] };
const reportsJson = json('reports.json.gz') as { count: number; reports: Row[] };

function validator(schemaFile: string) {
  return new Ajv2020({ strict: true, allowUnionTypes: true }).compile(json(schemaFile));
}

/** A URL of the site → the built file it names (index.html for page URLs). */
function builtFile(url: string): string {
  const { pathname } = new URL(url);
  expect(pathname.startsWith(base), url).toBe(true);
  const relative = decodeURIComponent(pathname.slice(base.length));
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** Values compare as numbers: 43500, not 4.35万. */
const sortedValues = (values: number[]) => [...values].sort((a, b) => a - b);

function expectedRecord({ report, stat, index }: (typeof stats)[number]): Row {
  return {
    report_id: report.id,
    index,
    report_title: report.data.title,
    region: report.data.region,
    report_year: report.data.year,
    metric: stat.metric,
    label: stat.label,
    value: stat.value,
    unit: stat.unit,
    qualifier: stat.qualifier ?? null,
    year: stat.year ?? null,
    period_from: stat.period?.from ?? null,
    period_to: stat.period?.to ?? null,
    quote: stat.quote,
  };
}

describe('statistics.json', () => {
  it('holds exactly the statistics of the frontmatter, value for value', () => {
    expect(stats.length).toBeGreaterThan(0);
    expect(statistics.count).toBe(stats.length);
    expect(statistics.statistics).toHaveLength(stats.length);
    const byKey = new Map(statistics.statistics.map((r) => [`${r.report_id}:${r.index}`, r]));
    expect(byKey.size).toBe(stats.length);
    for (const entry of stats) {
      expect(byKey.get(`${entry.report.id}:${entry.index}`)).toMatchObject(expectedRecord(entry));
    }
  });

  it('validates against its published schema', () => {
    const validate = validator('statistics.schema.json');
    expect(validate(statistics), JSON.stringify(validate.errors)).toBe(true);
  });

  it('links every record to its report page and to the mark around its quote', () => {
    const pages = new Map<string, ReturnType<typeof page>>();
    for (const record of statistics.statistics) {
      const reportFile = builtFile(record.report_url as string);
      expect(reportFile).toBe(`reports/${record.report_id}/index.html`);
      expect(existsSync(join(siteDir(), reportFile)), reportFile).toBe(true);
      const quoteUrl = new URL(record.quote_url as string);
      expect(builtFile(quoteUrl.href)).toBe(reportFile);
      if (!pages.has(reportFile)) pages.set(reportFile, page(reportFile));
      const mark = pages.get(reportFile)!(`[id="${quoteUrl.hash.slice(1)}"]`);
      expect(mark.prop('tagName'), quoteUrl.href).toBe('MARK');
      expect((record.quote as string).startsWith(mark.text()), quoteUrl.href).toBe(true);
    }
  });
});

describe('statistics.csv', () => {
  const bytes = file('statistics.csv.gz');
  const text = bytes.toString('utf8');
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const rowSchema = json('statistics.schema.json').$defs.statistic as {
    properties: Record<string, { type?: unknown; enum?: unknown[] }>;
  };

  /** A CSV cell back to its JSON value, by the type the JSON schema gives the field. */
  function cellValue(field: string, cell: string): unknown {
    const { type, enum: values = [] } = rowSchema.properties[field] ?? {};
    const types = Array.isArray(type) ? type : [type];
    if (cell === '' && (types.includes('null') || values.includes(null))) return null;
    if (types.includes('integer') || types.includes('number')) return Number(cell);
    return cell;
  }

  it('is UTF-8 with a byte-order mark', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('parses with a CSV library back to the rows of statistics.json', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(Object.keys(statistics.statistics[0]!));
    const rows = parsed.data.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cellValue(k, v)])),
    );
    expect(rows).toEqual(statistics.statistics);
  });

  it('has rows that validate against the published CSV row schema', () => {
    const validate = validator('statistics.csv.schema.json');
    for (const row of parsed.data) expect(validate(row), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('reports.json', () => {
  it('holds every report, validates against its schema, and links to built pages and originals', () => {
    const validate = validator('reports.schema.json');
    expect(validate(reportsJson), JSON.stringify(validate.errors)).toBe(true);
    expect(reportsJson.count).toBe(reports.length);
    expect(reportsJson.reports.map((r) => r.id).sort()).toEqual(reports.map((r) => r.id).sort());
    for (const record of reportsJson.reports) {
      const source = reports.find((r) => r.id === record.id)!;
      expect(record).toMatchObject({ title: source.data.title, region: source.data.region, year: source.data.year });
      expect(record.statistics).toBe(source.data.stats?.length ?? 0);
      for (const url of [record.url, record.original_url] as string[]) {
        expect(existsSync(join(siteDir(), builtFile(url))), url).toBe(true);
      }
    }
  });
});

describe('metric pages', () => {
  const scripts = ($: ReturnType<typeof page>) =>
    $('script')
      .map((_, el) => $(el).attr('src') ?? $(el).html())
      .get();
  const siteWideScripts = scripts(page('topics/index.html'));
  const statsOf = (metric: string) => stats.filter((s) => s.stat.metric === metric);
  // Metrics with values get a chart, the others none; the fixture archive has both kinds.
  const charted = [...metrics.keys()].filter((metric) => statsOf(metric).length > 0);
  const uncharted = [...metrics.keys()].filter((metric) => statsOf(metric).length === 0);
  const units = (metric: string) => new Set(statsOf(metric).map((s) => s.stat.unit));

  it('exist for every metric of the vocabulary', () => {
    const pages = htmlFiles().filter((f) => /^data\/[^/]+\/index\.html$/.test(f));
    expect(pages.sort()).toEqual([...metrics.keys()].map((id) => `data/${id}/index.html`).sort());
  });

  it('show no chart without values', () => {
    expect(uncharted.length).toBeGreaterThan(0);
    for (const metric of uncharted) expect(page(`data/${metric}/index.html`)('main svg'), metric).toHaveLength(0);
  });

  it('show one chart with a mark per value and a table with the same numbers', () => {
    expect(charted.length).toBeGreaterThan(0);
    for (const metric of charted) {
      const $ = page(`data/${metric}/index.html`);
      const expected = sortedValues(statsOf(metric).map((s) => s.stat.value));
      const svg = $('main svg');
      expect(svg, metric).toHaveLength(1);
      const marks = svg.find('[data-mark]');
      expect(marks, metric).toHaveLength(expected.length);
      expect(sortedValues(marks.map((_, el) => Number($(el).attr('data-value'))).get())).toEqual(expected);
      const cells = $('main table td[data-value]');
      expect(cells, metric).toHaveLength(expected.length);
      expect(sortedValues(cells.map((_, el) => Number($(el).attr('data-value'))).get())).toEqual(expected);
      // Marks and rows are in the same order, so the table reads as the chart does.
      expect(cells.map((_, el) => $(el).attr('data-value')).get()).toEqual(
        $('main table tbody tr')
          .map((_, row) => $(row).find('td[data-value]').attr('data-value'))
          .get(),
      );
    }
  });

  it('label the chart and put the table right after it as its text alternative', () => {
    for (const metric of charted) {
      const $ = page(`data/${metric}/index.html`);
      const svg = $('main svg');
      // A labelled group: role="img" would hide the marks, which are links to the quotes.
      expect(svg.attr('role')).toBe('group');
      const ids = (svg.attr('aria-labelledby') ?? '').split(/\s+/);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(svg.find(`[id="${id}"]`).text().trim(), `${metric} #${id}`).not.toBe('');
      expect(svg.attr('viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
      expect(svg.closest('figure').next().find('table')).toHaveLength(1);
      // Drawn at build time: no scripts beyond the ones every page of the site has.
      expect(scripts($)).toEqual(siteWideScripts);
    }
  });

  it('mark values whose units differ, and approximate values', () => {
    for (const metric of charted) {
      const values = statsOf(metric).map((s) => s.stat);
      const $ = page(`data/${metric}/index.html`);
      expect($('main svg .chart__group'), metric).toHaveLength(units(metric).size);
      const hollow = $('main svg [data-mark] .chart__mark--approx');
      expect(hollow, metric).toHaveLength(values.filter((v) => v.qualifier).length);
    }
    const mixed = charted.filter((metric) => units(metric).size > 1);
    expect(mixed.length).toBeGreaterThan(0);
    for (const metric of charted) {
      const warns = page(`data/${metric}/index.html`)('main').text().includes('不可相互比较');
      expect(warns, `${metric}: units ${[...units(metric)]}`).toBe(mixed.includes(metric));
    }
  });

  it('link each value to the sentence that states it in the report', () => {
    const byMetric = new Map<string, (typeof stats)[number][]>();
    for (const s of stats) byMetric.set(s.stat.metric, [...(byMetric.get(s.stat.metric) ?? []), s]);
    for (const [metric, entries] of byMetric) {
      const $ = page(`data/${metric}/index.html`);
      const hrefs = $('main table a')
        .map((_, a) => $(a).attr('href'))
        .get();
      for (const { report, stat, index } of entries) {
        const anchor = quoteAnchorIds((report.data.stats ?? []).map((s: StatEntry) => s.quote)).anchorOf[index - 1];
        expect(hrefs, `${metric}: ${report.id} #${index}`).toContain(`${base}reports/${report.id}/#${anchor}`);
        expect($('main table').text()).toContain(stat.quote);
      }
    }
  });
});

describe('/data/', () => {
  const $ = page('data/index.html');
  const hrefs = new Set(
    $('main a')
      .map((_, a) => $(a).attr('href'))
      .get(),
  );

  it('links to every metric of the vocabulary, so every statistic is reachable', () => {
    for (const metric of metrics.keys()) expect(hrefs, metric).toContain(`${base}data/${metric}/`);
    for (const { stat } of stats) expect(hrefs).toContain(`${base}data/${stat.metric}/`);
  });

  it('lists the reports that state each metric', () => {
    for (const row of $('.metric-table tbody tr').toArray()) {
      const metric = ($(row).find('th a').attr('href') ?? '').split('/').slice(-2, -1)[0]!;
      const expected = new Set(
        stats.filter((s) => s.stat.metric === metric).map((s) => `${base}reports/${s.report.id}/`),
      );
      const linked = new Set(
        $(row)
          .find('td a')
          .map((_, a) => $(a).attr('href'))
          .get(),
      );
      expect(linked, metric).toEqual(expected);
    }
    expect($('.metric-table tbody tr')).toHaveLength(metrics.size);
  });

  it('offers the open-data files and their schemas, which exist', () => {
    for (const name of [
      'statistics.json.gz',
      'statistics.csv.gz',
      'reports.json.gz',
      'statistics.schema.json',
      'statistics.csv.schema.json',
      'reports.schema.json',
    ]) {
      expect(hrefs, name).toContain(`${base}data/${name}`);
      expect(existsSync(join(siteDir(), 'data', name)), name).toBe(true);
    }
    const section = $('#open-data-heading').parent();
    expect(section.text()).toContain('CC BY 4.0');
    for (const field of Object.keys(statistics.statistics[0]!)) expect(section.text(), field).toContain(field);
  });
});

describe('report statistics panel', () => {
  it('links each statistic’s metric to its metric page', () => {
    for (const report of reports) {
      const $ = page(`reports/${report.id}/index.html`);
      const rows = $('.stats-panel tbody tr');
      expect(rows).toHaveLength(report.data.stats?.length ?? 0);
      rows.each((i, row) => {
        const href = $(row).find(`a[href^="${base}data/"]`).attr('href');
        expect(href).toBe(`${base}data/${report.data.stats![i]!.metric}/`);
      });
    }
  });
});
