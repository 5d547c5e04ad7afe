/**
 * The open-data model: zod schemas of the published records (statistics.json, reports.json, a row of
 * statistics.csv) and of the documents around them, with their Chinese field descriptions. One model
 * gives the records' types, the published JSON Schemas (z.toJSONSchema) and the field tables on /data/.
 * Pure, like the content model beside it, whose pieces the records reuse where they mean the same.
 */
import { z } from 'astro/zod';
import { SITE_NAME } from '../consts.ts';
import { dateSchema, reportSchema, statSchema, yearSchema } from './index.ts';

/** The licence of every export: the documents name it, /data/ links it. */
export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'CC BY 4.0（知识共享署名 4.0 国际）',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
} as const;

/** Exported URLs are absolute http(s) URLs; the published schemas check them with this pattern. */
const HTTP_URL_PATTERN = '^https?://';

const count = () => z.int().min(0);
/** Fields both records have, under other names in the statistic (report_id, report_url). */
const reportId = z.string().describe('报道编号（档案内唯一，亦为报道网址的一段）');
const reportUrl = z.httpUrl().describe('报道在本档案中的网址');

export const statisticRecordSchema = z
  .strictObject({
    report_id: reportId,
    report_title: reportSchema.shape.title.describe('报道标题'),
    report_url: reportUrl,
    region: z.string().describe('报道所属地区的编号'),
    region_name: z.string().describe('报道所属地区的名称'),
    report_year: yearSchema.describe('报道刊出年份'),
    index: z.int().min(1).describe('该数据在报道“关键数据”表中的序号（从 1 起）'),
    metric: z.string().describe('指标编号（见 /data/ 的指标一览）'),
    metric_name: z.string().describe('指标名称'),
    category: z.string().describe('指标类别'),
    label: statSchema.shape.label.describe('编者为这一数据所拟的简短说明'),
    value: statSchema.shape.value.describe('数值，已换算为不带“万”“亿”的普通数字（4.35万 → 43500）'),
    unit: statSchema.shape.unit.describe('原文所用单位，不含“万”“亿”（个、人、元、%、人次……；原文无单位时为空）'),
    qualifier: statSchema.shape.qualifier
      .unwrap()
      .nullable()
      .describe('原文数字旁的限定词（多、余、近、约、超过、以上、左右）；有限定词的数值是约数或界限值，不是精确值'),
    year: yearSchema.nullable().describe('数据所指的年份（原文写明或可推知时）'),
    period_from: yearSchema.nullable().describe('累计数据的起始年份'),
    period_to: yearSchema.nullable().describe('累计数据的截止年份'),
    quote: statSchema.shape.quote.describe('报道正文中陈述该数字的原句（逐字照录）'),
    quote_url: z.httpUrl().describe('指向报道正文中该原句的网址（带锚点）'),
    note: z.string().nullable().describe('编者注，如数字存疑或口径说明'),
  })
  .meta({ id: 'statistic' });

export const reportRecordSchema = z
  .strictObject({
    id: reportId,
    title: reportSchema.shape.title.describe('标题'),
    subtitle: z.string().nullable().describe('副题'),
    url: reportUrl,
    authors: z.array(z.string()).describe('作者，按署名顺序；有职务的写作“姓名（职务）”'),
    region: z.string().describe('报道所涉最具体地区的编号'),
    region_name: z.string().describe('地区名称'),
    year: yearSchema.describe('刊出年份'),
    date: z.string().nullable().describe('刊出日期（ISO 8601，精度见 date_precision）'),
    date_precision: dateSchema.shape.precision.nullable().describe('日期精度：year 年、month 月、day 日'),
    date_inferred: z.boolean().nullable().describe('日期是否由编者据文意推定（原文未印）'),
    period_from: yearSchema.describe('报道回顾时期的起始年份'),
    period_to: yearSchema.describe('报道回顾时期的截止年份'),
    topics: z.array(z.string()).describe('主题编号，主要的在前'),
    topic_names: z.array(z.string()).describe('主题名称，与 topics 一一对应'),
    summary: reportSchema.shape.summary.describe('编者摘要（非报道原文）'),
    publication: z.string().nullable().describe('原载报刊（已知时）'),
    original_url: z.httpUrl().describe('未经改动的 OCR 原始文本的网址'),
    statistics: count().describe('本篇摘录的统计数据项数（见 statistics.json）'),
    reviewed: z.boolean().describe('是否已与原件逐字核对（false 为未校对的导入稿）'),
  })
  .meta({ id: 'report' });

