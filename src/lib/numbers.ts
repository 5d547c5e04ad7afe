/**
 * Chinese quantities as printed in the reports (4.35万个, 1.4亿元, 85%以上, 近150万, 2.5万多人次, and in
 * Chinese numerals 三千五百万元, 两千余人, 百分之六十五) and the plain numbers the archive stores. Parsing
 * and display share one grammar, so a value formatted for the page reads as the source printed it.
 */

/** Words that soften or bound a number; stored beside the value, never folded into it. */
export const QUALIFIERS = ['多', '余', '近', '约', '超过', '以上', '左右'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

const PREFIX_QUALIFIERS = ['近', '约', '超过'] as const;
const SUFFIX_QUALIFIERS = ['以上', '左右'] as const;
const APPROX_QUALIFIERS = ['多', '余'] as const;

const MAGNITUDES = { 万亿: 1e12, 亿: 1e8, 万: 1e4 } as const;
type Magnitude = keyof typeof MAGNITUDES;

export interface Quantity {
  value: number;
  /** Unit after the number, with the magnitude removed: 元, 人次, %, 个 … ('' when none). */
  unit: string;
  qualifier?: Qualifier;
}

/** Multiplies exactly in decimal, so 4.35 × 10⁴ is 43500 and not 43499.99999999999. */
function scale(digits: string, factor: number): number {
  const [whole = '0', fraction = ''] = digits.split('.');
  const exponent = Math.round(Math.log10(factor));
  if (fraction.length <= exponent) {
    return Number(whole + fraction.padEnd(exponent, '0'));
  }
  return Number(`${whole}${fraction.slice(0, exponent)}.${fraction.slice(exponent)}`);
}

/** Chinese digits; 两 and 俩 are 2 and 〇 and 零 are 0. */
const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  俩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/*
 * Chinese numerals as regex source, in the order their places are written: 三千五百万, 一亿零五百万,
 * 十二, 一千零五, 三千五 (colloquial 3500). An Arabic run may stand in a digit's place (1万2千). The
 * grammar only keeps the places in order; chineseDigits() checks the rest and gives the value.
 */
const DIGIT = '(?:[一二两俩三四五六七八九]|\\d{1,4})';
const ZERO = '[零〇]';
const BELOW_WAN = `(?:${DIGIT}千)?(?:${ZERO}?${DIGIT}百)?(?:${ZERO}?${DIGIT}?十)?(?:${ZERO}?${DIGIT})?`;
const BELOW_YI = `${BELOW_WAN}(?:万${ZERO}?${BELOW_WAN})?`;
/** The first places may stand bare (百台, 千人, 百万); later ones never, so 一千万千瓦 is 一千万 千瓦. */
const LEADING = `(?:[百千](?![百千]))?${BELOW_YI}`;
const CHINESE_NUMBER =
  // A year read digit by digit (二〇一四年) is one number, not 4; other digit runs (三五年) are ranges.
  '[〇零一二三四五六七八九]{4}(?=年)|' +
  // Starts with a digit or a place (十二, 百台), holds a Chinese numeral (2014 alone is Arabic), 点 for decimals.
  `(?=[\\d零〇一二两俩三四五六七八九十百千])(?=\\d*[零〇一二两俩三四五六七八九十百千万亿])` +
  `${LEADING}(?:亿${ZERO}?${BELOW_YI})?(?:点[零〇一二三四五六七八九]+)?(?<=[\\d零〇一二两俩三四五六七八九十百千万亿])|` +
  // Zero alone (the grammar above needs a digit after 零, and ends on a numeral so it is never empty).
  '[零〇]';
/** Arabic digits; not when a magnitude and more digits follow, which is the mixed form 1万2千. */
const ARABIC_NUMBER = '(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?![万亿][\\d一二两俩三四五六七八九])';
/** One printed number, Arabic or Chinese, as regex source (no groups). */
const NUMBER = `(?:${ARABIC_NUMBER}|${CHINESE_NUMBER})`;

/** 1万2千 → "12000", 三点五 → "3.5", 二〇一四 → "2014": a numeral as a plain decimal string. */
function chineseDigits(text: string): string | undefined {
  const [integer = '', fraction, ...rest] = text.split('点');
  if (rest.length > 0 || integer === '') return undefined;
  let whole: number | undefined;
  if (/^[〇零一二三四五六七八九]{3,}$/u.test(integer)) {
    whole = Number([...integer].map((c) => CHINESE_DIGITS[c]).join('')); // 二〇一四, read digit by digit
  } else {
    whole = placeValue(integer);
  }
  if (whole === undefined) return undefined;
  if (fraction === undefined) return String(whole);
  if (!/^[〇零一二三四五六七八九]+$/u.test(fraction)) return undefined;
  return `${whole}.${[...fraction].map((c) => CHINESE_DIGITS[c]).join('')}`;
}

/** A numeral written with places (十百千万亿), or a lone digit; undefined when it breaks their order. */
function placeValue(text: string): number | undefined {
  let total = 0; // whole 亿 taken
  let wan = 0; // whole 万 taken below the current 亿
  let section = 0; // below 万
  let digit: number | undefined;
  let lastPlace = Infinity; // the places within a section fall: 千 百 十
  let lastUnit = 0; // the place just before the current digit, for 三千五 (= 3500)
  let zero = false;
  for (const token of text.match(/\d+|./gu) ?? []) {
    const place = CHINESE_UNITS[token];
    if (place === undefined) {
      const value = /^\d+$/u.test(token) ? Number(token) : CHINESE_DIGITS[token];
      if (value === undefined || digit !== undefined) return undefined; // not a numeral, or two digits in a row
      if (value === 0) {
        zero = true;
        continue;
      }
      digit = value;
      continue;
    }
    if (place < 1e4) {
      if (place >= lastPlace) return undefined;
      // A place stands without a digit only first, 百/千 in the number (百台), 十 in a section or after 零
      // (十二, 三万十五, 七千零十).
      const bare = place === 10 ? section === 0 || zero : section + total + wan === 0;
      if (digit === undefined && !bare) return undefined;
      section += (digit ?? 1) * place;
      lastPlace = place;
    } else {
      const below = section + (digit ?? 0);
      if (place === 1e4) {
        if (below === 0 || wan !== 0) return undefined;
        wan = below * 1e4;
      } else {
        if (below + wan === 0 || total !== 0) return undefined;
        total = (wan + below) * 1e8;
        wan = 0;
      }
      section = 0;
      lastPlace = Infinity;
    }
    digit = undefined;
    zero = false;
    lastUnit = place;
  }
  // A last digit right after a place counts one place lower (三千五 = 3500, 一万二 = 12000), after 零 as ones.
  const last = digit === undefined ? 0 : digit * (zero || lastUnit === 0 ? 1 : lastUnit / 10);
  return total + wan + section + last;
}

/** 十五 → 15, 两千零三 → 2003, 三千五百万 → 35000000, 二〇一四 → 2014; undefined when it is not one number. */
export function parseChineseNumeral(text: string): number | undefined {
  const digits = chineseDigits(text);
  return digits === undefined ? undefined : Number(digits);
}

/** The decimal string of a printed number, Arabic (with thousands separators) or Chinese. */
function numberDigits(text: string): string | undefined {
  return /^[\d,.]+$/u.test(text) ? text.replace(/,/g, '') : chineseDigits(text);
}

/**
 * The printed shape of one quantity as regex source, with named groups: prefix (近 约 超过), percent
 * (百分之), number, approxBefore (多/余), magnitude, approxAfter (多/余), unit (given as a pattern),
 * suffix (以上 左右). Shared with the importer, which looks for quantities inside running text.
 */
export function quantitySource(unit: string): string {
  return (
    `(?<prefix>${PREFIX_QUALIFIERS.join('|')})?` +
    `(?<percent>百分之)?` +
    `(?<number>${NUMBER})` +
    `(?<approxBefore>${APPROX_QUALIFIERS.join('|')})?` +
    `(?<magnitude>${Object.keys(MAGNITUDES).join('|')})?` +
    `(?<approxAfter>${APPROX_QUALIFIERS.join('|')})?` +
    `(?<unit>${unit})?` +
    `(?<suffix>${SUFFIX_QUALIFIERS.join('|')})?`
  );
}

/** The groups of a quantitySource match. */
export type QuantityGroups = Partial<
  Record<'prefix' | 'percent' | 'number' | 'approxBefore' | 'magnitude' | 'approxAfter' | 'unit' | 'suffix', string>
>;

/** True when the printed number carries 万/亿, inside a Chinese numeral (三千五百万) or after it (3.5万). */
export function hasMagnitude(groups: QuantityGroups): boolean {
  return !!groups.magnitude || /[万亿]/u.test(groups.number ?? '');
}

// A unit never starts with 以上/左右: those are the suffix qualifier (百分之六十五以上).
const QUANTITY_PATTERN = new RegExp(`^${quantitySource(`(?!${SUFFIX_QUALIFIERS.join('|')})[^\\d\\s]*?`)}$`, 'u');

/** Parses one printed quantity: `近150万` → { value: 1500000, unit: '', qualifier: '近' }; 百分之六十五 → 65 %. */
export function parseQuantity(text: string): Quantity {
  const source = text.normalize('NFKC').replace(/\s+/g, '');
  const groups: QuantityGroups | undefined = QUANTITY_PATTERN.exec(source)?.groups;
  const digits = numberDigits(groups?.number ?? '');
  if (!groups || digits === undefined || (groups.percent && groups.unit)) {
    throw new Error(`不是可识别的数量 / not a quantity: "${text}"`);
  }
  const { prefix, approxBefore, magnitude, approxAfter, suffix } = groups;
  const qualifiers = [prefix, approxBefore, approxAfter, suffix].filter((q): q is Qualifier => !!q);
  if (qualifiers.length > 1) throw new Error(`数量含多个限定词 / more than one qualifier: "${text}"`);
  // 一万多亿 scales the numeral, but in 一亿零十多万 the 万 scales only the part after 亿: refused, not misread.
  if (magnitude && new RegExp(magnitude === '亿' ? '亿' : '[万亿]', 'u').test(groups.number ?? '')) {
    throw new Error(`万/亿位次不清 / magnitudes out of order: "${text}"`);
  }
  const value = magnitude ? scale(digits, MAGNITUDES[magnitude as Magnitude]) : Number(digits);
  const quantity: Quantity = { value, unit: groups.percent ? '%' : (groups.unit ?? '') };
  if (qualifiers[0]) quantity.qualifier = qualifiers[0];
  return quantity;
}

/** Trims a float to at most `places` decimals without binary noise (1.7683 stays, 2.5000001 → 2.5). */
function decimalString(value: number, places: number): string {
  return Number(value.toFixed(places)).toString();
}

function hasAtMostDecimals(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** The printed form of a plain number: 43500 → 4.35万, 140000000 → 1.4亿, 17683 → 17683. */
function splitMagnitude(value: number, unit: string): { mantissa: string; magnitude: string } {
  if (unit !== '%') {
    for (const [magnitude, factor] of Object.entries(MAGNITUDES)) {
      const mantissa = value / factor;
      // 万 is used when it stays readable (at most two decimals), 亿 when at most four.
      const places = magnitude === '万' ? 2 : 4;
      if (Math.abs(mantissa) >= 1 && hasAtMostDecimals(mantissa, places)) {
        return { mantissa: decimalString(mantissa, places), magnitude };
      }
    }
  }
  return { mantissa: decimalString(value, 6), magnitude: '' };
}

/** Chinese display form: { 1300000, '', 多 } → 130多万; { 25000, 人次, 多 } → 2.5万多人次. */
export function formatQuantity({ value, unit, qualifier }: Quantity): string {
  const { mantissa, magnitude } = splitMagnitude(value, unit);
  let number = `${mantissa}${magnitude}`;
  if (qualifier === '多' || qualifier === '余') {
    // 130多万 but 2.5万多: the approximation word cannot follow a decimal mantissa directly.
    number = magnitude && !mantissa.includes('.') ? `${mantissa}${qualifier}${magnitude}` : `${number}${qualifier}`;
  }
  const prefix = qualifier && (PREFIX_QUALIFIERS as readonly string[]).includes(qualifier) ? qualifier : '';
  const suffix = qualifier && (SUFFIX_QUALIFIERS as readonly string[]).includes(qualifier) ? qualifier : '';
  return `${prefix}${number}${unit}${suffix}`;
}

export interface NumberMention {
  /** The text as it stands, e.g. `130多万`. */
  raw: string;
  value: number;
  index: number;
}

const MENTION_PATTERN = new RegExp(`(${NUMBER})(?:多|余)?(万亿|亿|万)?`, 'gu');

/** Every number a text states, with 万/亿 applied: `累计76.2万人次，支出4.3亿元` → 762000, 430000000. */
export function findNumbers(text: string): NumberMention[] {
  const source = text.normalize('NFKC');
  const mentions: NumberMention[] = [];
  for (const match of source.matchAll(MENTION_PATTERN)) {
    const [raw, number = '', magnitude] = match;
    const digits = numberDigits(number);
    if (digits === undefined) continue;
    const value = magnitude ? scale(digits, MAGNITUDES[magnitude as Magnitude]) : Number(digits);
    mentions.push({ raw, value, index: match.index });
  }
  return mentions;
}

/** True when the text states `value` (after 万/亿 scaling). */
export function statesNumber(text: string, value: number): boolean {
  return findNumbers(text).some((m) => Math.abs(m.value - value) <= Math.abs(value) * 1e-9);
}
