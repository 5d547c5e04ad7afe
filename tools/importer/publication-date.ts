/**
 * When a report was published, from the most trusted source that has it: the manifest or a flag (the
 * caller's), the file name (20240124, 2024-01-24, 2024年1月24日), a dateline or print line in the text
 * (本报讯, 新华社…电, 出版日期). Years the body mentions are only a low-confidence suggestion: a report
 * speaks of past years (党的十八大以来), targets (到2025年) and anniversaries (建党100周年) as often as
 * of its own.
 */

export interface FoundDate {
  /** ISO 8601 at its precision: 2024, 2024-01 or 2024-01-24. */
  value: string;
  precision: 'year' | 'month' | 'day';
  year: number;
  /** The words that give the date, as printed. */
  evidence: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(year: number, month?: number, day?: number): boolean {
  if (!(year >= 1900 && year <= 2100)) return false;
  if (month === undefined) return true;
  if (!(month >= 1 && month <= 12)) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function found(
  year: number,
  month: number | undefined,
  day: number | undefined,
  evidence: string,
): FoundDate | undefined {
  if (!validDate(year, month, day)) return undefined;
  if (month === undefined) return { value: String(year), precision: 'year', year, evidence };
  if (day === undefined) return { value: `${year}-${pad(month)}`, precision: 'month', year, evidence };
  return { value: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', year, evidence };
}

/** A date written 2024年1月24日, 2024-01-24, 2024.1.24, 2024/01/24 or 20240124 (year first, as Chinese dates are). */
const DATE_SHAPES: RegExp[] = [
  /(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/u,
  /(?<!\d)((?:19|20)\d\d)[-_./](\d{1,2})(?:[-_./](\d{1,2}))?(?!\d)/u,
  // Eight digits alone, not inside a longer code or hash (4679e7e5…).
  /(?<![\dA-Za-z])((?:19|20)\d\d)(\d\d)(\d\d)(?![\dA-Za-z])/u,
];

function firstDate(text: string): FoundDate | undefined {
  for (const shape of DATE_SHAPES) {
    for (const match of text.matchAll(new RegExp(shape.source, 'gu'))) {
      const [evidence, year, month, day] = match;
      const date = found(Number(year), Number(month), day === undefined ? undefined : Number(day), evidence.trim());
      if (date) return date;
    }
  }
  return undefined;
}

/** The first date or, failing that, year written in a text (a file name, a manifest cell). */
export function parseDate(text: string): FoundDate | undefined {
  const year = /(?<![\dA-Za-z])((?:19|20)\d\d)(?:年)?(?![\dA-Za-z])/u.exec(text)?.[1];
  return firstDate(text) ?? (year === undefined ? undefined : found(Number(year), undefined, undefined, year));
}

/** The date in a file name (its folder names are not read). */
export function dateFromFileName(name: string): FoundDate | undefined {
  return parseDate(name.split(/[\\/]/u).at(-1) ?? name);
}

/** How many lines at either end of a text are searched for a print line. */
const EDGE_LINES = 6;

/**
 * A printed date: a dateline (本报北京1月24日电 with the year, 新华社北京2024年1月24日电, 本报讯 2024年…),
 * a print line (出版日期：2024年1月24日, 2024年1月24日 星期三) among the first and last lines.
 */
export function datelineDate(text: string): FoundDate | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const edges = [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
  const FULL = '((?:19|20)\\d\\d)\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日';
  const patterns = [
    new RegExp(`(?:新华社|中新社|本报|人民网|新华网)[^，。\\n]{0,12}?${FULL}\\s*电`, 'u'),
    new RegExp(`本报讯[^。\\n]{0,20}?${FULL}`, 'u'),
    new RegExp(`(?:出版日期|出版时间|刊发日期|发布日期|日期)\\s*[:：]?\\s*${FULL}`, 'u'),
    new RegExp(`^${FULL}\\s*(?:星期|周)[一二三四五六日天]`, 'u'),
  ];
  for (const line of edges) {
    for (const pattern of patterns) {
      const match = pattern.exec(line);
      if (match) {
        const date = found(Number(match[1]), Number(match[2]), Number(match[3]), match[0]);
        if (date) return date;
      }
    }
  }
  return undefined;
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

/**
 * A year mention that does not date the text: a starting point (2012年以来, 自2015年起), a target
 * (到2025年, 至2035年, 2025年前: so also a span's end after 至), a span's start (2015—2018年), an
 * anniversary (1921年…100周年) or a document title (《2016年工作要点》, blanked before).
 */
function notDating(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  const after = text.slice(end, end + 16);
  return (
    /^年?(?:以来|来|起|开始|至今|之前|前|后|底前|年底前|以前)/u.test(after.slice(1)) ||
    /^年(?:[^，。；\n]{0,10}?)?(?:以来|至今)/u.test(after) ||
    // (截至2023年底 dates the text: as of then.)
    (/(?:到|至|自|从)$/u.test(before) && !/截至$|截止$/u.test(before)) ||
    /^年?\s*[-—–~～至到]\s*(?:19|20)?\d\d/u.test(after) ||
    /^年?[^，。；\n]{0,10}?(?:周年|诞辰|纪念)/u.test(after) ||
    /(?:纪念|建于|成立于|始于|创建于|诞生于)$/u.test(before)
  );
}

/**
 * A low-confidence year from the body: the latest year it mentions that could be the time of the
 * report (not a starting point, target, span start or anniversary), or a dated event. Years after `now`
 * are targets too. The review must confirm it.
 */
export function bodyYear(text: string, now = new Date().getFullYear()): { year: number; evidence: string } | undefined {
  const plain = text.replace(/《[^《》\n]*》/gu, (title) => ' '.repeat(title.length));
  let best: { year: number; evidence: string } | undefined;
  const consider = (year: number, evidence: string) => {
    if (year <= now && (!best || year > best.year)) best = { year, evidence };
  };
  for (const match of plain.matchAll(/(?<!\d)(1[89]\d\d|20\d\d)(?=年)/gu)) {
    if (!notDating(plain, match.index, match.index + 4)) consider(Number(match[1]), `${match[1]}年`);
  }
  for (const { pattern, year } of DATED_EVENTS) {
    const match = pattern.exec(plain);
    if (match) consider(year, `“${match[0]}”（${year}年）`);
  }
  return best;
}
