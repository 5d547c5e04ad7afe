/**
 * `npm run eval:metrics`: how often the importer's metric suggestions are right, on a labelled sample of
 * real text it was not written for (metric-sample.tsv; the labelling rules stand at its top) and on the
 * seeds' own reviewed statistics. Each sample item is run through the importer's candidate code exactly
 * as a draft would be (its quote as the text), so the figures measure what a reviewer sees.
 *
 * The sample is split by file into a tuning half and a held-out half. `--list` prints the tuning half's
 * and the seeds' wrong and missed suggestions, to tune the metrics' `counts`/`context` by; the held-out half is only
 * ever counted, so its figures stay a fair estimate.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQuantity, type Quantity } from '../../../src/lib/numbers.ts';
import { UNASSIGNED_METRIC } from '../../../src/lib/report-checks.ts';
import { loadReports, ROOT } from '../../shared/content.ts';
import type { MetricEntry } from '../assign-metric.ts';
import { findCandidates } from '../candidates.ts';
import { loadVocabularies } from '../write.ts';

export const SAMPLE_FILE = join(ROOT, 'tools/importer/eval/metric-sample.tsv');

/** One labelled candidate: the clause, the quantity as printed in it, and the metric a reviewer keeps. */
export interface SampleItem {
  file: string;
  quote: string;
  quantity: string;
  metric: string;
}

export type Half = 'tuning' | 'held-out';
export const HALVES: readonly Half[] = ['tuning', 'held-out'];

export interface Score {
  /** Labelled candidates (the importer still finds their quantity: see `missing`). */
  candidates: number;
  assigned: number;
  right: number;
  wrong: number;
  /** right / assigned; 1 when nothing is assigned (no wrong suggestion was made). */
  precision: number;
  /** Items whose quantity the importer no longer lists as a candidate. */
  missing: number;
}

export function loadSample(file = SAMPLE_FILE): SampleItem[] {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
  return lines.slice(1).map((line) => {
    const [file = '', quote = '', quantity = '', metric = ''] = line.split('\t');
    return { file, quote, quantity, metric };
  });
}

/** The half an item belongs to, by its file name's hash: stable, and one news item's figures stay together. */
export function halfOf(file: string): Half {
  return (createHash('sha256').update(file).digest()[0] ?? 0) % 2 === 0 ? 'tuning' : 'held-out';
}

type Target = Pick<Quantity, 'value' | 'unit' | 'qualifier'>;

/**
 * The metric the importer suggests for one quantity of a quote: a slug, UNASSIGNED_METRIC, or undefined
 * when the importer does not list that quantity at all.
 */
export function suggestedMetric(quote: string, target: Target, metrics: readonly MetricEntry[]): string | undefined {
  const { candidates } = findCandidates([quote], metrics);
  return candidates.find((c) => c.value === target.value && c.unit === target.unit && c.qualifier === target.qualifier)
    ?.metric;
}

export interface Judged extends SampleItem {
  suggested: string | undefined;
}

export function judge(items: readonly SampleItem[], metrics: readonly MetricEntry[]): Judged[] {
  return items.map((item) => ({
    ...item,
    suggested: suggestedMetric(item.quote, parseQuantity(item.quantity), metrics),
  }));
}

export function score(judged: readonly Judged[]): Score {
  const listed = judged.filter((j) => j.suggested !== undefined);
  const assigned = listed.filter((j) => j.suggested !== UNASSIGNED_METRIC);
  const right = assigned.filter((j) => j.suggested === j.metric).length;
  return {
    candidates: listed.length,
    assigned: assigned.length,
    right,
    wrong: assigned.length - right,
    precision: assigned.length ? right / assigned.length : 1,
    missing: judged.length - listed.length,
  };
}

