/**
 * What the importer works out from the text itself: the region (names from the regions vocabulary
 * in the title and text), the year (dates in the text) and suggested topics (words from the topic
 * vocabulary). Each guess carries its evidence, which the importer prints and records in the draft.
 */

export interface RegionEntry {
  id: string;
  name: string;
  level: string;
  parent?: string | undefined;
}

export interface TopicEntry {
  id: string;
  name: string;
  description: string;
}

const LEVEL_DEPTH: Record<string, number> = { country: 0, province: 1, prefecture: 2, county: 3 };

/** Administrative suffixes dropped to get a region's short name: 呼和浩特市 → 呼和浩特, 内蒙古自治区 → 内蒙古. */
const SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '自治县', '地区', '省', '市', '县', '区', '盟', '旗'];

/** The forms a region's name is printed in, longest first. */
export function regionAliases(name: string): string[] {
  const aliases = [name];
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && [...name].length - [...suffix].length >= 2) {
      aliases.push(name.slice(0, -suffix.length));
      break;
    }
  }
  return aliases;
}

/** Non-overlapping occurrences of a word. */
export function countOccurrences(text: string, word: string): number {
  if (word === '') return 0;
  let count = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) count++;
  return count;
}

export interface RegionGuess {
  id: string;
  name: string;
  /** Mentions in the title and subtitle, and in the body. */
  titleHits: number;
  bodyHits: number;
  score: number;
}

/**
 * Regions named in the report, most likely first. A region named in the headline comes before any
 * named only in the text, and among those the most specific (a city before its province); then the
 * count of mentions decides. The country is named in every report (中国特色社会主义, 中国梦 …), so it
 * is only a candidate when no other region is named.
 */
export function rankRegions(headline: string, body: string, regions: readonly RegionEntry[]): RegionGuess[] {
  const depth = (r: RegionEntry) => LEVEL_DEPTH[r.level] ?? 0;
  const guesses = regions
    .map((region) => {
      // The shortest alias matches every printed form once.
      const alias = regionAliases(region.name).at(-1) ?? region.name;
      const titleHits = countOccurrences(headline, alias);
      const bodyHits = countOccurrences(body, alias);
      return { region, guess: { id: region.id, name: region.name, titleHits, bodyHits, score: titleHits * 10 + bodyHits } };
    })
    .filter(({ guess }) => guess.score > 0)
    .sort(
      (a, b) =>
        Number(b.guess.titleHits > 0) - Number(a.guess.titleHits > 0) ||
        (a.guess.titleHits > 0 ? depth(b.region) - depth(a.region) : 0) ||
        b.guess.score - a.guess.score ||
        depth(b.region) - depth(a.region) ||
        a.region.id.localeCompare(b.region.id),
    );
  const specific = guesses.filter(({ region }) => depth(region) > 0);
  return (specific.length > 0 ? specific : guesses).map(({ guess }) => guess);
}

/** Events that date a text when no year is printed: 党的二十届三中全会 (2024), 中国工会十五大 (2008) … */
const DATED_EVENTS: { pattern: RegExp; year: number }[] = [
  { pattern: /中国工会(?:第)?十五(?:次全国代表)?大/u, year: 2008 },
  { pattern: /中国工会(?:第)?十六(?:次全国代表)?大/u, year: 2013 },
  { pattern: /中国工会(?:第)?十七(?:次全国代表)?大/u, year: 2018 },
  { pattern: /中国工会(?:第)?十八(?:次全国代表)?大/u, year: 2023 },
  { pattern: /(?<!工会)(?<!工会第)十七大/u, year: 2007 },
  { pattern: /(?<!工会)(?<!工会第)十八大/u, year: 2012 },
  { pattern: /十八届三中全会/u, year: 2013 },
  { pattern: /十八届四中全会/u, year: 2014 },
  { pattern: /十八届五中全会/u, year: 2015 },
  { pattern: /十八届六中全会/u, year: 2016 },
  { pattern: /(?<!工会)(?<!工会第)十九大/u, year: 2017 },
  { pattern: /十九届四中全会/u, year: 2019 },
  { pattern: /十九届五中全会/u, year: 2020 },
  { pattern: /十九届六中全会/u, year: 2021 },
  { pattern: /(?<!工会)(?<!工会第)二十大/u, year: 2022 },
  { pattern: /二十届三中全会/u, year: 2024 },
  { pattern: /二十届四中全会/u, year: 2025 },
];

export interface YearGuess {
  year: number;
  /** The words that give the year, as printed. */
  evidence: string;
}

/**
 * The year of publication: the latest year the text speaks of, either printed (2015年) or implied by a
 * dated event. Years inside 《…》 are plans and documents (《2015-2018年规划》), not events, and years
 * after `now` are targets; both are skipped.
 */
export function inferYear(text: string, now = new Date().getFullYear()): YearGuess | undefined {
  const plain = text.replace(/《[^《》\n]*》/gu, (title) => ' '.repeat(title.length));
  let best: YearGuess | undefined;
  const consider = (year: number, evidence: string) => {
    if (year <= now && (!best || year > best.year)) best = { year, evidence };
  };
  for (const match of plain.matchAll(/(?<!\d)(1[89]\d\d|20\d\d)(?=年)/gu)) consider(Number(match[1]), `${match[1]}年`);
  for (const { pattern, year } of DATED_EVENTS) {
    const match = pattern.exec(plain);
    if (match) consider(year, `“${match[0]}”（${year}年）`);
  }
  return best;
}

/** Words too general to tell topics apart. */
const STOP_WORDS = new Set(['工会', '职工', '服务', '权益', '工作', '建设', '活动', '竞赛', '各类', '组织', '企业', '劳动者', '回顾']);

/** The words a topic is recognised by: its name (and its stem before 工作) and the phrases of its description. */
export function topicKeywords(topic: TopicEntry): string[] {
  const stem = topic.name.endsWith('工作') ? [topic.name.slice(0, -2)] : [];
  const phrases = [topic.name, ...stem, ...topic.description.split(/[、，。；：“”‘’（）()\s与的]/u)];
  const words = phrases.map((p) => p.trim()).filter((p) => [...p].length >= 2 && !STOP_WORDS.has(p));
  return [...new Set(words)];
}

export interface TopicGuess {
  id: string;
  name: string;
  score: number;
  /** The keywords found, with their counts. */
  hits: { word: string; count: number }[];
}

/**
 * Topics whose keywords the text uses. Each keyword counts up to three times, two-character words
 * (入会, 培训) half as much, so one common word cannot outweigh several specific ones. Topics scoring
 * under 2 or under a fifth of the best are left out — unless that leaves none, then the best is kept.
 */
export function suggestTopics(text: string, topics: readonly TopicEntry[], max = 6): TopicGuess[] {
  const ranked = topics
    .map((topic) => {
      const hits = topicKeywords(topic)
        .map((word) => ({ word, count: countOccurrences(text, word) }))
        .filter((h) => h.count > 0);
      const score = hits.reduce((sum, h) => sum + Math.min(h.count, 3) * ([...h.word].length >= 3 ? 1 : 0.5), 0);
      return { id: topic.id, name: topic.name, score, hits };
    })
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const best = ranked[0]?.score ?? 0;
  const strong = ranked.filter((t) => t.score >= 2 && t.score * 5 >= best);
  return (strong.length > 0 ? strong : ranked.slice(0, 1)).slice(0, max);
}
