/**
 * The archive's content model. Reports are MDX files under content/reports/; the vocabularies they
 * point to (regions, topics, metrics) are data collections, one YAML file per entry, whose file name
 * is the entry's stable ASCII slug. References between collections are checked when the site builds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { QUALIFIERS } from './lib/numbers';
import { PROJECT_ROOT, contentDir } from './lib/content-paths';
import { ORIGINALS_DIR, sha256, verifyFixity } from './lib/fixity';
import {
  BODY_SIZE_WARNING,
  bodyFirstLine,
  checkBody,
  checkReferences,
  checkRegionParents,
  checkStats,
  describeProblems,
  findDuplicates,
  readableSchemaMessage,
  type DuplicateKeys,
  type FieldProblem,
} from './lib/report-checks';

/** Where each vocabulary lives (from the project root, not the working directory). */
const VOCABULARY_DIRS = {
  regions: contentDir('regions'),
  topics: contentDir('topics'),
  metrics: contentDir('metrics'),
} as const;

const vocabularyIds = (dir: string) =>
  new Set(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)));

const yearSchema = z.number().int().min(1900).max(2100);

/** A span of years, inclusive. */
const periodSchema = z
  .object({
    /** First year covered. */
    from: yearSchema,
    /** Last year covered (may equal `from`). */
    to: yearSchema,
  })
  .refine((p) => p.from <= p.to, { message: 'period.from 不能晚于 period.to / from must not be after to' });

/** Runs a loader, making a schema error readable in the terminal and naming the file in its first line. */
async function loadReadably(loader: Loader, context: Parameters<Loader['load']>[0]): Promise<void> {
  try {
    await loader.load(context);
  } catch (error) {
    if (error instanceof Error) {
      const file = (error as { loc?: { file?: string } }).loc?.file;
      const where = file ? `${relative(process.cwd(), file)}: ` : '';
      error.message = where + readableSchemaMessage(error.message);
    }
    throw error;
  }
}

/** A loader plus the check that every region's parent exists (Astro only logs a broken reference). */
function checkedRegions(loader: Loader): Loader {
  return {
    name: 'regions-loader',
    load: async (context) => {
      await loadReadably(loader, context);
      const entries = [...context.store.values()];
      const parentOf = (data: Record<string, unknown>) => {
        const parent = data.parent as string | { id: string } | undefined;
        return typeof parent === 'object' ? parent.id : parent;
      };
      const problems = checkRegionParents(entries.map((e) => ({ id: e.id, parent: parentOf(e.data) })));
      if (problems.length) {
        const fileOf = (id: string) => entries.find((e) => e.id === id)?.filePath ?? VOCABULARY_DIRS.regions;
        const lines = problems.map((p) => describeProblems(fileOf(p.field.split('.')[0]!), [p]));
        throw new Error(`地区词表核对失败 / region check failed:\n${lines.join('\n')}`);
      }
    },
  };
}

const regions = defineCollection({
  loader: checkedRegions(glob({ pattern: '*.yaml', base: VOCABULARY_DIRS.regions })),
  schema: z.object({
    /** Chinese name as printed, e.g. 内蒙古自治区. */
    name: z.string().min(1),
    /** Administrative level, for the region hierarchy. */
    level: z.enum(['country', 'province', 'prefecture', 'county']),
    /** The region this one belongs to (a province for a prefecture city); absent at the top. */
    parent: reference('regions').optional(),
  }),
});

const topics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: VOCABULARY_DIRS.topics }),
  schema: z.object({
    /** Chinese name shown on pages, e.g. 劳动竞赛. */
    name: z.string().min(1),
    /** One sentence saying what reports under this topic are about. */
    description: z.string().min(1),
  }),
});

const metrics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: VOCABULARY_DIRS.metrics }),
  schema: z.object({
    /** Chinese name of the measure, e.g. 工会会员人数. */
    name: z.string().min(1),
    /** Base unit the values are stored in (人, 个, 元, %, 人次 …), without 万/亿. */
    unit: z.string().min(1),
    /** Group on the data pages, e.g. 组织建设, 帮扶救助. */
    category: z.string().min(1),
    /** What exactly is counted, so values from different reports are compared knowingly. */
    description: z.string().min(1),
  }),
});

