/**
 * Candidate statistics: every quantity the text states with a unit (4.35万个, 85%以上, 1.92亿美元,
 * 1600万千瓦), with the clause it stands in as the verbatim quote and its value parsed by the archive's
 * number module. A draft list for an editor to curate. A candidate gets a metric only when the noun its
 * number counts is one the metric counts (assign-metric.ts); otherwise it stays `unassigned`, which only
 * an unreviewed draft may keep.
 */
import {
  hasMagnitude,
  parseChineseNumeral,
  parseQuantity,
  quantitySource,
  statesNumber,
  type QuantityGroups,
} from '../../src/lib/numbers.ts';
import { UNASSIGNED_METRIC } from '../../src/lib/report-checks.ts';
import type { StatEntry } from '../../src/schemas/index.ts';
import { assignMetric, type MetricEntry } from './assign-metric.ts';

/**
 * A draft statistic: its metric and label are for the editor to check, and its note says so. A suggested
 * metric comes with the noun it was matched by (`countedNoun`, for the draft to show, not a stat field).
 */
export type CandidateStat = StatEntry & { note: string; countedNoun?: string };

/** Units a counted outcome is given in: compound and currency units whole (千瓦时, 美元, 平方米). */
const UNITS = [
  '个百分点',
  '平方公里',
  '平方米',
  '立方米',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '美元',
  '欧元',
  '港元',
  '日元',
  '英镑',
  '人次',
  '家次',
  '场次',
  '户次',
  '批次',
  '架次',
  '公里',
  '千米',
  '公顷',
  '公斤',
  '千克',
  '小时',
  '分钟',
  '个',
  '人',
  '名',
  '家',
  '户',
  '场',
  '次',
  '项',
  '件',
  '支',
  '所',
  '座',
  '期',
  '批',
  '处',
  '条',
  '份',
  '篇',
  '本',
  '册',
  '台',
  '套',
  '间',
  '位',
  '例',
  '起',
  '倍',
  '分',
  '元',
  '种',
  '类',
  '辆',
  '部',
  '张',
  '亩',
  '吨',
  '米',
  '%',
  '％',
].sort((a, b) => [...b].length - [...a].length);

/** Characters of a Chinese numeral: a quantity never starts right after one (the 一 of 统一 or 七一). */
const NUMERAL_CHAR = '零〇一二两俩三四五六七八九十百千万亿';

const QUANTITY = new RegExp(
  `(?<![\\d.,０-９A-Za-z第${NUMERAL_CHAR}])${quantitySource(UNITS.join('|'))}(?![\\d.])`,
  'gu',
);

/**
 * Clock times (15时22分, 8点30分: 分 is otherwise a score), ranks (前10名), fractions (三分之一), digit
 * counts (两位数增长), 三位一体 and durations (8个月) are no quantity. Dates (9月11日, 三月五日), years (二〇一四年)
 * and list numbers (1、 一、) have no unit and ordinals a 第 before them, so QUANTITY skips them already.
 */
function notAQuantity(text: string, start: number, raw: string, groups: QuantityGroups): boolean {
  const { number = '', unit = '' } = groups;
  const before = text.slice(Math.max(0, start - 4), start);
  const after = text.slice(start + raw.length, start + raw.length + 4);
  return (
    ((unit === '分' || unit === '分钟') && /\d\s*[时点]$/u.test(before)) ||
    ((unit === '名' || unit === '位') && /[前后]$/u.test(before)) ||
    (unit === '分' && after.startsWith('之')) ||
    (unit === '位' && /^(?:数|一体)/u.test(after)) ||
    (unit === '个' && after.startsWith('月')) ||
    (/^\D/u.test(number) && notAChineseQuantity(groups, before, after))
  );
}

/**
 * Words that hold a Chinese numeral before a measure word: a lone 一 is an article (一批, 一起, 统一部署),
 * a lone 二 an ordinal (二套住房: a count of two is 两), 零 a word (零部件), 十分 "very", a bare 百/千 a
 * figure of speech (千家万户) unless qualified (近千人), 数十/几十 "dozens", a numeral in quotes a slogan
 * (“两个维护”), 三期工程 a phase and 三次会议/四次全会 a session.
 */
