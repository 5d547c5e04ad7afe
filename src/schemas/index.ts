/**
 * The archive's content model: one zod schema per kind of entry, in a pure module (no Astro runtime), so
 * the site's content collections, the importer, the open-data exports and the tests share one model and
 * take their types from it. References to other entries are plain slugs here; src/content.config.ts adds
 * the Astro-only parts (loaders, and reference() in place of those slugs).
 */
import { z } from 'astro/zod';
import { QUALIFIERS } from '../lib/numbers.ts';

/** A stable ASCII slug naming another entry (a file name without its extension). */
const slugSchema = z.string().min(1);

/** A report's topics, most important first: at least one (items are slugs, or Astro references). */
export const topicList = <T extends z.ZodType>(topic: T) =>
  z.array(topic).min(1, 'topics 至少一项 / at least one topic');

export const yearSchema = z.number().int().min(1900).max(2100);

/** A span of years, inclusive. */
export const periodSchema = z
  .object({
    /** First year covered. */
    from: yearSchema,
    /** Last year covered (may equal `from`). */
    to: yearSchema,
  })
  .refine((p) => p.from <= p.to, { message: 'period.from 不能晚于 period.to / from must not be after to' });

export const regionSchema = z.object({
  /** Chinese name as printed, e.g. 内蒙古自治区. */
  name: z.string().min(1),
  /** Short form it is printed in, e.g. 内蒙古. */
  short: z.string().optional(),
  /** GB/T 2260 division code (six digits); absent for the country. */
  code: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** Administrative level, for the region hierarchy. */
  level: z.enum(['country', 'province', 'prefecture', 'county']),
  /** The region this one belongs to (a province for a prefecture city); absent at the top. */
  parent: slugSchema.optional(),
});

export const topicSchema = z.object({
  /** Chinese name shown on pages, e.g. 劳动竞赛. */
  name: z.string().min(1),
  /** One sentence saying what reports under this topic are about. */
  description: z.string().min(1),
  /** Words that show a report is about the topic (the importer's evidence). */
  terms: z.array(z.string().min(1)).optional(),
});

export const metricSchema = z.object({
  /** Chinese name of the measure, e.g. 工会会员人数. */
  name: z.string().min(1),
  /** Base unit the values are stored in (人, 个, 元, %, 人次 …), without 万/亿. */
  unit: z.string().min(1),
  /** Group on the data pages, e.g. 组织建设, 帮扶救助. */
  category: z.string().min(1),
  /** What exactly is counted, so values from different reports are compared knowingly. */
  description: z.string().min(1),
  /** Words that name what the metric is about: an index for editors (the importer matches `counts`). */
  terms: z.array(z.string().min(1)).optional(),
  /** Units (without 万/亿) its figures are printed in; the first is `unit`. */
  units: z.array(z.string()).optional(),
  /**
   * The nouns a figure of this metric counts, as printed beside the number: 工会驿站 for 近1.5万个工会驿站,
   * 欠薪 for 追索欠薪1.1亿元. The importer suggests the metric only when one of them is the noun the number
   * modifies; none: never suggested.
   */
  counts: z.array(z.string().min(1)).optional(),
  /**
   * Words of which one must stand in the figure's clause (the counted noun included) when the noun alone
   * does not say it is the union's figure: 工会 or 职工 for 资金, 岗位, 措施. None: the noun is enough.
   */
  context: z.array(z.string().min(1)).optional(),
});

/** One quantitative outcome stated by a report, traceable to its sentence. */
export const statSchema = z.object({
  /** The measure, from the shared metric vocabulary, so reports can be compared. */
  metric: slugSchema,
  /** Short Chinese label for this figure in this report, e.g. 工会基层组织数（2013年底）. */
  label: z.string().min(1),
  /** The value as a plain number: 4.35万 → 43500, 4.3亿元 → 430000000, 85%以上 → 85. */
  value: z.number(),
  /** Unit as stated, without 万/亿: 个, 人, 元, %, 人次 … */
  unit: z.string(),
  /** 多/余/近/约/超过/以上/左右 as printed beside the number. */
  qualifier: z.enum(QUALIFIERS).optional(),
  /** The year the figure refers to, when the text gives or implies one. */
  year: yearSchema.optional(),
  /** The span the figure accumulates over (e.g. 2009–2013), for cumulative figures. */
  period: periodSchema.optional(),
  /** Verbatim sentence or clause from the article body that states the number. */
  quote: z.string().min(1),
  /** Editorial remark, e.g. why a figure looks doubtful. */
  note: z.string().optional(),
});

