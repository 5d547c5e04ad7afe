/**
 * The published files: paths, licence, the JSON documents and the CSV, written report by report into
 * gzip so no whole export is ever held as one string, and the JSON Schemas (draft 2020-12) beside them.
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import Papa from 'papaparse';
import { SITE_NAME } from '../../consts.ts';
import { routes } from '../urls.ts';
import { REPORT_FIELDS, STATISTIC_FIELDS, type Field, type ReportRecord, type StatisticRecord } from './fields.ts';
import type { UrlOf } from './records.ts';

/** The published files, as site paths under /data/. */
export const DATA_FILES = {
  statistics: `${routes.data()}statistics.json.gz`,
  statisticsCsv: `${routes.data()}statistics.csv.gz`,
  reports: `${routes.data()}reports.json.gz`,
  statisticsSchema: `${routes.data()}statistics.schema.json`,
  statisticsCsvSchema: `${routes.data()}statistics.csv.schema.json`,
  reportsSchema: `${routes.data()}reports.schema.json`,
} as const;

export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'CC BY 4.0（知识共享署名 4.0 国际）',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
} as const;

const TITLE = SITE_NAME;

/** What every published JSON document says about itself before its list. */
export interface DocumentEnvelope {
  $schema: string;
  title: string;
  license: string;
  license_url: string;
  source: string;
  count: number;
}

export interface StatisticsDocument extends DocumentEnvelope {
  statistics: StatisticRecord[];
}

export interface ReportsDocument extends DocumentEnvelope {
  reports: ReportRecord[];
}

function envelope(schema: string, title: string, urlOf: UrlOf, count: number): DocumentEnvelope {
  return {
    $schema: urlOf(schema),
    title: `${TITLE} · ${title}`,
    license: LICENCE.id,
    license_url: LICENCE.url,
    source: urlOf(routes.data()),
    count,
  };
}

export function statisticsDocument(records: StatisticRecord[], urlOf: UrlOf): StatisticsDocument {
  return { ...statisticsEnvelope(records.length, urlOf), statistics: records };
}

/** statistics.json without its list, for writing the list piece by piece (documentJson). */
export function statisticsEnvelope(count: number, urlOf: UrlOf) {
  return envelope(DATA_FILES.statisticsSchema, '统计数据', urlOf, count);
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

/** CSV text of the records: BOM, a header row of the field names, CRLF line ends (RFC 4180). */
export function statisticsCsv(records: readonly StatisticRecord[]): string {
  return [...statisticsCsvChunks(records)].join('');
}

/** The same CSV text in pieces of `batch` rows, so a large export is never one string. */
export function* statisticsCsvChunks(records: Iterable<StatisticRecord>, batch = 1000): Generator<string> {
  const fields = STATISTIC_FIELDS.map((f) => f.name);
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
  const entries = STATISTIC_FIELDS.map((field: Field) => {
    const cell = row[field.name];
    if (cell === undefined) throw new Error(`CSV 缺少列 / missing column: ${field.name}`);
    if (field.nullable && cell === '') return [field.name, null];
    if (field.type === 'integer' || field.type === 'number') return [field.name, Number(cell)];
    return [field.name, cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell];
  });
  return Object.fromEntries(entries) as StatisticRecord;
}

type JsonSchema = Record<string, unknown>;

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const URL_PATTERN = '^https?://';

function valueSchema(field: Field): JsonSchema {
  if (field.enum) return { enum: field.nullable ? [...field.enum, null] : [...field.enum] };
  const base: JsonSchema =
    field.type === 'url'
      ? { type: 'string', pattern: URL_PATTERN }
      : field.type === 'string[]'
        ? { type: 'array', items: { type: 'string' } }
        : { type: field.type };
  return field.nullable ? { ...base, type: [base.type, 'null'] } : base;
}

/** A CSV cell is always text; its pattern says which text stands for the field's value. */
function csvCellSchema(field: Field): JsonSchema {
  if (field.enum) return { enum: field.nullable ? [...field.enum, ''] : [...field.enum] };
  const number =
    field.type === 'integer' ? '-?\\d+' : field.type === 'number' ? '-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?' : '';
  const url = field.type === 'url' ? 'https?://.*' : '';
  const pattern = number || url;
  if (!pattern) return { type: 'string' };
  return { type: 'string', pattern: field.nullable ? `^(?:${pattern})?$` : `^${pattern}$` };
}

function objectSchema(fields: readonly Field[], cell: (field: Field) => JsonSchema): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: fields.map((f) => f.name),
    properties: Object.fromEntries(fields.map((f) => [f.name, { description: f.description, ...cell(f) }])),
  };
}

function documentSchema(id: string, title: string, listName: string, itemName: string, fields: readonly Field[]) {
  return {
    $schema: DRAFT,
    $id: id,
    title,
    type: 'object',
    additionalProperties: false,
    required: ['title', 'license', 'license_url', 'source', 'count', listName],
    properties: {
      $schema: { type: 'string', description: '本文件的 JSON Schema 网址' },
      title: { type: 'string' },
      license: { const: LICENCE.id, description: '数据许可（SPDX 标识）' },
      license_url: { type: 'string', pattern: URL_PATTERN },
      source: { type: 'string', pattern: URL_PATTERN, description: '说明本数据的页面' },
      count: { type: 'integer', minimum: 0, description: `${listName} 中的记录数` },
      [listName]: { type: 'array', items: { $ref: `#/$defs/${itemName}` } },
    },
    $defs: { [itemName]: objectSchema(fields, valueSchema) },
  };
}

export function statisticsSchema(urlOf: UrlOf): JsonSchema {
  return documentSchema(
    urlOf(DATA_FILES.statisticsSchema),
    `${TITLE} · statistics.json：每项统计数据一条记录`,
    'statistics',
    'statistic',
    STATISTIC_FIELDS,
  );
}

export function reportsSchema(urlOf: UrlOf): JsonSchema {
  return documentSchema(
    urlOf(DATA_FILES.reportsSchema),
    `${TITLE} · reports.json：报道目录`,
    'reports',
    'report',
    REPORT_FIELDS,
  );
}

/** Schema of one CSV row as a CSV library reads it with the header row as keys (every cell a string). */
export function statisticsCsvSchema(urlOf: UrlOf): JsonSchema {
  return {
    $schema: DRAFT,
    $id: urlOf(DATA_FILES.statisticsCsvSchema),
    title: `${TITLE} · statistics.csv 的一行`,
    description:
      '按表头读出的一行，各单元格均为文本；空单元格表示无值（JSON 中的 null）。数值列转为数字后，即与 statistics.json 中的同一记录相同。',
    ...objectSchema(STATISTIC_FIELDS, csvCellSchema),
  };
}
