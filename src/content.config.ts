/**
 * The archive's content collections. Reports are MDX files under content/reports/, read as data by a
 * loader of their own (src/lib/reports-loader.ts: parsed once, rendered into the data store, no module
 * and no code per report); the vocabularies they point to are data collections keyed by each entry's
 * stable ASCII slug: topics and metrics one YAML file per entry, regions one generated JSON file (every
 * county of China). The schemas are in src/schemas/; this file adds the Astro parts: loaders, and
 * references between collections, checked at build.
 */
import { relative } from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir } from './lib/content-paths.ts';
import { checkRegionParents, describeProblems, readableSchemaMessage } from './lib/report-checks.ts';
import { reportsLoader } from './lib/reports-loader.ts';
import { metricSchema, regionSchema, reportSchema, statSchema, topicList, topicSchema } from './schemas/index.ts';

/** The region vocabulary: one JSON file generated from the GB/T 2260 codes (npm run regions), keyed by slug. */
const REGIONS_FILE = contentDir('regions');

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
  loader: glob({ pattern: '*.yaml', base: contentDir('topics') }),
  schema: topicSchema,
});

const metrics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: contentDir('metrics') }),
  schema: metricSchema,
});

/** The frontmatter with its slugs as references, which Astro resolves to the entries they name. */
const reportEntrySchema = reportSchema.extend({
  region: reference('regions'),
  topics: topicList(reference('topics')),
  stats: z.array(statSchema.extend({ metric: reference('metrics') })).default([]),
});

const reports = defineCollection({ loader: reportsLoader(), schema: reportEntrySchema });

export const collections = { reports, regions, topics, metrics };
