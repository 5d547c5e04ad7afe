/**
 * The published files: paths, the JSON documents and the CSV, written report by report into gzip so no
 * whole export is ever held as one string, and the JSON Schemas (draft 2020-12) beside them, generated
 * from the open-data model (src/schemas/open-data.ts).
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { APIRoute } from 'astro';
import Papa from 'papaparse';
import { SITE_NAME } from '../../consts.ts';
import {
  LICENCE,
  METRIC_CSV_FIELDS,
  STATISTIC_FIELDS,
  metricCsvRowSchema,
  publishedJsonSchema,
  reportsDocumentSchema,
  statisticsCsvRowSchema,
  statisticsDocumentSchema,
  type DocumentEnvelope,
  type Field,
  type ReportRecord,
  type ReportsDocument,
  type StatisticRecord,
  type StatisticsDocument,
} from '../../schemas/open-data.ts';
import { absoluteUrl, routes } from '../urls.ts';
import type { UrlOf } from './records.ts';

type StatisticField = Field<keyof StatisticRecord>;

/** The published files, as site paths under /data/. */
export const DATA_FILES = {
  statistics: `${routes.data()}statistics.json.gz`,
  statisticsCsv: `${routes.data()}statistics.csv.gz`,
  reports: `${routes.data()}reports.json.gz`,
  statisticsSchema: `${routes.data()}statistics.schema.json`,
  statisticsCsvSchema: `${routes.data()}statistics.csv.schema.json`,
  metricCsvSchema: `${routes.data()}metric.csv.schema.json`,
  reportsSchema: `${routes.data()}reports.schema.json`,
} as const;

function envelope(
  schema: string,
  title: string,
  urlOf: UrlOf,
  count: number,
  source = routes.data(),
): DocumentEnvelope {
  return {
    $schema: urlOf(schema),
    title: `${SITE_NAME} · ${title}`,
    license: LICENCE.id,
    license_url: LICENCE.url,
    source: urlOf(source),
    count,
  };
}

export function statisticsDocument(records: StatisticRecord[], urlOf: UrlOf): StatisticsDocument {
  return { ...statisticsEnvelope(records.length, urlOf), statistics: records };
}

/**
 * statistics.json without its list, for writing the list piece by piece (documentJson); for one metric's
 * file, titled with the metric and pointing at its page.
 */
export function statisticsEnvelope(count: number, urlOf: UrlOf, metric?: MetricName) {
  return metric
    ? envelope(DATA_FILES.statisticsSchema, `统计数据 · ${metric.name}`, urlOf, count, routes.metric(metric.id))
    : envelope(DATA_FILES.statisticsSchema, '统计数据', urlOf, count);
}

export interface MetricName {
  id: string;
  name: string;
}

/**
 * One metric's JSON beside its page (routes.metricJson): a statistics.json document (same schema) holding
 * the export's records of that metric only, gzipped as the archive-wide one is. Not plain: at 10,000
 * generated reports the metrics' JSON took 223 MB of a 960 MB site (the benchmark), gzipped about a sixth;
 * the CSV beside it stays plain for spreadsheets.
 */
export function metricStatisticsJsonGz(
  metric: MetricName,
  records: readonly StatisticRecord[],
  urlOf: UrlOf,
): Promise<ArrayBuffer> {
  return gzipText(documentJson(statisticsEnvelope(records.length, urlOf, metric), 'statistics', records));
}

export function reportsDocument(records: ReportRecord[], urlOf: UrlOf): ReportsDocument {
  return { ...envelope(DATA_FILES.reportsSchema, '报道目录', urlOf, records.length), reports: records };
}

/** Spreadsheet programs (Excel above all) read a CSV as UTF-8 only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

/**
 * Text cells a spreadsheet would run as a formula (starting = + - @ tab or CR) get a leading `'`, which
 * spreadsheets show as text. Cells that already start with `'` before such a character get one more, so
 * the reader can always take exactly one off (statisticFromCsvRow). Numbers are written as they are.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * CSV text of the records: BOM, a header row of the field names, CRLF line ends (RFC 4180); the columns
 * of statistics.csv, or of a metric's CSV (METRIC_CSV_FIELDS).
 */
export function statisticsCsv(
  records: readonly StatisticRecord[],
  columns: readonly StatisticField[] = STATISTIC_FIELDS,
): string {
  return [...statisticsCsvChunks(records, columns)].join('');
}