function notAChineseQuantity(
  { prefix, number = '', unit = '' }: QuantityGroups,
  before: string,
  after: string,
): boolean {
  return (
    /^[一二零〇]$/u.test(number) ||
    (/^[百千]/u.test(number) && !prefix) ||
    unit === '分' ||
    unit === '期' ||
    /[数几“‘「『]$/u.test(before) ||
    (unit === '次' && /^(?:会议|全会|全体会议)/u.test(after))
  );
}

const CLAUSE_STOP = /[，；。！？：\n]/u;

/** Longest stretch taken either side of a number when its clause runs on (a quote stays verbatim). */
const CLAUSE_REACH = 120;

/** The clause around a position: from after the previous ，；。！？： to before the next. */
function clauseAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && start - from < CLAUSE_REACH && !CLAUSE_STOP.test(text[from - 1] ?? '')) from--;
  let to = end;
  while (to < text.length && to - end < CLAUSE_REACH && !CLAUSE_STOP.test(text[to] ?? '')) to++;
  // Do not cut a surrogate pair at either end.
  if (/[\uDC00-\uDFFF]/u.test(text[from] ?? '')) from++;
  if (/[\uD800-\uDBFF]/u.test(text[to - 1] ?? '')) to--;
  while (from < start && /\s/u.test(text[from] ?? '')) from++;
  while (to > end && /\s/u.test(text[to - 1] ?? '')) to--;
  return { from, to };
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

/** Longest label, in characters. */
const LABEL_LENGTH = 30;

/**
 * A short label: the clause with the figure taken out at its own position (never another occurrence
 * of the same digits, so 39人 is not cut to 3), shortened only between numbers, never inside one.
 */
export function labelFor(clause: string, at: number, raw: string): string {
  const text = `${clause.slice(0, at).trim()}${clause.slice(at + raw.length).trim()}`;
  const label = [...text].length >= 2 ? text : clause;
  const chars = [...label];
  if (chars.length <= LABEL_LENGTH) return label;
  let cut = LABEL_LENGTH;
  while (cut > 0 && /[\d.,０-９]/u.test(chars[cut] ?? '') && /[\d.,０-９]/u.test(chars[cut - 1] ?? '')) cut--;
  return `${chars.slice(0, cut).join('')}…`;
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
      const [raw] = match;
      const groups: QuantityGroups = match.groups ?? {};
      if (!groups.unit && !groups.percent && !hasMagnitude(groups)) continue;
      if (notAQuantity(text, match.index, raw, groups)) continue;
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
      const { from, to } = clauseAround(text, match.index, match.index + raw.length);
      const clause = text.slice(from, to);
      if (!statesNumber(clause, quantity.value)) continue;
      const key = `${clause}\u0000${quantity.value}\u0000${quantity.unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found++;
      const years = [
        ...sentenceAround(text, match.index).matchAll(
          /(?<![\d〇零一二三四五六七八九])((?:19|20)\d\d|(?:一九|二〇)[〇零一二三四五六七八九]{2})(?=年)/gu,
        ),
      ].map((m) => parseChineseNumeral(m[1] ?? ''));
      const suggestion = assignMetric(clause, match.index - from, raw.length, quantity.unit, metrics);
      // Keys in the order the content guide lists them, so the YAML reads like hand-made entries.
      candidates.push({
        metric: suggestion?.metric.id ?? UNASSIGNED_METRIC,
        label: labelFor(clause, match.index - from, raw),
        value: quantity.value,
        unit: quantity.unit,
        ...(quantity.qualifier ? { qualifier: quantity.qualifier } : {}),
        ...(new Set(years).size === 1 && years[0] !== undefined ? { year: years[0] } : {}),
        quote: clause,
        note: suggestion
          ? `导入候选：建议指标“${suggestion.metric.name}”，因数字所计为“${suggestion.noun}”，待编者核对后保留、改正或删除`
          : '导入候选：未能归入任何指标（unassigned），校对时改为具体指标或删除',
        ...(suggestion ? { countedNoun: suggestion.noun } : {}),
      });
    }
  }
  return { candidates, found };
}
