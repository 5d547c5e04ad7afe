/**
 * The archive's statistics as open data: one flat record per statistic (the same rows for JSON and CSV),
 * report metadata, the JSON Schemas published beside the files, and the groupings the data pages show.
 * Pure: callers pass the archive and a function that turns a site path into a URL (absolute for the
 * exports, base-relative for links on pages), so pages and exports are built from the same records.
 */
import Papa from 'papaparse';
import { QUALIFIERS } from './numbers';
import { quoteAnchorIds } from './quote-anchors';
import { routes } from './urls';
import type { Stat } from '../schemas';

// ---- Input: the parts of the archive (src/lib/archive.ts) the records are made from ----

export interface ReportInput {
  id: string;
  region: string;
  year: number;
  topics: readonly string[];
  data: {
    title: string;
    subtitle?: string | undefined;
    authors: readonly { name: string; role?: string | undefined }[];
    date?: { value: string; precision: 'year' | 'month' | 'day'; inferred: boolean } | undefined;
    period: { from: number; to: number };
    summary: string;
    source: { file: string; publication?: string | undefined };
    stats: readonly Stat[];
    reviewed: boolean;
  };
}

interface Named {
  data: { name: string };
}

export interface ArchiveInput {
  /** In the order the exports list them (the archive's: newest first). */
  reports: readonly ReportInput[];
  regions: ReadonlyMap<string, Named>;
  topics: ReadonlyMap<string, Named>;
  metrics: ReadonlyMap<string, { data: { name: string; unit: string; category: string; description: string } }>;
}

/** Turns a site path (`/reports/x/`) into the URL written out: absolute for exports, base-relative on pages. */
export type UrlOf = (path: string) => string;

// ---- Fields: one description drives the records' types, both schemas and the field list on /data/ ----

export type FieldType = 'string' | 'url' | 'integer' | 'number' | 'boolean' | 'string[]';

export interface Field {
  name: string;
  type: FieldType;
  /** Null when the source does not give the value (an empty cell in the CSV). */
  nullable?: boolean;
  /** The only values allowed (besides null when nullable). */
  enum?: readonly string[];
  /** Chinese, shown on /data/ and written into the schema. */
  description: string;
}

export const STATISTIC_FIELDS = [
  { name: 'report_id', type: 'string', description: '报道编号（档案内唯一，亦为报道网址的一段）' },
  { name: 'report_title', type: 'string', description: '报道标题' },
  { name: 'report_url', type: 'url', description: '报道在本档案中的网址' },
  { name: 'region', type: 'string', description: '报道所属地区的编号' },
  { name: 'region_name', type: 'string', description: '报道所属地区的名称' },
  { name: 'report_year', type: 'integer', description: '报道刊出年份' },
  { name: 'index', type: 'integer', description: '该数据在报道“关键数据”表中的序号（从 1 起）' },
  { name: 'metric', type: 'string', description: '指标编号（见 /data/ 的指标一览）' },
  { name: 'metric_name', type: 'string', description: '指标名称' },
  { name: 'category', type: 'string', description: '指标类别' },
  { name: 'label', type: 'string', description: '编者为这一数据所拟的简短说明' },
  { name: 'value', type: 'number', description: '数值，已换算为不带“万”“亿”的普通数字（4.35万 → 43500）' },
  { name: 'unit', type: 'string', description: '原文所用单位，不含“万”“亿”（个、人、元、%、人次……；原文无单位时为空）' },
  {
    name: 'qualifier',
    type: 'string',
    nullable: true,
    enum: QUALIFIERS,
    description: '原文数字旁的限定词（多、余、近、约、超过、以上、左右）；有限定词的数值是约数或界限值，不是精确值',
  },
  { name: 'year', type: 'integer', nullable: true, description: '数据所指的年份（原文写明或可推知时）' },
  { name: 'period_from', type: 'integer', nullable: true, description: '累计数据的起始年份' },
  { name: 'period_to', type: 'integer', nullable: true, description: '累计数据的截止年份' },
  { name: 'quote', type: 'string', description: '报道正文中陈述该数字的原句（逐字照录）' },
  { name: 'quote_url', type: 'url', description: '指向报道正文中该原句的网址（带锚点）' },
  { name: 'note', type: 'string', nullable: true, description: '编者注，如数字存疑或口径说明' },
] as const satisfies readonly Field[];

