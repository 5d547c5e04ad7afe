/**
 * Chinese quantities as printed in the reports (4.35万个, 1.4亿元, 85%以上, 近150万, 2.5万多人次) and the
 * plain numbers the archive stores. Parsing and display share one grammar, so a value formatted for the
 * page reads as the source printed it.
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

/**
 * The printed shape of one quantity as regex source, groups in this order: prefix qualifier, digits,
 * 多/余, magnitude, 多/余, unit (given as a pattern), suffix qualifier. Shared with the importer, which
 * looks for quantities inside running text.
 */
export function quantitySource(unit: string): string {
  return (
    `(${PREFIX_QUALIFIERS.join('|')})?` +
    `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)` +
    `(${APPROX_QUALIFIERS.join('|')})?` +
    `(${Object.keys(MAGNITUDES).join('|')})?` +
    `(${APPROX_QUALIFIERS.join('|')})?` +
    `(${unit})?` +
    `(${SUFFIX_QUALIFIERS.join('|')})?`
  );
}

const QUANTITY_PATTERN = new RegExp(`^${quantitySource('[^\\d\\s]*?')}$`);

/** Parses one printed quantity: `近150万` → { value: 1500000, unit: '', qualifier: '近' }. */
export function parseQuantity(text: string): Quantity {
  const source = text.normalize('NFKC').replace(/\s+/g, '');
  const match = QUANTITY_PATTERN.exec(source);
  if (!match) throw new Error(`不是可识别的数量 / not a quantity: "${text}"`);
  const [, prefix, separated = '', approxBefore, magnitude, approxAfter, unit = '', suffix] = match;
  const digits = separated.replace(/,/g, '');
  const qualifiers = [prefix, approxBefore, approxAfter, suffix].filter((q): q is Qualifier => !!q);
  if (qualifiers.length > 1) throw new Error(`数量含多个限定词 / more than one qualifier: "${text}"`);
  const value = magnitude ? scale(digits, MAGNITUDES[magnitude as Magnitude]) : Number(digits);
  const quantity: Quantity = { value, unit };
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

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十五 → 15, 二十三 → 23, 一百二十 → 120 (numbers below 万 written in characters). */
export function parseChineseNumeral(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[char];
    } else if (char in CHINESE_UNITS) {
      total += (digit ?? 1) * (CHINESE_UNITS[char] ?? 0);
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + (digit ?? 0);
}

export interface NumberMention {
  /** The text as it stands, e.g. `130多万`. */
  raw: string;
  value: number;
  index: number;
}

const MENTION_PATTERN =
  /(\d+(?:,\d{3})*(?:\.\d+)?)(多|余)?(万亿|亿|万)?|([零〇一二两三四五六七八九十百千]+)(多|余)?(万亿|亿|万)?/g;

/** Every number a text states, with 万/亿 applied: `累计76.2万人次，支出4.3亿元` → 762000, 430000000. */
export function findNumbers(text: string): NumberMention[] {
  const source = text.normalize('NFKC');
  const mentions: NumberMention[] = [];
  for (const match of source.matchAll(MENTION_PATTERN)) {
    const [raw, digits, , magnitude, numeral, , numeralMagnitude] = match;
    const factor = MAGNITUDES[(magnitude ?? numeralMagnitude) as Magnitude] ?? 1;
    let value: number | undefined;
    if (digits !== undefined) {
      value = scale(digits.replace(/,/g, ''), factor);
    } else if (numeral !== undefined) {
      const base = parseChineseNumeral(numeral);
      value = base === undefined ? undefined : base * factor;
    }
    if (value !== undefined) mentions.push({ raw, value, index: match.index });
  }
  return mentions;
}

/** True when the text states `value` (after 万/亿 scaling). */
export function statesNumber(text: string, value: number): boolean {
  return findNumbers(text).some((m) => Math.abs(m.value - value) <= Math.abs(value) * 1e-9);
}
