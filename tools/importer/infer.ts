/**
 * What the importer works out from the text itself: the region and the topics. Each guess carries its
 * evidence, which the importer prints and records in the draft, and each is made only on strong
 * evidence — otherwise the field is reported missing and the user is asked. Words are matched at word
 * boundaries (Intl.Segmenter's Chinese dictionary), so 入会 is not found inside 步入会场.
 */

import type { RegionData, TopicData } from '../../src/schemas/index.ts';

/** A region of the vocabulary (src/schemas), with its slug. */
export type RegionEntry = { id: string } & RegionData;

/** A topic of the vocabulary (src/schemas), with its slug; `terms` show a report is about the topic. */
export type TopicEntry = { id: string } & TopicData;

const LEVEL_DEPTH: Record<string, number> = { country: 0, province: 1, prefecture: 2, county: 3 };
const depth = (r: RegionEntry) => LEVEL_DEPTH[r.level] ?? 0;

/** Administrative suffixes dropped to get a region's short name: 呼和浩特市 → 呼和浩特, 内蒙古自治区 → 内蒙古. */
const SUFFIXES = [
  '特别行政区',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '林区',
  '新区',
  '省',
  '市',
  '县',
  '区',
  '盟',
  '旗',
];
/** The 55 minority peoples, whose names stand before 自治州/自治县/自治旗 (延边朝鲜族自治州 → 延边). */
const PEOPLES = (
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 ' +
  '撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);
const ETHNIC = new RegExp(`(?:${PEOPLES.join('|')})族$`, 'u');

/** 延边朝鲜族 → 延边, 双江拉祜族佤族布朗族傣族 → 双江; 鄂温克族 (a people's own banner) stays. */
function withoutPeoples(stem: string): string {
  let rest = stem;
  for (let match = ETHNIC.exec(rest); match && match.index > 0; match = ETHNIC.exec(rest))
    rest = rest.slice(0, match.index);
  return rest;
}

/** The short form of a division name (内蒙古自治区 → 内蒙古, 延边朝鲜族自治州 → 延边), if it has one. */
export function shortRegionName(name: string): string | undefined {
  if (/(?:开发区|示范区|园区|管理区|合作区)$/u.test(name)) return undefined; // zones are named in full
  for (const suffix of SUFFIXES) {
    if (!name.endsWith(suffix)) continue;
    let stem = name.slice(0, -suffix.length);
    if (suffix.startsWith('自治')) stem = withoutPeoples(stem);
    return [...stem].length >= 2 ? stem : undefined;
  }
  return undefined;
}

/**
 * Short forms that are also common words (来宾 guests, 安康杯, 长治久安, 白银 silver …): a region with such a
 * short form is only recognised by its full name.
 */
const COMMON_WORDS = new Set([
  '来宾',
  '安康',
  '长治',
  '白银',
  '三明',
  '中山',
  '阿里',
  '东方',
  '海东',
  '海西',
  '海北',
  '山南',
  '黄南',
  '新城',
  '城关',
  '城区',
  '郊区',
  '矿区',
  '新区',
]);

/** The forms a region's name is printed in, longest first. Counties need their full name or a short form of 3+ characters. */
export function regionAliases(region: Pick<RegionEntry, 'name' | 'level' | 'short'>): string[] {
  const short = region.short ?? shortRegionName(region.name);
  const usable =
    short !== undefined && !COMMON_WORDS.has(short) && (region.level !== 'county' || [...short].length >= 3);
  return usable && short !== region.name ? [region.name, short] : [region.name];
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Word boundaries (offsets) of a short stretch of text. */
function boundaries(text: string): Set<number> {
  const set = new Set<number>([0, text.length]);
  for (const { index, segment } of segmenter.segment(text)) {
    set.add(index);
    set.add(index + segment.length);
  }
  return set;
}

const WINDOW = 8;

/** Whether `text[start, end)` starts (and, with `atEnd`, ends) at a word boundary. */
function onBoundary(text: string, start: number, end: number, atEnd: boolean): boolean {
  const from = Math.max(0, start - WINDOW);
  const cut = boundaries(text.slice(from, Math.min(text.length, end + WINDOW)));
  return cut.has(start - from) && (!atEnd || cut.has(end - from));
}

/** Occurrences of a word that start and end at word boundaries (入会 not in 步入会场). */
export function countWords(text: string, word: string): number {
  if (word === '') return 0;
  let count = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
    if (onBoundary(text, i, i + word.length, true)) count++;
  }
  return count;
}

/** How much of a long body is searched for place names: enough for dominance, cheap on a 10 MB file. */
const REGION_SCAN_LIMIT = 100_000;

/** Finds region names in text with one pass over it: the names by their first character, longest first. */
export class RegionMatcher {
  private readonly byFirst = new Map<string, { alias: string; regions: RegionEntry[] }[]>();
  readonly byId: Map<string, RegionEntry>;
  readonly regions: readonly RegionEntry[];

  constructor(regions: readonly RegionEntry[]) {
    this.regions = regions;
    this.byId = new Map(regions.map((r) => [r.id, r]));
    const byAlias = new Map<string, RegionEntry[]>();
    for (const region of regions) {
      if (region.level === 'country') continue; // 中国 is in every report (中国梦, 中国特色)
      for (const alias of regionAliases(region)) byAlias.set(alias, [...(byAlias.get(alias) ?? []), region]);
    }
    for (const [alias, list] of byAlias) {
      const first = alias[0] as string;
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), { alias, regions: list }]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.alias.length - a.alias.length);
  }

  /** The regions in the chain from the top down to this one. */
  lineage(id: string): string[] {
    const chain: string[] = [];
    for (let r = this.byId.get(id); r && !chain.includes(r.id); r = r.parent ? this.byId.get(r.parent) : undefined)
      chain.unshift(r.id);
    return chain;
  }

  related(a: string, b: string): boolean {
    return this.lineage(a).includes(b) || this.lineage(b).includes(a);
  }

  /**
   * Mentions per region id. A name two regions share (朝阳区 in Beijing and in Changchun; 吉林 the province
   * and the city) counts for the one whose ancestor the text also names, else for the higher one when
   * one contains the other, else for neither.
   */
  mentions(text: string): Map<string, number> {
    const counts = new Map<string, number>();
    const shared: RegionEntry[][] = [];
    const scan = text.slice(0, REGION_SCAN_LIMIT);
    for (let i = 0; i < scan.length; i++) {
      const options = this.byFirst.get(scan[i] as string);
      const hit = options?.find(
        ({ alias }) => scan.startsWith(alias, i) && onBoundary(scan, i, i + alias.length, false),
      );
      if (!hit) continue;
      if (hit.regions.length === 1) counts.set(hit.regions[0]!.id, (counts.get(hit.regions[0]!.id) ?? 0) + 1);
      else shared.push(hit.regions);
      i += hit.alias.length - 1;
    }
    for (const candidates of shared) {
      const named = candidates.filter((c) =>
        this.lineage(c.id)
          .slice(0, -1)
          .some((a) => counts.has(a)),
      );
      const top = candidates.find((c) => candidates.every((o) => o === c || this.lineage(o.id).includes(c.id)));
      const chosen = named.length === 1 ? named[0] : top;
      if (chosen) counts.set(chosen.id, (counts.get(chosen.id) ?? 0) + 1);
    }
    return counts;
  }
}