export const REPORT_FIELDS = [
  { name: 'id', type: 'string', description: '报道编号（档案内唯一，亦为报道网址的一段）' },
  { name: 'title', type: 'string', description: '标题' },
  { name: 'subtitle', type: 'string', nullable: true, description: '副题' },
  { name: 'url', type: 'url', description: '报道在本档案中的网址' },
  { name: 'authors', type: 'string[]', description: '作者，按署名顺序；有职务的写作“姓名（职务）”' },
  { name: 'region', type: 'string', description: '报道所涉最具体地区的编号' },
  { name: 'region_name', type: 'string', description: '地区名称' },
  { name: 'year', type: 'integer', description: '刊出年份' },
  { name: 'date', type: 'string', nullable: true, description: '刊出日期（ISO 8601，精度见 date_precision）' },
  {
    name: 'date_precision',
    type: 'string',
    nullable: true,
    enum: ['year', 'month', 'day'],
    description: '日期精度：year 年、month 月、day 日',
  },
  { name: 'date_inferred', type: 'boolean', nullable: true, description: '日期是否由编者据文意推定（原文未印）' },
  { name: 'period_from', type: 'integer', description: '报道回顾时期的起始年份' },
  { name: 'period_to', type: 'integer', description: '报道回顾时期的截止年份' },
  { name: 'topics', type: 'string[]', description: '主题编号，主要的在前' },
  { name: 'topic_names', type: 'string[]', description: '主题名称，与 topics 一一对应' },
  { name: 'summary', type: 'string', description: '编者摘要（非报道原文）' },
  { name: 'publication', type: 'string', nullable: true, description: '原载报刊（已知时）' },
  { name: 'original_url', type: 'url', description: '未经改动的 OCR 原始文本的网址' },
  { name: 'statistics', type: 'integer', description: '本篇摘录的统计数据项数（见 statistics.json）' },
  { name: 'reviewed', type: 'boolean', description: '是否已与原件逐字核对（false 为未校对的导入稿）' },
] as const satisfies readonly Field[];

type TypeOf<F extends Field> = F extends { type: 'integer' | 'number' }
  ? number
  : F extends { type: 'boolean' }
    ? boolean
    : F extends { type: 'string[]' }
      ? string[]
      : F extends { enum: readonly (infer E)[] }
        ? E
        : string;
type RecordOf<Fields extends readonly Field[]> = {
  -readonly [F in Fields[number] as F['name']]: F extends { nullable: true } ? TypeOf<F> | null : TypeOf<F>;
};

export type StatisticRecord = RecordOf<typeof STATISTIC_FIELDS>;
export type ReportRecord = RecordOf<typeof REPORT_FIELDS>;

// ---- Records ----

function nameOf(map: ReadonlyMap<string, Named>, id: string, kind: string): string {
  const entry = map.get(id);
  if (!entry) throw new Error(`未知${kind} / unknown ${kind}: ${id}`);
  return entry.data.name;
}

/** One record per statistic, in the archive's report order and each report's own order. */
export function statisticRecords(archive: ArchiveInput, urlOf: UrlOf): StatisticRecord[] {
  return archive.reports.flatMap((report) => {
    const { anchorOf } = quoteAnchorIds(report.data.stats.map((s) => s.quote));
    const reportPath = routes.report(report.id);
    return report.data.stats.map((stat, i): StatisticRecord => {
      const metric = archive.metrics.get(stat.metric.id);
      if (!metric) throw new Error(`未知指标 / unknown metric: ${stat.metric.id}`);
      return {
        report_id: report.id,
        report_title: report.data.title,
        report_url: urlOf(reportPath),
        region: report.region,
        region_name: nameOf(archive.regions, report.region, '地区'),
        report_year: report.year,
        index: i + 1,
        metric: stat.metric.id,
        metric_name: metric.data.name,
        category: metric.data.category,
        label: stat.label,
        value: stat.value,
        unit: stat.unit,
        qualifier: stat.qualifier ?? null,
        year: stat.year ?? null,
        period_from: stat.period?.from ?? null,
        period_to: stat.period?.to ?? null,
        quote: stat.quote,
        quote_url: `${urlOf(reportPath)}#${anchorOf[i]}`,
        // An empty note is no note: the CSV cannot tell '' from null.
        note: stat.note || null,
      };
    });
  });
}

