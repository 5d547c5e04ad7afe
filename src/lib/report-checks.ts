/**
 * Rules a report must satisfy beyond its zod schema: statistics checked against the body, references
 * checked against the vocabularies. Used by the content loader (so `astro build` fails, naming file and
 * field) and by the tests.
 */
import { comparable } from './normalize.ts';
import { formatQuantity, statesNumber, type Qualifier } from './numbers.ts';

export interface CheckableStat {
  value: number;
  unit: string;
  qualifier?: Qualifier | undefined;
  quote: string;
}

export interface FieldProblem {
  /** Path of the offending field, e.g. `stats[3].quote`. */
  field: string;
  message: string;
}

/** Every quote must stand in the body (after whitespace/width normalisation) and state the value. */
export function checkStats(stats: readonly CheckableStat[], body: string): FieldProblem[] {
  const text = comparable(body);
  const problems: FieldProblem[] = [];
  stats.forEach((stat, i) => {
    const quote = comparable(stat.quote);
    if (quote === '') {
      problems.push({ field: `stats[${i}].quote`, message: '引文为空 / the quote is empty' });
      return;
    }
    if (!text.includes(quote)) {
      problems.push({
        field: `stats[${i}].quote`,
        message: `引文不在正文中 / quote not found in the article body: “${stat.quote}”`,
      });
    }
    if (!statesNumber(stat.quote, stat.value)) {
      problems.push({
        field: `stats[${i}].value`,
        message: `引文中没有数值 ${stat.value}（${formatQuantity(stat)}）/ the quote does not state the value ${stat.value}`,
      });
    }
  });
  return problems;
}

export function describeProblems(file: string, problems: readonly FieldProblem[]): string {
  return problems.map((p) => `${file} → ${p.field}: ${p.message}`).join('\n');
}

/** A `reference()` field holds `{ collection, id }` after parsing, a plain slug before. */
type Ref = string | { id: string };
const refId = (ref: Ref): string => (typeof ref === 'string' ? ref : ref.id);

export interface ReferencingReport {
  region: Ref;
  topics: readonly Ref[];
  stats: readonly { metric: Ref }[];
  /** False for an imported draft; absent means reviewed. */
  reviewed?: boolean;
}

/** The metric of an import candidate no metric's terms matched: allowed in unreviewed drafts only. */
export const UNASSIGNED_METRIC = 'unassigned';

export interface Vocabularies {
  regions: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  metrics: ReadonlySet<string>;
}

/** Astro only logs unknown references; the archive refuses them. */
export function checkReferences(report: ReferencingReport, known: Vocabularies): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (field: string, ref: Ref, set: ReadonlySet<string>, what: string) => {
    if (!set.has(refId(ref))) {
      // `topics[1]` → "unknown topic", `stats[0].metric` → "unknown metric": one reference, singular.
      const name = field
        .replace(/\[\d+\]/g, '')
        .replace(/^topics$/, 'topic')
        .replace(/^stats\./, '');
      problems.push({ field, message: `未知${what}“${refId(ref)}” / unknown ${name} "${refId(ref)}"` });
    }
  };
  check('region', report.region, known.regions, '地区');
  report.topics.forEach((topic, i) => check(`topics[${i}]`, topic, known.topics, '主题'));
  report.stats.forEach((stat, i) => {
    check(`stats[${i}].metric`, stat.metric, known.metrics, '指标');
    if (report.reviewed !== false && refId(stat.metric) === UNASSIGNED_METRIC) {
      problems.push({
        field: `stats[${i}].metric`,
        message:
          '已校对的报道不能含未归类的统计（unassigned）：改为具体指标或删除 / a reviewed report cannot keep an unassigned statistic',
      });
    }
  });
  return problems;
}

// ---- Checks of the body and across reports ----

/** Above this many characters a body is probably several articles or a mis-cut file: the build warns. */
export const BODY_SIZE_WARNING = 300_000;

export interface DuplicateKeys {
  file: string;
  /** sha256 of the original's bytes, with the line range the article takes from it (the whole file if none). */
  original: string;
  /** sha256 of the body's text, whitespace and character widths ignored. */
  text: string;
}

/**
 * Pairs of reports that are the same article twice: the same original passage, or the same text. A
 * shared headline and date is no sign: newspapers print column titles (简讯, 国内联播快讯) every day.
 */
export function findDuplicates(reports: readonly DuplicateKeys[]): string[] {
  const messages: string[] = [];
  // By file name, so the message does not depend on the order the loader happened to read the files in.
  const byFile = [...reports].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const check = (key: (r: DuplicateKeys) => string, what: string) => {
    const first = new Map<string, string>();
    for (const report of byFile) {
      const k = key(report);
      const earlier = first.get(k);
      if (earlier === undefined) first.set(k, report.file);
      else messages.push(`${earlier} 与 / and ${report.file}: ${what}`);
    }
  };
  check(
    (r) => r.original,
    '出自同一原件的同一部分（字节相同）/ the same original passage (identical bytes): one report twice',
  );
  check((r) => r.text, '正文相同 / the same text: one report twice');
  return messages;
}

export interface RegionEntry {
  id: string;
  parent?: string | undefined;
}

/** Every parent must be a region; a region whose parent is missing would drop out of the hierarchy. */
export function checkRegionParents(regions: readonly RegionEntry[]): FieldProblem[] {
  const ids = new Set(regions.map((r) => r.id));
  return regions
    .filter((r) => r.parent !== undefined && !ids.has(r.parent))
    .map((r) => ({
      field: `${r.id}.parent`,
      message: `未知上级地区“${r.parent}” / unknown parent region "${r.parent}"`,
    }));
}

/**
 * Astro's schema errors are written for a Markdown renderer: `**title**: **title**: Required`, which
 * the terminal shows as `title**: **title: Required`. This gives `title: Required`.
 */
export function readableSchemaMessage(message: string): string {
  return message.replace(/\*\*([^*\n]+)\*\*: \*\*\1\*\*: /g, '$1: ').replace(/\*\*([^*\n]+)\*\*/g, '$1');
}