/** One quantitative outcome stated by a report, traceable to its sentence. */
const statSchema = z.object({
  /** The measure, from the shared metric vocabulary, so reports can be compared. */
  metric: reference('metrics'),
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

const dateSchema = z
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

const sourceSchema = z.object({
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

const reportSchema = z.object({
  /** Headline as printed (spaces between headline parts kept). */
  title: z.string().min(1),
  /** The —— line under the headline, without the dashes. */
  subtitle: z.string().optional(),
  /** Bylines in printed order; `role` holds a printed position such as 南通市总工会主席. */
  authors: z.array(z.object({ name: z.string().min(1), role: z.string().optional() })).default([]),
  /** The most specific region the report is about. */
  region: reference('regions'),
  /** Year of publication. */
  year: yearSchema,
  /** Publication date, when printed or inferable, with its precision. */
  date: dateSchema.optional(),
  /** The years the report reviews. */
  period: periodSchema,
  /** Subjects from the topic vocabulary, most important first. */
  topics: z.array(reference('topics')).min(1, 'topics 至少一项 / at least one topic'),
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

/**
 * glob() plus the checks zod cannot make, each failure naming the file and the field or line: the body
 * parses as MDX and is not empty, each statistic's quote stands in the body, every region, topic and
 * metric exists (Astro itself only logs a broken reference), the original exists and matches the fixity
 * manifest, and no report is in the archive twice. A very long body only warns.
 */
function reportsLoader(): Loader {
  const files = glob({ pattern: '*.mdx', base: contentDir('reports') });
  return {
    name: 'reports-loader',
    load: async (context) => {
      await loadReadably(files, context);
      const known = {
        regions: vocabularyIds(VOCABULARY_DIRS.regions),
        topics: vocabularyIds(VOCABULARY_DIRS.topics),
        metrics: vocabularyIds(VOCABULARY_DIRS.metrics),
      };
      const failures: string[] = verifyFixity(PROJECT_ROOT);
      const keys: DuplicateKeys[] = [];
      const digests = new Map<string, string>();
      for (const entry of context.store.values()) {
        const data = entry.data as z.infer<typeof reportSchema>;
        const file = entry.filePath ?? entry.id;
        const body = entry.body ?? '';
        const fileText = existsSync(file) ? readFileSync(file, 'utf8') : body;
        const checked = checkBody(body, bodyFirstLine(fileText, body));
        if (body.length > BODY_SIZE_WARNING) {
          context.logger.warn(`${file}: 正文 ${body.length} 字符，超过 ${BODY_SIZE_WARNING} / the body has ${body.length} characters, over ${BODY_SIZE_WARNING}`);
        }
        const original = `${ORIGINALS_DIR}/${data.source.file}`;
        const originalPath = join(PROJECT_ROOT, original);
        const originalProblems: FieldProblem[] = [];
        if (!existsSync(originalPath)) {
          originalProblems.push({ field: 'source.file', message: `原件不存在 / the original is missing: ${original}` });
        } else if (!digests.has(original)) {
          digests.set(original, sha256(readFileSync(originalPath)));
        }
        const lines = data.source.lines ? `${data.source.lines.from}-${data.source.lines.to}` : 'all';
        keys.push({
          file,
          title: data.title,
          date: data.date?.value ?? String(data.year),
          original: `${digests.get(original) ?? original}:${lines}`,
        });
        const problems = [
          ...checked.problems,
          ...checkReferences(data, known),
          ...(checked.text === undefined ? [] : checkStats(data.stats, checked.text)),
          ...originalProblems,
        ];
        if (problems.length) failures.push(describeProblems(file, problems));
      }
      failures.push(...findDuplicates(keys));
      if (failures.length) throw new Error(`报道内容核对失败 / report check failed:\n${failures.join('\n')}`);
    },
  };
}

const reports = defineCollection({ loader: reportsLoader(), schema: reportSchema });

export const collections = { reports, regions, topics, metrics };