export function reportRecords(archive: ArchiveInput, urlOf: UrlOf): ReportRecord[] {
  return archive.reports.map(
    (report): ReportRecord => ({
      id: report.id,
      title: report.data.title,
      subtitle: report.data.subtitle ?? null,
      url: urlOf(routes.report(report.id)),
      authors: report.data.authors.map((a) => (a.role ? `${a.name}（${a.role}）` : a.name)),
      region: report.region,
      region_name: nameOf(archive.regions, report.region, '地区'),
      year: report.year,
      date: report.data.date?.value ?? null,
      date_precision: report.data.date?.precision ?? null,
      date_inferred: report.data.date?.inferred ?? null,
      period_from: report.data.period.from,
      period_to: report.data.period.to,
      topics: [...report.topics],
      topic_names: report.topics.map((t) => nameOf(archive.topics, t, '主题')),
      summary: report.data.summary,
      publication: report.data.source.publication ?? null,
      original_url: urlOf(routes.original(report.data.source.file)),
      statistics: report.data.stats.length,
      reviewed: report.data.reviewed,
    }),
  );
}

// ---- Files ----

/** The published files, as site paths under /data/. */
export const DATA_FILES = {
  statistics: `${routes.data()}statistics.json`,
  statisticsCsv: `${routes.data()}statistics.csv`,
  reports: `${routes.data()}reports.json`,
  statisticsSchema: `${routes.data()}statistics.schema.json`,
  statisticsCsvSchema: `${routes.data()}statistics.csv.schema.json`,
  reportsSchema: `${routes.data()}reports.schema.json`,
} as const;

export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'CC BY 4.0（知识共享署名 4.0 国际）',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
} as const;

const TITLE = '工会报告档案';

export interface StatisticsDocument {
  $schema: string;
  title: string;
  license: string;
  license_url: string;
  source: string;
  count: number;
  statistics: StatisticRecord[];
}

export interface ReportsDocument {
  $schema: string;
  title: string;
  license: string;
  license_url: string;
  source: string;
  count: number;
  reports: ReportRecord[];
}

/** What both JSON documents start with: schema, title, licence, where they come from, how many records. */
function envelope(schema: string, title: string, urlOf: UrlOf, count: number) {
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
  return { ...envelope(DATA_FILES.statisticsSchema, '统计数据', urlOf, records.length), statistics: records };
}

export function reportsDocument(records: ReportRecord[], urlOf: UrlOf): ReportsDocument {
  return { ...envelope(DATA_FILES.reportsSchema, '报道目录', urlOf, records.length), reports: records };
}

/** Spreadsheet programs (Excel above all) read a CSV as UTF-8 only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

/** CSV text of the records: BOM, a header row of the field names, CRLF line ends (RFC 4180). */
/**
 * Text cells a spreadsheet would run as a formula (starting = + - @ tab or CR) get a leading `'`, which
 * spreadsheets show as text. Cells that already start with `'` before such a character get one more, so
 * the reader can always take exactly one off (statisticFromCsvRow). Numbers are written as they are.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function statisticsCsv(records: readonly StatisticRecord[]): string {
  const fields = STATISTIC_FIELDS.map((f) => f.name);
  const rows = records.map((record) => fields.map((name) => record[name] ?? ''));
  return BOM + Papa.unparse({ fields, data: rows }, { newline: '\r\n', escapeFormulae: FORMULA_START });
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

// ---- JSON Schemas (draft 2020-12) ----

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
  const number = field.type === 'integer' ? '-?\\d+' : field.type === 'number' ? '-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?' : '';
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
  return documentSchema(urlOf(DATA_FILES.reportsSchema), `${TITLE} · reports.json：报道目录`, 'reports', 'report', REPORT_FIELDS);
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

// ---- Groupings for the data pages ----

const collator = new Intl.Collator('zh-CN');

/** When a figure applies, for display: 2013年, 2009—2014年累计, or the report's year when the text gives none. */
export function figureTime(record: Pick<StatisticRecord, 'year' | 'period_from' | 'period_to' | 'report_year'>): string {
  if (record.period_from !== null && record.period_to !== null) {
    return record.period_from === record.period_to
      ? `${record.period_from}年累计`
      : `${record.period_from}—${record.period_to}年累计`;
  }
  if (record.year !== null) return `${record.year}年`;
  return `未注明年份（${record.report_year}年报道）`;
}

