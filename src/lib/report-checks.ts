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

/** A statistic as written in frontmatter: plain data, the metric still a slug (see content.config.ts). */
export interface StatEntry extends CheckableStat {
  metric: string;
  label: string;
  year?: number;
  period?: { from: number; to: number };
  note?: string;
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
      problems.push({ field, message: `未知${what}“${refId(ref)}” / unknown ${field.replace(/\[\d+\]/g, '')} "${refId(ref)}"` });
    }
  };
  check('region', report.region, known.regions, '地区');
  report.topics.forEach((topic, i) => check(`topics[${i}]`, topic, known.topics, '主题'));
  report.stats.forEach((stat, i) => {
    check(`stats[${i}].metric`, stat.metric, known.metrics, '指标');
    if (report.reviewed !== false && refId(stat.metric) === UNASSIGNED_METRIC) {
      problems.push({
        field: `stats[${i}].metric`,
        message: '已校对的报道不能含未归类的统计（unassigned）：改为具体指标或删除 / a reviewed report cannot keep an unassigned statistic',
      });
    }
  });
  return problems;
}