export interface SeedScore {
  /** Reviewed statistics in the live reports. */
  stats: number;
  /** …whose quote, imported, suggests the reviewed metric. */
  right: number;
  /** …suggests another metric. */
  wrong: number;
  /** …leaves the quantity unassigned. */
  unassigned: number;
  /** …does not list the quantity as a candidate (a figure the editor read differently). */
  missing: number;
}

/** The seeds' reviewed statistics against what their own quotes suggest (`log` hears each miss). */
export function seedScore(
  metrics: readonly MetricEntry[],
  log: (miss: string) => void = () => {},
  root = ROOT,
): SeedScore {
  const result: SeedScore = { stats: 0, right: 0, wrong: 0, unassigned: 0, missing: 0 };
  for (const report of loadReports(root)) {
    for (const stat of report.data.stats ?? []) {
      result.stats++;
      const suggested = suggestedMetric(stat.quote, stat, metrics);
      if (suggested === undefined) result.missing++;
      else if (suggested === stat.metric) result.right++;
      else if (suggested === UNASSIGNED_METRIC) result.unassigned++;
      else result.wrong++;
      if (suggested !== stat.metric)
        log(`  ${stat.metric} ← ${suggested ?? 'not a candidate'}  ${stat.value}${stat.unit}  ${stat.quote}`);
    }
  }
  return result;
}

/**
 * The rules before issue #23 (a metric term anywhere in the list item and a fitting unit, commit 29464fa),
 * measured once with this script before they were replaced.
 */
const OLD_RULES: Record<Half, Omit<Score, 'missing'>> & { seeds: SeedScore } = {
  tuning: { candidates: 831, assigned: 26, right: 1, wrong: 25, precision: 1 / 26 },
  'held-out': { candidates: 761, assigned: 20, right: 0, wrong: 20, precision: 0 },
  seeds: { stats: 323, right: 187, wrong: 22, unassigned: 99, missing: 15 },
};

const ratio = (n: number) => n.toFixed(2);

function main(argv: string[]): void {
  const { metrics } = loadVocabularies(ROOT);
  const judged = judge(loadSample(), metrics);
  console.log('样本 / sample: tools/importer/eval/metric-sample.tsv');
  console.log('half      rules  candidates  assigned  right  wrong  precision');
  for (const half of HALVES) {
    const now = score(judged.filter((j) => halfOf(j.file) === half));
    const old = OLD_RULES[half];
    for (const [rules, s] of [
      ['old', old],
      ['new', now],
    ] as const) {
      console.log(
        `${half.padEnd(9)} ${rules.padEnd(5)}  ${String(s.candidates).padStart(10)}  ${String(s.assigned).padStart(8)}` +
          `  ${String(s.right).padStart(5)}  ${String(s.wrong).padStart(5)}  ${ratio(s.precision).padStart(9)}`,
      );
    }
    if (now.missing) console.log(`          (${now.missing} labelled quantities are no longer candidates)`);
  }
  const seedMisses: string[] = [];
  const seeds = seedScore(metrics, (miss) => seedMisses.push(miss));
  console.log('\nseeds' + "' reviewed statistics (content/reports/*.mdx), each quote imported on its own:");
  for (const [rules, s] of [
    ['old', OLD_RULES.seeds],
    ['new', seeds],
  ] as const) {
    console.log(
      `  ${rules}: ${s.stats} stats — reviewed metric ${s.right}, another metric ${s.wrong}, ` +
        `unassigned ${s.unassigned}, not a candidate ${s.missing}`,
    );
  }
  if (argv.includes('--list')) {
    console.log('\ntuning half, wrong or missed (label ← suggested):');
    for (const j of judged) {
      if (halfOf(j.file) !== 'tuning' || j.suggested === j.metric) continue;
      console.log(`  ${j.metric} ← ${j.suggested ?? 'not a candidate'}  ${j.quantity}  ${j.quote}`);
    }
    console.log(`\nseeds, wrong or missed (reviewed ← suggested):\n${seedMisses.join('\n')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