/** Chronological by the figure's own time (year, end of period, else the report's year), then by place. */
export function byFigureTime(a: StatisticRecord, b: StatisticRecord): number {
  const time = (r: StatisticRecord) => r.year ?? r.period_to ?? r.report_year;
  return (
    time(a) - time(b) ||
    collator.compare(a.region_name, b.region_name) ||
    a.report_id.localeCompare(b.report_id) ||
    a.index - b.index
  );
}

export interface MetricSummary {
  id: string;
  name: string;
  unit: string;
  description: string;
  records: StatisticRecord[];
  /** Reports stating the metric, each once, in the order of their first value. */
  reports: { id: string; title: string; url: string; region_name: string; year: number }[];
}

export interface MetricCategory {
  name: string;
  metrics: MetricSummary[];
  count: number;
}

/** Every metric of the vocabulary with its values, grouped by category; the fullest categories first. */
export function metricCategories(archive: Pick<ArchiveInput, 'metrics'>, records: readonly StatisticRecord[]): MetricCategory[] {
  const categories = new Map<string, MetricSummary[]>();
  for (const [id, metric] of archive.metrics) {
    const values = records.filter((r) => r.metric === id).sort(byFigureTime);
    const reports = new Map<string, MetricSummary['reports'][number]>();
    for (const r of values) {
      if (!reports.has(r.report_id)) {
        reports.set(r.report_id, {
          id: r.report_id,
          title: r.report_title,
          url: r.report_url,
          region_name: r.region_name,
          year: r.report_year,
        });
      }
    }
    const summary: MetricSummary = {
      id,
      name: metric.data.name,
      unit: metric.data.unit,
      description: metric.data.description,
      records: values,
      reports: [...reports.values()],
    };
    categories.set(metric.data.category, [...(categories.get(metric.data.category) ?? []), summary]);
  }
  return [...categories]
    .map(([name, metrics]) => ({
      name,
      metrics: metrics.sort((a, b) => b.records.length - a.records.length || collator.compare(a.name, b.name)),
      count: metrics.reduce((sum, m) => sum + m.records.length, 0),
    }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
}

export interface Comparison {
  /** One region across years, or several regions in one year. */
  kind: 'region-years' | 'year-regions';
  metric: string;
  metric_name: string;
  /** What is held fixed: the region's name, or the year (e.g. 2013年). */
  fixed: string;
  records: StatisticRecord[];
  /** Units differ among the values: they must not be read against each other. */
  mixedUnits: boolean;
  /** Some values are approximate or bounds (多, 以上 …). */
  approximate: boolean;
}

function comparison(kind: Comparison['kind'], fixed: string, records: StatisticRecord[]): Comparison {
  const first = records[0]!;
  return {
    kind,
    metric: first.metric,
    metric_name: first.metric_name,
    fixed,
    records,
    mixedUnits: new Set(records.map((r) => r.unit)).size > 1,
    approximate: records.some((r) => r.qualifier !== null),
  };
}

/**
 * The comparisons the archive supports: the same metric for one region in two or more years, and for
 * two or more regions in one year. Only figures for a single stated year take part (cumulative figures
 * over a period are not comparable with them).
 */
export function headlineComparisons(records: readonly StatisticRecord[]): Comparison[] {
  const dated = records.filter((r) => r.year !== null && r.period_from === null);
  const groups = (key: (r: StatisticRecord) => string) => {
    const map = new Map<string, StatisticRecord[]>();
    for (const r of dated) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
    return [...map.values()];
  };
  const acrossYears = groups((r) => `${r.metric}\u0000${r.region}`)
    .filter((g) => new Set(g.map((r) => r.year)).size > 1)
    .map((g) => comparison('region-years', g[0]!.region_name, g.sort(byFigureTime)));
  const acrossRegions = groups((r) => `${r.metric}\u0000${r.year}`)
    .filter((g) => new Set(g.map((r) => r.region)).size > 1)
    .map((g) => comparison('year-regions', `${g[0]!.year}年`, g.sort(byFigureTime)));
  return [...acrossYears, ...acrossRegions].sort(
    (a, b) => collator.compare(a.metric_name, b.metric_name) || a.kind.localeCompare(b.kind) || collator.compare(a.fixed, b.fixed),
  );
}
