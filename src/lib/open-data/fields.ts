/**
 * The fields of the open-data records: one description drives the records' types, both JSON Schemas and
 * the field tables on /data/.
 */
import { QUALIFIERS } from '../numbers.ts';

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
  {
    name: 'unit',
    type: 'string',
    description: '原文所用单位，不含“万”“亿”（个、人、元、%、人次……；原文无单位时为空）',
  },
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