export type StatisticRecord = z.output<typeof statisticRecordSchema>;
export type ReportRecord = z.output<typeof reportRecordSchema>;

/** What every published JSON document says about itself before its list (named `list`). */
const documentEnvelopeSchema = (list: string) =>
  z.strictObject({
    $schema: z.string().optional().describe('本文件的 JSON Schema 网址'),
    title: z.string(),
    license: z.literal(LICENCE.id).describe('数据许可（SPDX 标识）'),
    license_url: z.httpUrl(),
    source: z.httpUrl().describe('说明本数据的页面'),
    count: count().describe(`${list} 中的记录数`),
  });

export type DocumentEnvelope = z.output<ReturnType<typeof documentEnvelopeSchema>>;

export const statisticsDocumentSchema = documentEnvelopeSchema('statistics')
  .extend({ statistics: z.array(statisticRecordSchema) })
  .meta({ title: `${SITE_NAME} · statistics.json：每项统计数据一条记录` });

export const reportsDocumentSchema = documentEnvelopeSchema('reports')
  .extend({ reports: z.array(reportRecordSchema) })
  .meta({ title: `${SITE_NAME} · reports.json：报道目录` });

export type StatisticsDocument = z.output<typeof statisticsDocumentSchema>;
export type ReportsDocument = z.output<typeof reportsDocumentSchema>;

// ---- Fields: what a record's schema says of each field, for the CSV and the field tables ----

export type FieldType = 'string' | 'url' | 'integer' | 'number' | 'boolean' | 'string[]';

export interface Field<Name extends string = string> {
  name: Name;
  type: FieldType;
  /** Null when the source does not give the value (an empty cell in the CSV). */
  nullable: boolean;
  /** The only values allowed (besides null when nullable). */
  enum?: readonly string[];
  /** Chinese: the schema's description of the field, also shown on /data/. */
  description: string;
}

function fieldOf<Name extends string>(name: Name, schema: z.core.$ZodType): Field<Name> {
  const description = z.globalRegistry.get(schema)?.description;
  if (!description) throw new Error(`字段缺少说明 / field without a description: ${name}`);
  const nullable = schema instanceof z.ZodNullable;
  const value = schema instanceof z.ZodNullable ? schema.unwrap() : schema;
  const type: FieldType =
    value instanceof z.ZodURL
      ? 'url'
      : value instanceof z.ZodNumber
        ? value.format === 'safeint'
          ? 'integer'
          : 'number'
        : value instanceof z.ZodBoolean
          ? 'boolean'
          : value instanceof z.ZodArray
            ? 'string[]'
            : 'string';
  const values = value instanceof z.ZodEnum ? { enum: value.options.map(String) } : {};
  return { name, type, nullable, ...values, description };
}

/** The fields of a record schema, in its order. */
function fieldsOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>): Field<keyof Shape & string>[] {
  return Object.entries(schema.shape).map(([name, field]) => fieldOf(name as keyof Shape & string, field));
}

export const STATISTIC_FIELDS = fieldsOf(statisticRecordSchema);
export const REPORT_FIELDS = fieldsOf(reportRecordSchema);

// ---- A row of statistics.csv: every cell text, the pattern saying which text stands for the value ----

