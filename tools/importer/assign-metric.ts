/**
 * Which metric a candidate statistic counts. A metric is suggested only when the noun the number counts
 * is one the metric `counts` (content/metrics/*.yaml): the noun right after the number and its measure
 * word (数词 + 量词 + 名词: 297家…创新工作室, 近1.5万个工会驿站, 1670人被授予全国劳动模范称号) or right before
 * it, with at most a linking verb between (名词 + 动词 + 数词 + 量词: 追索欠薪1.1亿元, 全国工人先锋号1044个).
 * A metric term anywhere else in the clause is no evidence: in 招商引资产业项目137个 the figure counts
 * 项目, not 产业. Where the noun is generic (资金, 岗位, 措施) the metric's `context` words must stand in
 * the clause too, so 研发投入…3.6万亿元 is not the union's spending. Several metrics fitting as well as
 * each other: none is suggested, since a wrong suggestion costs a reviewer more than none.
 */
import type { MetricData } from '../../src/schemas/index.ts';

/** A metric of the vocabulary with its slug and the importer's lists filled in (empty when absent). */
export type MetricEntry = { id: string } & MetricData & { units: string[]; counts: string[]; context: string[] };

/** A suggested metric and why: the counted noun as printed. */
export interface Suggestion {
  metric: MetricEntry;
  noun: string;
}

/**
 * The words that describe one figure: its item in a list (建设职工服务中心138个、女职工休息哺乳室818个 →
 * 女职工休息哺乳室818个 for 818), so a neighbour's words never give it a metric.
 */
export function itemAround(clause: string, at: number, length: number): { text: string; at: number } {
  const separator = /、|(?:和|及|以及)(?=[近约超过]?\d)/gu;
  let from = 0;
  let to = clause.length;
  for (const match of clause.matchAll(separator)) {
    if (match.index + match[0].length <= at) from = match.index + match[0].length;
    else if (match.index >= at + length) {
      to = match.index;
      break;
    }
  }
  return { text: clause.slice(from, to), at: at - from };
}

/** How far after the measure word the counted noun may start (全国示范劳模工匠 before 创新工作室 is 8). */
const NOUN_REACH = 10;

/**
 * Verbs after a number that make it the subject of something else: 3000多人参加大会 counts people at an
 * event, 4000多家企业参展 exhibitors, not anything named later in the clause. Award verbs (被授予, 荣获,
 * 获得) are no break: 1670人被授予全国劳动模范称号 counts the title's holders.
 */
const BREAK = /参加|参与|出席|来自|涉及|包括|覆盖|惠及|带动|吸引|用于|投入|组成|受到|受影响/u;

/**
 * What may stand between a noun and its number: linking verbs and adverbs (达到, 累计, 共), measure
 * nouns (人数, 总额), a year (2013年底的), a starting figure (会员从522.07万人发展到615.7万人), a
 * bracketed note (爱心驿站（点）3963家) and closing quotes (“三金”2817万元), repeated: 参赛职工总数达134万人.
 */
const LINK =
  /(?:共计|总计|合计|累计|共有|总数|人数|数量|总量|金额|总额|达到|超过|已达|始终|动态|保持在|稳定在|共|达|为|有|超|近|约|逾|计|已|从|从[^，]*?(?:发展|增加|增长|提高|上升)?到|(?:19|20)\d\d年(?:底|末|初)?的?|（[^（）]{1,4}）|[”」』》）)\s])$/u;

/** The noun before the number, once the linking words between are taken off. */
function headBefore(before: string): string {
  let text = before;
  for (let match = LINK.exec(text); match && text !== ''; match = LINK.exec(text)) {
    text = text.slice(0, text.length - match[0].length);
  }
  return text;
}

/** The counted noun of a metric for this figure, if any: the longest of its `counts` in either position. */
function countedNoun(metric: MetricEntry, before: string, after: string): string | undefined {
  let best: string | undefined;
  for (const noun of metric.counts) {
    const start = after.indexOf(noun);
    const follows = start >= 0 && start <= NOUN_REACH && !BREAK.test(after.slice(0, start));
    if ((follows || before.endsWith(noun)) && (best === undefined || noun.length > best.length)) best = noun;
  }
  return best;
}

const PEOPLE = new Set(['人', '名']);
const sameUnit = (a: string, b: string) =>
  a === b || (PEOPLE.has(a) && PEOPLE.has(b)) || (a === '％' && b === '%') || (a === '%' && b === '％');

/**
 * The metric a figure counts, given its clause, where the figure stands in it (`at`, `length` of the
 * printed quantity) and its unit: the metric whose counted noun is the figure's (the longest such noun
 * wins: 农民工会员 before 会员), with a fitting unit and, where the metric asks, its context in the
 * clause. None, or two metrics as good: undefined.
 */
export function assignMetric(
  clause: string,
  at: number,
  length: number,
  unit: string,
  metrics: readonly MetricEntry[],
): Suggestion | undefined {
  const item = itemAround(clause, at, length);
  const before = headBefore(item.text.slice(0, item.at));
  // The words after the figure up to the next figure: a later number starts another phrase.
  const after = item.text.slice(item.at + length).split(/\d/u)[0] ?? '';
  let best: Suggestion | undefined;
  let tied = false;
  for (const metric of metrics) {
    if (!metric.units.some((u) => sameUnit(u, unit))) continue;
    if (metric.context.length > 0 && !metric.context.some((word) => clause.includes(word))) continue;
    const noun = countedNoun(metric, before, after);
    if (noun === undefined) continue;
    if (best === undefined || noun.length > best.noun.length) {
      best = { metric, noun };
      tied = false;
    } else if (noun.length === best.noun.length) tied = true;
  }
  return tied ? undefined : best;
}
