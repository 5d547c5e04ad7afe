/**
 * The text model of exact search, shared by the indexer (tools/search-index/), the search page
 * and the tests' oracle, so all three agree on what "contains" means.
 *
 * - Folding: each code point on its own is NFKC-normalised (full-width digits, Latin and ％ become
 *   half-width) and lower-cased, and, given a converter, traditional characters become simplified. A
 *   code point always folds to exactly one code point, so offsets in folded and original text agree and
 *   "folded text contains folded query" is plain substring containment.
 * - Whitespace (and zero-width spaces) is ignored: it is removed before indexing and separates terms.
 * - Quotation marks (“ ” ‘ ’ 「 」 『 』 " ', after folding, so full-width and vertical forms too) are
 *   ignored as well: readers type `长三角黄金地带` for a printed `“长三角”黄金地带`. The index and the
 *   query leave them out; the excerpt blocks keep them, and excerpts and highlights skip them when
 *   matching (indexedOffsets maps the indexed text back to the printed one).
 * - Coding: Pagefind's own Chinese segmentation is not exact (see shared SEARCH-NOTES), so each report
 *   is indexed as a sequence of ASCII-coded character bigrams, one per position; a query of n ≥ 2
 *   characters matches where its n − 1 bigrams stand at consecutive positions: exactly the substring
 *   occurrences. Single characters are indexed once per report and zone as `y` tokens. The codes are
 *   prefix-free, so Pagefind's prefix matching of a word finds only that word.
 * - Layout of a report: the title's bigrams then its distinct characters, padded to TITLE_ZONE
 *   positions; then the body's bigrams (body character i at position TITLE_ZONE + i); then the body's
 *   distinct characters. So a report spans TITLE_ZONE + (L − 1) + D positions for a body of L characters,
 *   D of them distinct (reportSpan). A match position below TITLE_ZONE is a title hit.
 * - Pagefind holds one record per group of GROUP_SIZE consecutive reports (their layouts one after
 *   another): Pagefind's memory, time and metadata grow with the number of records, and the search
 *   finds a match's report from its position and the reports' L and D (groupLayout).
 */

/** Positions reserved for the title (its bigrams and distinct characters). */
export const TITLE_ZONE = 256;
/**
 * Reports per Pagefind record. Measured with 1,000 generated reports (bench): 1 → 1.4 GiB and 39 s of
 * indexing, 10 → 0.8 GiB and 19 s, 50 → 0.46 GiB and 9 s, 200 → 0.43 GiB and 9 s; larger groups
 * only add to what a query's index chunks carry per record.
 */
export const GROUP_SIZE = 50;
/** The longest title the zone holds (bigrams + distinct characters ≤ 2 × length). */
export const MAX_TITLE_LENGTH = TITLE_ZONE / 2 - 1;
/** A word of punctuation only: it takes a position in Pagefind's index but indexes nothing. */
export const GAP = '-';

const IGNORED = /[\s\u200b-\u200d\u2060\ufeff]+/gu;

/** Removes whitespace, which search ignores. */
export function stripSpace(text: string): string {
  return text.replace(IGNORED, '');
}

/** Quotation marks, in folded text (NFKC makes ＂ ＇ ﹁ ﹂ ﹃ ﹄ and ｢ ｣ these). */
export const QUOTE_MARK = /[“”‘’「」『』"']/u;
const QUOTES = new RegExp(QUOTE_MARK.source, 'gu');

/** Folded text as the index holds it: quotation marks left out. */
export function withoutQuotes(folded: string): string {
  return folded.replace(QUOTES, '');
}

/**
 * Where each character the index holds (all but quotation marks) stands in the printed text: code
 * point offsets, given the folded text (which has the printed text's offsets).
 */
export function indexedOffsets(folded: string): number[] {
  const offsets: number[] = [];
  let i = 0;
  for (const char of folded) {
    if (!QUOTE_MARK.test(char)) offsets.push(i);
    i++;
  }
  return offsets;
}

/**
 * Folded query terms: whitespace separates them, quotation marks (ASCII " is phrase syntax elsewhere)
 * are left out as in the index, and a term of quotation marks alone is no term.
 */
export function queryTerms(query: string, fold: (text: string) => string): string[] {
  return query
    .split(IGNORED)
    .map((term) => withoutQuotes(fold(term)))
    .filter((term) => term !== '');
}

const single = (text: string) =>
  text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff) ? text : null;

/** NFKC and lower case of one code point, each kept only when it gives a single code point. */
function foldBasic(char: string): string {
  const normal = single(char.normalize('NFKC')) ?? char;
  return single(normal.toLowerCase()) ?? normal;
}

