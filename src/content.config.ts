/**
 * The archive's content collections. Reports are MDX files under content/reports/; the vocabularies they
 * point to (regions, topics, metrics) are data collections, one YAML file per entry, whose file name
 * is the entry's stable ASCII slug. The schemas are in src/schemas/; this file adds the Astro parts:
 * loaders, and references between collections, which are checked when the site builds.
 */
import { readdirSync } from 'node:fs';
import { defineCollection, reference } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { bodyText } from './lib/article-text';
import { contentDir } from './lib/content-paths';
import { checkReferences, checkStats, describeProblems } from './lib/report-checks';
import { metricSchema, regionSchema, reportSchema, statSchema, topicList, topicSchema } from './schemas';

/** Where each vocabulary lives (from the project root, not the working directory). */
const VOCABULARY_DIRS = {
  regions: contentDir('regions'),
  topics: contentDir('topics'),
  metrics: contentDir('metrics'),
} as const;

const vocabularyIds = (dir: string) =>
  new Set(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)));

const regions = defineCollection({
  loader: glob({ pattern: '*.yaml', base: VOCABULARY_DIRS.regions }),
  schema: regionSchema.extend({ parent: reference('regions').optional() }),
});

const topics = defineCollection({ loader: glob({ pattern: '*.yaml', base: VOCABULARY_DIRS.topics }), schema: topicSchema });

const metrics = defineCollection({ loader: glob({ pattern: '*.yaml', base: VOCABULARY_DIRS.metrics }), schema: metricSchema });

/** The frontmatter with its slugs as references, which Astro resolves to the entries they name. */
const reportEntrySchema = reportSchema.extend({
  region: reference('regions'),
  topics: topicList(reference('topics')),
  stats: z.array(statSchema.extend({ metric: reference('metrics') })).default([]),
});

/**
 * glob() plus the checks zod cannot make: each statistic's quote must stand in the body, and every
 * region, topic and metric must exist (Astro itself only logs a broken reference).
 */
function reportsLoader(): Loader {
  const files = glob({ pattern: '*.mdx', base: contentDir('reports') });
  return {
    name: 'reports-loader',
    load: async (context) => {
      await files.load(context);
      const known = {
        regions: vocabularyIds(VOCABULARY_DIRS.regions),
        topics: vocabularyIds(VOCABULARY_DIRS.topics),
        metrics: vocabularyIds(VOCABULARY_DIRS.metrics),
      };
      const failures: string[] = [];
      for (const entry of context.store.values()) {
        const data = entry.data as z.output<typeof reportEntrySchema>;
        const problems = [...checkReferences(data, known), ...checkStats(data.stats, bodyText(entry.body ?? ''))];
        if (problems.length) failures.push(describeProblems(entry.filePath ?? entry.id, problems));
      }
      if (failures.length) throw new Error(`报道内容核对失败 / report check failed:\n${failures.join('\n')}`);
    },
  };
}

const reports = defineCollection({ loader: reportsLoader(), schema: reportEntrySchema });

export const collections = { reports, regions, topics, metrics };