const CELL_PATTERNS: Partial<Record<FieldType, string>> = {
  integer: '-?\\d+',
  number: '-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?',
  url: 'https?://.*',
};

function csvCellSchema(field: Field): z.ZodType {
  const pattern = CELL_PATTERNS[field.type];
  const cell = field.enum
    ? z.enum(field.nullable ? [...field.enum, ''] : field.enum)
    : pattern
      ? z.string().regex(new RegExp(field.nullable ? `^(?:${pattern})?$` : `^${pattern}$`))
      : z.string();
  return cell.describe(field.description);
}

const csvRowSchema = (fields: readonly Field[]) =>
  z.strictObject(Object.fromEntries(fields.map((field) => [field.name, csvCellSchema(field)])));

export const statisticsCsvRowSchema = csvRowSchema(STATISTIC_FIELDS).meta({
  title: `${SITE_NAME} · statistics.csv 的一行`,
  description:
    '按表头读出的一行，各单元格均为文本；空单元格表示无值（JSON 中的 null）。数值列转为数字后，即与 statistics.json 中的同一记录相同。',
});

/**
 * Columns of statistics.csv that one metric's CSV leaves out: the metric's own, the same in every row of
 * the file, and the identifiers and report fields that quote_url leads to. A metric's CSV is a sheet for
 * people (at 10,000 reports the full rows made these files 142 MB of a 752 MB site); its JSON beside it
 * keeps every field.
 */
const METRIC_CSV_OMITTED: ReadonlySet<string> = new Set<keyof StatisticRecord>([
  'report_id',
  'report_title',
  'report_url',
  'region',
  'index',
  'metric',
  'metric_name',
  'category',
]);

/** The columns of /data/<metric>.csv: statistics.csv's, in its order, less METRIC_CSV_OMITTED. */
export const METRIC_CSV_FIELDS = STATISTIC_FIELDS.filter((field) => !METRIC_CSV_OMITTED.has(field.name));

export const metricCsvRowSchema = csvRowSchema(METRIC_CSV_FIELDS).meta({
  title: `${SITE_NAME} · 单项指标 CSV（/data/<指标编号>.csv）的一行`,
  description:
    '列为 statistics.csv 的一部分：不含指标本身的列（全文件相同）、地区编号，以及报道的编号、标题、网址与数据序号（经 quote_url 可达，本指标的 JSON 文件中均有）。按表头读出，各单元格均为文本；空单元格表示无值。',
});

// ---- The published JSON Schemas (draft 2020-12) ----

/**
 * Written as readers of the first schemas knew them: a nullable field's `type` lists "null" (an enum lists
 * null among its values), which CSV readers take a column's type from; URLs are checked by pattern, since
 * a validator that knows no `format: uri` (Ajv's default) rejects the schema.
 */
function plainJsonSchema({
  zodSchema,
  jsonSchema,
}: {
  zodSchema: z.core.$ZodTypes;
  jsonSchema: z.core.JSONSchema.BaseSchema;
}) {
  if (zodSchema instanceof z.ZodURL) {
    delete jsonSchema.format;
    jsonSchema.pattern = HTTP_URL_PATTERN;
  }
  if (zodSchema instanceof z.ZodNullable) {
    const [value, nothing] = jsonSchema.anyOf ?? [];
    if (typeof value !== 'object' || typeof value.type !== 'string' || nothing?.type !== 'null') return;
    delete jsonSchema.anyOf;
    Object.assign(jsonSchema, value, { type: [value.type, 'null'] }, value.enum && { enum: [...value.enum, null] });
  }
}

/** The JSON Schema of a document, with the given `$id` (the schema's own URL) after `$schema` and before the title. */
export function publishedJsonSchema(schema: z.ZodType, id: string): Record<string, unknown> {
  const { $schema, title, ...rest } = z.toJSONSchema(schema, { override: plainJsonSchema });
  return { $schema, $id: id, title, ...rest };
}