/** The same CSV text in pieces of `batch` rows, so a large export is never one string. */
export function* statisticsCsvChunks(
  records: Iterable<StatisticRecord>,
  columns: readonly StatisticField[] = STATISTIC_FIELDS,
  batch = 1000,
): Generator<string> {
  const fields = columns.map((f) => f.name);
  const header = BOM + Papa.unparse([fields], { newline: '\r\n' });
  let rows: unknown[][] = [];
  let any = false;
  const flush = () => {
    const text = `${any ? '\r\n' : header + '\r\n'}${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: FORMULA_START })}`;
    any = true;
    rows = [];
    return text;
  };
  for (const record of records) {
    rows.push(fields.map((name) => record[name] ?? ''));
    if (rows.length === batch) yield flush();
  }
  if (rows.length) yield flush();
  // Papa ends a header without rows with a line break; so does this.
  else if (!any) yield `${header}\r\n`;
}

/**
 * A JSON document as text in pieces: the envelope indented as usual, then the list named `list` with
 * one record per line (a large list is never one string, and a record is one line to grep).
 */
export function* documentJson(envelope: object, list: string, items: Iterable<unknown>): Generator<string> {
  const head = JSON.stringify(envelope, null, 2);
  yield `${head.slice(0, -2)},\n  ${JSON.stringify(list)}: [`;
  let first = true;
  for (const item of items) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(item)}`;
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/** The size in bytes of text pieces encoded as UTF-8, without joining them. */
export function utf8Bytes(chunks: Iterable<string>): number {
  let bytes = 0;
  for (const chunk of chunks) bytes += Buffer.byteLength(chunk, 'utf8');
  return bytes;
}

/** A file size for a download link: 812 字节, 15.3 KB, 2.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  const kilobytes = bytes / 1024;
  return kilobytes < 1024 ? `${kilobytes.toFixed(1)} KB` : `${(kilobytes / 1024).toFixed(1)} MB`;
}

/** Text pieces, UTF-8 encoded and gzipped as they come (zlib writes no time in the header: same input, same bytes). */
export async function gzipText(chunks: Iterable<string>): Promise<ArrayBuffer> {
  const gzip = createGzip();
  const compressed = buffer(gzip);
  await pipeline(Readable.from(chunks), gzip);
  const bytes = await compressed;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The reading side of the CSV contract: a row as a CSV library returns it (strings) back to a record. */
export function statisticFromCsvRow(row: Readonly<Record<string, string>>): StatisticRecord {
  return valuesFromCsvRow(row, STATISTIC_FIELDS) as StatisticRecord;
}

/** A row of a metric's CSV back to the record's values in its columns. */
export function metricCsvRowValues(row: Readonly<Record<string, string>>): Partial<StatisticRecord> {
  return valuesFromCsvRow(row, METRIC_CSV_FIELDS);
}

function valuesFromCsvRow(
  row: Readonly<Record<string, string>>,
  fields: readonly StatisticField[],
): Partial<StatisticRecord> {
  const entries = fields.map((field) => {
    const cell = row[field.name];
    if (cell === undefined) throw new Error(`CSV 缺少列 / missing column: ${field.name}`);
    if (field.nullable && cell === '') return [field.name, null];
    if (field.type === 'integer' || field.type === 'number') return [field.name, Number(cell)];
    return [field.name, cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell];
  });
  return Object.fromEntries(entries) as Partial<StatisticRecord>;
}

export function statisticsSchema(urlOf: UrlOf): Record<string, unknown> {
  return publishedJsonSchema(statisticsDocumentSchema, urlOf(DATA_FILES.statisticsSchema));
}

export function reportsSchema(urlOf: UrlOf): Record<string, unknown> {
  return publishedJsonSchema(reportsDocumentSchema, urlOf(DATA_FILES.reportsSchema));
}

/** Schema of one CSV row as a CSV library reads it with the header row as keys (every cell a string). */
export function statisticsCsvSchema(urlOf: UrlOf): Record<string, unknown> {
  return publishedJsonSchema(statisticsCsvRowSchema, urlOf(DATA_FILES.statisticsCsvSchema));
}

/** Schema of one row of a metric's CSV (its columns are a part of statistics.csv's). */
export function metricCsvSchema(urlOf: UrlOf): Record<string, unknown> {
  return publishedJsonSchema(metricCsvRowSchema, urlOf(DATA_FILES.metricCsvSchema));
}

/** The route of a published JSON Schema: pretty-printed, with the site's absolute URLs. */
export function schemaRoute(schemaOf: (urlOf: UrlOf) => Record<string, unknown>): APIRoute {
  return ({ site }) =>
    new Response(
      `${JSON.stringify(
        schemaOf((path) => absoluteUrl(path, site)),
        null,
        2,
      )}\n`,
      {
        headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
      },
    );
}