export interface RegionGuess {
  id: string;
  name: string;
  /** Mentions in the title and subtitle, in the dateline, and in the body. */
  titleHits: number;
  datelineHits: number;
  bodyHits: number;
}

export interface RegionInference {
  /** The region, when the evidence is strong enough; else undefined and the user is asked. */
  region?: RegionEntry | undefined;
  /** Why: 标题 / 电头 / 正文中占优 … */
  evidence: string;
  candidates: RegionGuess[];
}

/** A newspaper dateline: 本报呼和浩特1月24日电, 新华社北京2024年1月24日电 — the place between the agency and the date. */
const DATELINE =
  /(?:本报|新华社|中新社|人民网|新华网)([\p{Script=Han}]{2,12}?)(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日(?:专)?电/u;
/** A national story's headline: 全国, 中华全国总工会, 全总. */
const NATIONAL = /全国|中华全国总工会|全总/u;
/** Mentions needed, and the lead over any unrelated place, for the body alone to name the region. */
const DOMINANCE = { mentions: 3, ratio: 2 };

/**
 * The region a report is about, only on strong evidence: the headline (the most specific region it names,
 * if they are all of one lineage), the dateline's place, or clear dominance in the body (a region named
 * at least 3 times and at least twice as often as any place outside its own lineage).
 */
export function inferRegion(headline: string, body: string, matcher: RegionMatcher): RegionInference {
  const title = matcher.mentions(headline);
  const datelinePlace = DATELINE.exec(body.slice(0, 400))?.[1] ?? '';
  const dateline = matcher.mentions(datelinePlace);
  const text = matcher.mentions(body);
  const ids = new Set([...title.keys(), ...dateline.keys(), ...text.keys()]);
  const candidates = [...ids]
    .map((id) => ({
      id,
      name: matcher.byId.get(id)?.name ?? id,
      titleHits: title.get(id) ?? 0,
      datelineHits: dateline.get(id) ?? 0,
      bodyHits: text.get(id) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.titleHits - a.titleHits ||
        b.datelineHits - a.datelineHits ||
        b.bodyHits - a.bodyHits ||
        a.id.localeCompare(b.id),
    );
  const deepest = (list: string[]) => {
    const sorted = [...list].sort((a, b) => depth(matcher.byId.get(b)!) - depth(matcher.byId.get(a)!));
    const top = sorted[0];
    return top !== undefined && sorted.every((id) => matcher.related(id, top)) ? matcher.byId.get(top) : undefined;
  };
  if (title.size > 0) {
    const region = deepest([...title.keys()]);
    if (region) return { region, evidence: `标题中出现“${region.name}”`, candidates };
    return { evidence: '标题中出现多个互不隶属的地区', candidates };
  }
  if (dateline.size > 0) {
    const region = deepest([...dateline.keys()]);
    if (region) return { region, evidence: `电头“${datelinePlace}”`, candidates };
  }
  const ranked = [...text].sort(
    (a, b) => b[1] - a[1] || depth(matcher.byId.get(b[0])!) - depth(matcher.byId.get(a[0])!),
  );
  const [leader, count = 0] = ranked[0] ?? [];
  if (leader !== undefined) {
    const rival = Math.max(0, ...ranked.filter(([id]) => !matcher.related(id, leader)).map(([, n]) => n));
    if (count >= DOMINANCE.mentions && count >= DOMINANCE.ratio * rival) {
      const region = matcher.byId.get(leader)!;
      return { region, evidence: `正文提及“${region.name}”${count} 次，其他地区至多 ${rival} 次`, candidates };
    }
  }
  if (NATIONAL.test(headline) && text.size === 0) {
    const country = matcher.regions.find((r) => r.level === 'country');
    if (country) return { region: country, evidence: '标题为全国性报道', candidates };
  }
  return { evidence: candidates.length ? '正文提及的地区均不占优' : '文中没有可识别的地名', candidates };
}

/** The words a topic is recognised by: its terms, or its name and the phrases of its description. */
export function topicKeywords(topic: TopicEntry): string[] {
  if (topic.terms?.length) return [...new Set(topic.terms)];
  const stem = topic.name.endsWith('工作') ? [topic.name.slice(0, -2)] : [];
  const phrases = [topic.name, ...stem, ...topic.description.split(/[、，。；：“”‘’（）()\s与的]/u)];
  return [...new Set(phrases.map((p) => p.trim()).filter((p) => [...p].length >= 2))];
}

export interface TopicGuess {
  id: string;
  name: string;
  /** Whether a keyword stands in the headline. */
  inHeadline: boolean;
  /** The keywords found in the body, with their counts. */
  hits: { word: string; count: number }[];
}

/** Distinct keywords the body must use for a topic named nowhere in the headline. */
const DISTINCT_TERMS = 3;

/**
 * Topics on strong evidence only: a keyword in the headline, or at least three distinct keywords in
 * the body. One common word (就业 once) is not enough. Most specific evidence first.
 */
export function suggestTopics(headline: string, body: string, topics: readonly TopicEntry[], max = 4): TopicGuess[] {
  return topics
    .map((topic) => {
      const words = topicKeywords(topic);
      const inHeadline = words.some((w) => countWords(headline, w) > 0);
      const hits = words.map((word) => ({ word, count: countWords(body, word) })).filter((h) => h.count > 0);
      return { id: topic.id, name: topic.name, inHeadline, hits };
    })
    .filter((t) => t.inHeadline || t.hits.length >= DISTINCT_TERMS)
    .sort(
      (a, b) =>
        Number(b.inHeadline) - Number(a.inHeadline) ||
        b.hits.length - a.hits.length ||
        b.hits.reduce((s, h) => s + h.count, 0) - a.hits.reduce((s, h) => s + h.count, 0) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, max);
}
