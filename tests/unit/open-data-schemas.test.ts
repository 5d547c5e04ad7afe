/**
 * The published JSON Schemas, generated from the open-data model (src/schemas/open-data.ts): every record
 * the exporter writes for the frozen fixture and for the live archive validates against them (and against
 * the zod schemas they come from), broken records do not, and they keep what readers rely on.
 */
import Ajv2020 from 'ajv/dist/2020';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  BOM,
  METRIC_CSV_FIELDS,
  REPORT_FIELDS,
  STATISTIC_FIELDS,
  reportRecords,
  reportsDocument,
  reportsSchema,
  statisticRecords,
  statisticsCsv,
  metricCsvSchema,
  statisticsCsvSchema,
  statisticsDocument,
  statisticsSchema,
  type ArchiveInput,
  type StatisticRecord,
} from '../../src/lib/open-data/index.ts';
import { reportSchema } from '../../src/schemas/index.ts';
import { reportsDocumentSchema, statisticsDocumentSchema } from '../../src/schemas/open-data.ts';
import { FIXTURE_ROOT, ROOT, loadReports, vocabulary } from '../../tools/shared/content.ts';

const urlOf = (path: string) => `https://archive.example.org/base${path}`;

const compile = (schema: Record<string, unknown>) =>
  new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);
const validateStatistics = compile(statisticsSchema(urlOf));
const validateReports = compile(reportsSchema(urlOf));
const validateCsvRow = compile(statisticsCsvSchema(urlOf));

/** An archive read from its files as the site reads it: frontmatter parsed by the content model. */
function archiveAt(root: string): ArchiveInput {
  const named = (map: Map<string, Record<string, unknown>>) =>
    new Map([...map].map(([id, data]) => [id, { data: { name: String(data.name) } }]));
  const metrics = vocabulary('metrics', root);
  return {
    reports: loadReports(root).map(({ id, data }) => {
      const parsed = reportSchema.parse(data);
      return {
        id,
        region: parsed.region,
        year: parsed.year,
        topics: parsed.topics,
        data: { ...parsed, stats: parsed.stats.map((stat) => ({ ...stat, metric: { id: stat.metric } })) },
      };
    }),
    regions: named(vocabulary('regions', root)),
    topics: named(vocabulary('topics', root)),
    metrics: new Map(
      [...metrics].map(([id, data]) => [
        id,
        {
          data: {
            name: String(data.name),
            unit: String(data.unit),
            category: String(data.category),
            description: String(data.description),
          },
        },
      ]),
    ),
  };
}

describe.each([
  ['the fixture archive', FIXTURE_ROOT],
  ['the live archive', ROOT],
])('every record written for %s', (_name, root) => {
  const archive = archiveAt(root);
  const statistics = statisticsDocument(statisticRecords(archive, urlOf), urlOf);
  const reports = reportsDocument(reportRecords(archive, urlOf), urlOf);

  it('validates against the published schemas and the zod model', () => {
    expect(statistics.count).toBeGreaterThan(0);
    expect(validateStatistics(statistics), JSON.stringify(validateStatistics.errors)).toBe(true);
    expect(validateReports(reports), JSON.stringify(validateReports.errors)).toBe(true);
    expect(statisticsDocumentSchema.safeParse(statistics).error).toBeUndefined();
    expect(reportsDocumentSchema.safeParse(reports).error).toBeUndefined();
  });

  it('validates as a CSV row against the published CSV row schema', () => {
    const csv = statisticsCsv(statistics.statistics).slice(BOM.length);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(statistics.count);
    for (const row of rows) expect(validateCsvRow(row), JSON.stringify(validateCsvRow.errors)).toBe(true);
  });
});

