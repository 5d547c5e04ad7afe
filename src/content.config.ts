/**
 * The archive's content collections. Reports are MDX files under content/reports/; the vocabularies they
 * point to are data collections keyed by each entry's stable ASCII slug: topics and metrics one YAML file
 * per entry, regions one generated JSON file (every county of China). The schemas are in src/schemas/;
 * this file adds the Astro parts: loaders, and references between collections, checked at build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { PROJECT_ROOT, contentDir } from './lib/content-paths.ts';
import { ORIGINALS_DIR, sha256, verifyFixity } from './lib/fixity.ts';
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
} from './lib/report-checks.ts';
import { metricSchema, regionSchema, reportSchema, statSchema, topicList, topicSchema } from './schemas/index.ts';

/** The region vocabulary: one JSON file generated from the GB/T 2260 codes (npm run regions), keyed by slug. */
const REGIONS_FILE = contentDir('regions');

/** Where the other vocabularies live (from the project root, not the working directory). */
const VOCABULARY_DIRS = {
  topics: contentDir('topics'),
  metrics: contentDir('metrics'),
} as const;

const vocabularyIds = (dir: string) =>
  new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length)),
  );

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
        const fileOf = (id: string) => entries.find((e) => e.id === id)?.filePath ?? REGIONS_FILE;
        const lines = problems.map((p) => describeProblems(fileOf(p.field.split('.')[0]!), [p]));
        throw new Error(`地区词表核对失败 / region check failed:\n${lines.join('\n')}`);
      }
    },
  };
}

const regions = defineCollection({
  loader: checkedRegions(file(REGIONS_FILE)),
  schema: regionSchema.extend({ parent: reference('regions').optional() }),
});

const topics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: VOCABULARY_DIRS.topics }),
  schema: topicSchema,
});

const metrics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: VOCABULARY_DIRS.metrics }),
  schema: metricSchema,
});

/** The frontmatter with its slugs as references, which Astro resolves to the entries they name. */
const reportEntrySchema = reportSchema.extend({
  region: reference('regions'),
  topics: topicList(reference('topics')),
  stats: z.array(statSchema.extend({ metric: reference('metrics') })).default([]),
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
        regions: new Set(Object.keys(JSON.parse(readFileSync(REGIONS_FILE, 'utf8')) as object)),
        topics: vocabularyIds(VOCABULARY_DIRS.topics),
        metrics: vocabularyIds(VOCABULARY_DIRS.metrics),
      };
      const failures: string[] = verifyFixity(PROJECT_ROOT);
      const keys: DuplicateKeys[] = [];
      const digests = new Map<string, string>();
      for (const entry of context.store.values()) {
        const data = entry.data as z.output<typeof reportEntrySchema>;
        const file = entry.filePath ?? entry.id;
        const body = entry.body ?? '';
        const fileText = existsSync(file) ? readFileSync(file, 'utf8') : body;
        const checked = checkBody(body, bodyFirstLine(fileText, body));
        if (body.length > BODY_SIZE_WARNING) {
          context.logger.warn(
            `${file}: 正文 ${body.length} 字符，超过 ${BODY_SIZE_WARNING} / the body has ${body.length} characters, over ${BODY_SIZE_WARNING}`,
          );
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

const reports = defineCollection({ loader: reportsLoader(), schema: reportEntrySchema });

export const collections = { reports, regions, topics, metrics };
