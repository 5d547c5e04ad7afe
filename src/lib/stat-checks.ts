/**
 * Rules a statistic must satisfy against its article. Used by the content loader (so `astro build`
 * fails on a bad statistic, naming file and field) and by the tests.
 */
import { comparable } from './normalize';
import { formatQuantity, statesNumber, type Qualifier } from './numbers';

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