export const dateSchema = z
  .object({
    /** ISO 8601 at the stated precision: 2024, 2024-09 or 2024-09-11. */
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date.value 须为 YYYY、YYYY-MM 或 YYYY-MM-DD'),
    /** How much of the date is known. */
    precision: z.enum(['year', 'month', 'day']),
    /** True when the date is worked out from the text rather than printed with the report. */
    inferred: z.boolean(),
    /** The evidence for an inferred date (required when `inferred` is true). */
    note: z.string().optional(),
  })
  .refine((d) => d.value.split('-').length === { year: 1, month: 2, day: 3 }[d.precision], {
    message: 'date.value 与 precision 不符 / value does not match precision',
    path: ['value'],
  })
  .refine((d) => !d.inferred || (d.note ?? '').trim() !== '', {
    message: '推定日期须写明依据 / an inferred date needs a note with the evidence',
    path: ['note'],
  });

export const sourceSchema = z.object({
  /** The original text file, unchanged, under public/originals/. */
  file: z.string().regex(/^[\w.-]+\.txt$/, 'source.file 须为 public/originals/ 下的 .txt 文件名'),
  /** Newspaper or publication, where known. */
  publication: z.string().optional(),
  /** Page or edition, where known. */
  page: z.string().optional(),
  /** How this article was cut from the file (where it starts and ends, what else the file holds). */
  extent: z.string().min(1),
  /** Lines of the original file (1-based, inclusive) this article comes from; the whole file if absent. */
  lines: z
    .object({ from: z.number().int().min(1), to: z.number().int().min(1) })
    .refine((l) => l.from <= l.to, { message: 'lines.from 不能大于 lines.to' })
    .optional(),
  /** Page furniture removed from the body (series banners, print-time lines, stray captions), verbatim. */
  furniture: z.array(z.string()).default([]),
  /** Anything else about the source: OCR quality, layout, missing photos. */
  notes: z.array(z.string()).default([]),
});

/** A report's frontmatter. */
export const reportSchema = z.object({
  /** Headline as printed (spaces between headline parts kept). */
  title: z.string().min(1),
  /** The —— line under the headline, without the dashes. */
  subtitle: z.string().optional(),
  /** Bylines in printed order; `role` holds a printed position such as 南通市总工会主席. */
  authors: z.array(z.object({ name: z.string().min(1), role: z.string().optional() })).default([]),
  /** The most specific region the report is about. */
  region: slugSchema,
  /** Year of publication. */
  year: yearSchema,
  /** Publication date, when printed or inferable, with its precision. */
  date: dateSchema.optional(),
  /** The years the report reviews. */
  period: periodSchema,
  /** Subjects from the topic vocabulary, most important first. */
  topics: topicList(slugSchema),
  /** Editorial abstract in one paragraph, written by the archive (shown labelled 编者摘要). */
  summary: z.string().min(1),
  /** Where the text comes from and what was done to it. */
  source: sourceSchema,
  /** The quantitative outcomes the report states. */
  stats: z.array(statSchema).default([]),
  /** Editorial notes on the article as a whole (treatment decisions, doubts). */
  notes: z.array(z.string()).default([]),
  /** False for imported drafts not yet checked against the original (shown as 未校对). */
  reviewed: z.boolean().default(true),
});

export type RegionData = z.output<typeof regionSchema>;
export type TopicData = z.output<typeof topicSchema>;
export type MetricData = z.output<typeof metricSchema>;

/** A statistic as written in frontmatter: plain data, the metric still a slug. */
export type StatEntry = z.input<typeof statSchema>;

/** A statistic as the site reads it after parsing: its metric an Astro reference (see content.config.ts). */
export type Stat = Omit<z.output<typeof statSchema>, 'metric'> & { metric: { id: string } };

/** A report's frontmatter as written (defaults not yet applied, references still slugs). */
export type ReportEntry = z.input<typeof reportSchema>;

/** A report's frontmatter after parsing (defaults applied). */
export type ReportFrontmatter = z.output<typeof reportSchema>;
