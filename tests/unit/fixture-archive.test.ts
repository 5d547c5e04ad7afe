/**
 * The frozen fixture archive (tests/fixtures/archive/, which the site, search and browser tests build
 * from) against the live content model (src/schemas/index.ts): every entry parses with the live schemas
 * and holds no field the model lacks, every reference resolves inside the fixture, and what the fixture
 * leaves out of the model is exactly the list below. A change to the model — a new field, a renamed or
 * removed one — fails here at once instead of leaving the site tests on an older model than the importer's.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { contentDir, type VocabularyFolder } from '../../src/lib/content-paths.ts';
import { metricSchema, regionSchema, reportSchema, topicSchema } from '../../src/schemas/index.ts';
import { FIXTURE_ROOT, loadReports, vocabulary } from '../../tools/shared/content.ts';

/**
 * What the fixture freezes on purpose: optional fields of the live vocabularies that no fixture entry
 * fills (`unassigned` has empty `terms` and `units`), each with the reason the site tests do not need it.
 * A field added to the model must be filled in the fixture's files or listed here.
 */
const LEFT_OUT: Record<VocabularyFolder & ('regions' | 'topics' | 'metrics'), Record<string, string>> = {
  regions: {},
  topics: {
    terms: "the importer's evidence for a topic; no page shows it (import tests use the live vocabularies)",
  },
  metrics: {
    terms: "the importer's evidence for a metric; no page shows it",
    units: 'the units the importer accepts for a metric; pages show the units of the values',
    counts: 'the nouns the importer suggests a metric by (issue #23); no page shows them',
    context: "the words a metric's suggestion needs in its clause; no page shows them",
  },
};

/*
 * Also frozen, by design (tests/fixtures/archive/README.md): the six reports as they stood in December
 * 2026 (live edits to them do not reach the fixture), their originals and SHA256SUMS, and regions.json
 * cut to the seven regions those reports and their ancestors need (the live file has every region of
 * China). The checks below hold whatever the live archive holds.
 */

const SCHEMAS = { regions: regionSchema, topics: topicSchema, metrics: metricSchema } as const;

/** Paths of keys the input has and the parsed output lacks: fields the schema does not know (zod drops them). */
function unknownFields(input: unknown, output: unknown, path = ''): string[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, i) => unknownFields(item, output[i], `${path}[${i}]`));
  }
  if (typeof input !== 'object' || input === null || typeof output !== 'object' || output === null) return [];
  return Object.entries(input).flatMap(([key, value]) =>
    key in output
      ? unknownFields(value, (output as Record<string, unknown>)[key], `${path}.${key}`)
      : [`${path}.${key}`],
  );
}

/** Issues of one entry against a live schema: its errors, then fields the schema does not know. */
function problems(schema: z.ZodType, id: string, data: unknown): string[] {
  const parsed = schema.safeParse(data);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${id}.${issue.path.join('.')}: ${issue.message}`);
  return unknownFields(data, parsed.data).map((path) => `${id}${path}: not in the live model`);
}

const reports = loadReports(FIXTURE_ROOT);

describe.each(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])('the fixture’s %s', (name) => {
  const entries = vocabulary(name, FIXTURE_ROOT);
  const schema = SCHEMAS[name];

  it('parse with the live schema and hold no field it lacks', () => {
    expect(entries.size).toBeGreaterThan(0);
    expect([...entries].flatMap(([id, data]) => problems(schema, id, data))).toEqual([]);
  });

  it('leave out of the live model exactly the fields documented as frozen', () => {
    const filled = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);
    const used = new Set(
      [...entries.values()].flatMap((data) => Object.keys(data).filter((field) => filled(data[field]))),
    );
    const missing = Object.keys(schema.shape).filter((field) => !used.has(field));
    expect(missing.sort(), 'add the field to the fixture, or to LEFT_OUT with the reason').toEqual(
      Object.keys(LEFT_OUT[name]).sort(),
    );
  });
});

describe('the fixture’s reports', () => {
  it('are the six the site tests expect', () => {
    expect(reports).toHaveLength(6);
  });

  it('parse with the live schema and hold no field it lacks', () => {
    expect(reports.flatMap(({ id, data }) => problems(reportSchema, id, data))).toEqual([]);
  });

  it('name only regions, topics, metrics and originals of the fixture itself', () => {
    const regions = vocabulary('regions', FIXTURE_ROOT);
    const topics = vocabulary('topics', FIXTURE_ROOT);
    const metrics = vocabulary('metrics', FIXTURE_ROOT);
    const unknown = reports.flatMap(({ id, data }) => [
      ...[data.region].filter((r) => !regions.has(r)).map((r) => `${id}: region ${r}`),
      ...data.topics.filter((t) => !topics.has(t)).map((t) => `${id}: topic ${t}`),
      ...(data.stats ?? []).filter((s) => !metrics.has(s.metric)).map((s) => `${id}: metric ${s.metric}`),
      ...[data.source.file]
        .filter((file) => !existsSync(join(contentDir('originals', FIXTURE_ROOT), file)))
        .map((file) => `${id}: original ${file}`),
    ]);
    const orphans = [...regions]
      .filter(([, region]) => region.parent !== undefined && !regions.has(String(region.parent)))
      .map(([id, region]) => `region ${id}: parent ${String(region.parent)}`);
    expect([...unknown, ...orphans]).toEqual([]);
  });
});
