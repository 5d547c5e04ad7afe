/**
 * Candidate statistics: every quantity the text states with a unit (4.35万个, 85%以上, 1.6亿元), with
 * the clause it stands in as the verbatim quote and its value parsed by the archive's number module.
 * A draft list for an editor to curate: the metric is a guess from the metric vocabulary, so each
 * candidate says so in its note.
 */
import { parseQuantity, quantitySource, statesNumber } from '../../src/lib/numbers.ts';
import type { StatEntry } from '../../src/lib/report-checks.ts';

export interface MetricEntry {
  id: string;
  name: string;
  unit: string;
  description?: string;
}

/** A draft statistic: its metric is a guess, and its note says so. */
export type CandidateStat = StatEntry & { note: string };

/** Units a counted outcome is given in (longest first, so 人次 wins over 人). */
const UNITS = [
  '个百分点', '平方米', '人次', '家次', '场次', '户次', '批次', '公里', '千米', '小时',
  '个', '人', '名', '家', '户', '场', '次', '项', '件', '支', '所', '座', '期', '批', '处', '条', '份',
  '篇', '本', '册', '台', '套', '间', '位', '例', '起', '倍', '分', '元', '种', '类', '辆', '部', '张',
  '亩', '吨', '%', '％',
];

const QUANTITY = new RegExp(`(?<![\\d.,０-９A-Za-z第])${quantitySource(UNITS.join('|'))}`, 'gu');

const CLAUSE_STOP = /[，；。！？：\n]/u;

/** Longest stretch taken either side of a number when its clause runs on (a quote stays verbatim). */
const CLAUSE_REACH = 120;

/** The clause around a position: from after the previous ，；。！？： to before the next. */
function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < CLAUSE_REACH && !CLAUSE_STOP.test(text[from - 1] ?? '')) from--;
  let to = end;
  while (to < text.length && to - end < CLAUSE_REACH && !CLAUSE_STOP.test(text[to] ?? '')) to++;
  // Do not cut a surrogate pair at either end.
  if (/[\uDC00-\uDFFF]/u.test(text[from] ?? '')) from++;
  if (/[\uD800-\uDBFF]/u.test(text[to - 1] ?? '')) to--;
  return text.slice(from, to).trim();
}

/** The sentence around a position (within a few hundred characters), for the year a figure refers to. */
function sentenceAround(text: string, start: number): string {
  const windowStart = Math.max(0, start - 4 * CLAUSE_REACH);
  const window = text.slice(windowStart, start + 4 * CLAUSE_REACH);
  const at = start - windowStart;
  const from = Math.max(window.lastIndexOf('。', at), window.lastIndexOf('\n', at)) + 1;
  const next = window.slice(at).search(/[。\n]/u);
  return window.slice(from, next < 0 ? window.length : at + next);
}

const bigrams = (text: string): string[] => {
  const chars = [...text.replace(/[^\p{Script=Han}]/gu, '')];
  return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
};

/** Units that count the same thing: 名 counts people as 人 does. */
const sameUnit = (a: string, b: string) => a === b || (a === '名' && b === '人') || (a === '％' && b === '%');

/** The metric whose name shares most two-character words with the clause (a unit match breaks ties). */
export function guessMetric(clause: string, unit: string, metrics: readonly MetricEntry[]): MetricEntry | undefined {
  const words = new Set(bigrams(clause));
  let best: { metric: MetricEntry; score: number } | undefined;
  for (const metric of metrics) {
    const name = bigrams(metric.name);
    const shared = name.filter((w) => words.has(w)).length;
    const score = (name.length ? shared / name.length : 0) + (sameUnit(unit, metric.unit) ? 0.3 : 0);
    if (!best || score > best.score || (score === best.score && metric.id < best.metric.id)) best = { metric, score };
  }
  return best?.metric;
}

export interface CandidateOptions {
  /** At most this many candidates are returned (the first ones in the text). */
  limit?: number;
}

/**
 * Candidates from blocks of body text, each quote a clause of one block. Only quantities with a unit,
 * or with 万/亿, count: years (2015年), dates (9月11日), ordinals (第十二次) and codes (“8337”) do not.
 */
export function findCandidates(
  blocks: readonly string[],
  metrics: readonly MetricEntry[],
  { limit = 300 }: CandidateOptions = {},
): { candidates: CandidateStat[]; found: number } {
  const candidates: CandidateStat[] = [];
  const seen = new Set<string>();
  let found = 0;
  for (const text of blocks) {
    for (const match of text.matchAll(QUANTITY)) {
      const [raw, , , , magnitude, , unit] = match;
      if (!unit && !magnitude) continue;
      if (candidates.length >= limit) {
        found++; // counted, not quoted: the list is already full
        continue;
      }
      let quantity;
      try {
        quantity = parseQuantity(raw);
      } catch {
        continue; // two qualifiers and the like: not one quantity
      }
      const clause = clauseAround(text, match.index, match.index + raw.length);
      if (!statesNumber(clause, quantity.value)) continue;
      const key = `${clause}\u0000${quantity.value}\u0000${quantity.unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found++;
      const before = clause.slice(0, clause.indexOf(raw)).trim();
      const after = clause.slice(clause.indexOf(raw) + raw.length).trim();
      const label = [...`${before}${after}`].length >= 2 ? `${before}${after}` : clause;
      const years = [...sentenceAround(text, match.index).matchAll(/(?<!\d)((?:19|20)\d\d)(?=年)/gu)].map((m) => Number(m[1]));
      const metric = guessMetric(clause, quantity.unit, metrics);
      if (!metric) continue;
      // Keys in the order the content guide lists them, so the YAML reads like hand-made entries.
      candidates.push({
        metric: metric.id,
        label: [...label].length > 30 ? `${[...label].slice(0, 30).join('')}…` : label,
        value: quantity.value,
        unit: quantity.unit,
        ...(quantity.qualifier ? { qualifier: quantity.qualifier } : {}),
        ...(new Set(years).size === 1 && years[0] !== undefined ? { year: years[0] } : {}),
        quote: clause,
        note: '导入候选：指标与标签系按字面推测，待编者核对后保留或删除',
      });
    }
  }
  return { candidates, found };
}