describe('a broken record', () => {
  const archive = archiveAt(FIXTURE_ROOT);
  const records = statisticRecords(archive, urlOf);
  const record = records[0]!;
  const withStatistic = (statistic: Record<string, unknown>) => ({
    ...statisticsDocument(records, urlOf),
    statistics: [statistic],
  });
  const { quote: _quote, ...withoutQuote } = record;
  const broken: [string, Record<string, unknown>][] = [
    ['a missing quote', withoutQuote],
    ['a number as a string', { ...record, value: String(record.value) }],
    ['a year as a string', { ...record, year: '2013' }],
    ['a fractional index', { ...record, index: 1.5 }],
    ['an unknown qualifier', { ...record, qualifier: '大约' }],
    ['a relative URL', { ...record, quote_url: '/reports/x/#quote-1' }],
    ['an extra field', { ...record, extra: 1 }],
  ];

  it.each(broken)('with %s fails the published schema and the zod model', (_what, statistic) => {
    expect(validateStatistics(withStatistic(statistic))).toBe(false);
    expect(statisticsDocumentSchema.safeParse(withStatistic(statistic)).success).toBe(false);
  });

  it('fails as a CSV row with a number as written in the text', () => {
    const [row] = Papa.parse<Record<string, string>>(statisticsCsv([record]).slice(BOM.length), {
      header: true,
    }).data;
    expect(validateCsvRow(row)).toBe(true);
    expect(validateCsvRow({ ...row, value: '4.35万' })).toBe(false);
    expect(validateCsvRow({ ...row, qualifier: '大约' })).toBe(false);
  });

  it('in reports.json (a missing title, a count as a string) fails', () => {
    const [report] = reportRecords(archive, urlOf);
    const { title: _title, ...withoutTitle } = report!;
    for (const bad of [withoutTitle, { ...report, statistics: '3' }]) {
      expect(validateReports({ ...reportsDocument([], urlOf), count: 1, reports: [bad] })).toBe(false);
    }
  });
});

describe('the published schemas', () => {
  type Published = { $id: string; title: string; $defs?: Record<string, { properties: object }> } & Record<
    string,
    unknown
  >;
  const descriptions = (properties: object) =>
    Object.fromEntries(
      Object.entries(properties).map(([name, p]) => [name, (p as { description?: string }).description]),
    );
  const fieldDescriptions = (fields: readonly { name: string; description: string }[]) =>
    Object.fromEntries(fields.map((f) => [f.name, f.description]));

  it('keep their draft, URLs and titles', () => {
    const [statistics, reports, csv, metricCsv] = [
      statisticsSchema,
      reportsSchema,
      statisticsCsvSchema,
      metricCsvSchema,
    ].map((schema) => schema(urlOf) as Published);
    for (const schema of [statistics!, reports!, csv!, metricCsv!]) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.title).toMatch(/^工会报告档案 · /);
    }
    expect(statistics!.$id).toBe(urlOf('/data/statistics.schema.json'));
    expect(reports!.$id).toBe(urlOf('/data/reports.schema.json'));
    expect(csv!.$id).toBe(urlOf('/data/statistics.csv.schema.json'));
    expect(metricCsv!.$id).toBe(urlOf('/data/metric.csv.schema.json'));
  });

  it('describe every field in Chinese, as the field tables on /data/ do', () => {
    const statistics = statisticsSchema(urlOf) as Published;
    const reports = reportsSchema(urlOf) as Published;
    const csv = statisticsCsvSchema(urlOf) as Published;
    expect(descriptions(statistics.$defs!.statistic!.properties)).toEqual(fieldDescriptions(STATISTIC_FIELDS));
    expect(descriptions(reports.$defs!.report!.properties)).toEqual(fieldDescriptions(REPORT_FIELDS));
    expect(descriptions(csv.properties as object)).toEqual(fieldDescriptions(STATISTIC_FIELDS));
    const metricCsv = metricCsvSchema(urlOf) as Published;
    expect(descriptions(metricCsv.properties as object)).toEqual(fieldDescriptions(METRIC_CSV_FIELDS));
    for (const field of [...STATISTIC_FIELDS, ...REPORT_FIELDS]) expect(field.description).toMatch(/\p{Script=Han}/u);
  });

  it('list null among a nullable field’s types, so readers can tell an empty CSV cell', () => {
    const properties = (statisticsSchema(urlOf) as Published).$defs!.statistic!.properties as Record<
      keyof StatisticRecord,
      { type?: unknown; enum?: unknown[] }
    >;
    expect(properties.year.type).toEqual(['integer', 'null']);
    expect(properties.note.type).toEqual(['string', 'null']);
    expect(properties.qualifier.enum).toContain(null);
    expect(properties.value.type).toBe('number');
  });
});