export type Converter = (text: string) => string;

/**
 * A folding function over whole texts. With a traditional→simplified converter, each character is
 * converted on its own (a phrase-level conversion would make folding depend on context) until it no
 * longer changes, so folding is idempotent.
 */
export function createFolder(toSimplified?: Converter): (text: string) => string {
  const cache = new Map<string, string>();
  const foldChar = (char: string): string => {
    let folded = cache.get(char);
    if (folded !== undefined) return folded;
    folded = foldBasic(char);
    for (let i = 0; toSimplified && i < 4; i++) {
      const next = single(toSimplified(folded));
      if (next === null || next === folded) break;
      folded = foldBasic(next);
    }
    cache.set(char, folded);
    return folded;
  };
  return (text: string) => {
    let out = '';
    for (const char of text) out += foldChar(char);
    return out;
  };
}

/** Characters that may differ from their folded form only through conversion: Han script. */
export const HAN = /\p{Script=Han}/u;

/** ASCII code of a code point: 3 base-36 digits for CJK (first digit 0–l), else `z` + 4 digits. */
function charCode(char: string): string {
  const cp = char.codePointAt(0)!;
  return cp >= 0x3400 && cp <= 0x9fff
    ? (cp - 0x3400).toString(36).padStart(3, '0')
    : `z${cp.toString(36).padStart(4, '0')}`;
}

const unigram = (char: string) => `y${charCode(char)}`;

function bigrams(chars: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) words.push(charCode(chars[i]!) + charCode(chars[i + 1]!));
  return words;
}

/** Characters of a body: its length and how many are distinct (each is a word of its record). */
export interface BodyShape {
  length: number;
  distinct: number;
}

/** Of a folded body, as indexed (quotation marks left out). */
export function bodyShape(body: string): BodyShape {
  const chars = [...withoutQuotes(body)];
  return { length: chars.length, distinct: new Set(chars).size };
}

/** Positions a report spans in its group's record. */
export const reportSpan = ({ length, distinct }: BodyShape) => TITLE_ZONE + Math.max(0, length - 1) + distinct;

/**
 * The words of a report in its group's record: folded title and body (whitespace already removed)
 * without their quotation marks, coded as described above, exactly reportSpan(bodyShape(body)) of
 * them; a word that `keep` refuses (another index shard's) stands as a gap. Throws when the title does
 * not fit its zone.
 */
export function codedReport(title: string, body: string, keep?: (word: string) => boolean): string {
  const titleChars = [...withoutQuotes(title)];
  if (titleChars.length > MAX_TITLE_LENGTH) {
    throw new Error(`title longer than ${MAX_TITLE_LENGTH} characters cannot be indexed: ${title.slice(0, 40)}…`);
  }
  const zone = [...bigrams(titleChars), ...[...new Set(titleChars)].map(unigram)];
  while (zone.length < TITLE_ZONE) zone.push(GAP);
  const bodyChars = [...withoutQuotes(body)];
  const words = [...zone, ...bigrams(bodyChars), ...[...new Set(bodyChars)].map(unigram)];
  return (keep ? words.map((word) => (word === GAP || keep(word) ? word : GAP)) : words).join(' ');
}

/** Where each group's reports start in its record, from the reports' body shapes (in report order). */
export interface Group {
  /** Number of the group's first report. */
  first: number;
  /** Start position of each of its reports. */
  starts: number[];
}

export function groupLayout(shapes: readonly BodyShape[]): Group[] {
  const groups: Group[] = [];
  for (let first = 0; first < shapes.length; first += GROUP_SIZE) {
    const starts: number[] = [];
    let position = 0;
    for (const shape of shapes.slice(first, first + GROUP_SIZE)) {
      starts.push(position);
      position += reportSpan(shape);
    }
    groups.push({ first, starts });
  }
  return groups;
}

/** The report (number) holding position `word` of a group's record, and the position within the report. */
export function locateInGroup(group: Group, word: number): { report: number; word: number } {
  let low = 0;
  let high = group.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (group.starts[mid]! <= word) low = mid;
    else high = mid - 1;
  }
  return { report: group.first + low, word: word - group.starts[low]! };
}

/**
 * The coded words of one folded term, in order: its bigrams, or its character. The term occurs where
 * word i stands at position p + i for every i.
 */
export function termWords(term: string): string[] {
  const chars = [...term];
  return chars.length === 1 ? [unigram(term)] : bigrams(chars);
}
