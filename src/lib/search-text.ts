/**
 * The text model of exact search, shared by the indexer (src/integrations/pagefind.ts), the search page
 * and the tests' oracle, so all three agree on what "contains" means.
 *
 * - Folding: each code point on its own is NFKC-normalised (full-width digits, Latin and ％ become
 *   half-width) and lower-cased, and, given a converter, traditional characters become simplified. A
 *   code point always folds to exactly one code point, so offsets in folded and original text agree and
 *   "folded text contains folded query" is plain substring containment.
 * - Whitespace (and zero-width spaces) is ignored: it is removed before indexing and separates terms.
 * - Coding: Pagefind's own Chinese segmentation is not exact (see shared SEARCH-NOTES), so each report
 *   is indexed as a sequence of ASCII-coded character bigrams, one per position; a query of n ≥ 2
 *   characters becomes the quoted phrase of its n − 1 bigrams, which Pagefind matches at consecutive
 *   positions: exactly the substring occurrences. Single characters are indexed once per record and
 *   zone as `y` tokens.
 * - Layout of a record: the title's bigrams then its distinct characters, padded to TITLE_ZONE
 *   positions; then the body's bigrams (body character i at position TITLE_ZONE + i) and its distinct
 *   characters. A match position below TITLE_ZONE is a title hit.
 */

/** Positions reserved for the title (its bigrams and distinct characters). */
export const TITLE_ZONE = 256;
/** The longest title the zone holds (bigrams + distinct characters ≤ 2 × length). */
export const MAX_TITLE_LENGTH = TITLE_ZONE / 2 - 1;
/** A word of punctuation only: it takes a position in Pagefind's index but indexes nothing. */
const GAP = '-';

const IGNORED = /[\s\u200b-\u200d\u2060\ufeff]+/gu;

/** Removes whitespace, which search ignores. */
export function stripSpace(text: string): string {
  return text.replace(IGNORED, '');
}

/** Query terms: whitespace separates them; ASCII double quotes (phrase syntax elsewhere) are dropped. */
export function queryTerms(query: string): string[] {
  return query
    .replace(/"/g, ' ')
    .split(IGNORED)
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

/**
 * The content of a report's search record: folded title and body (whitespace already removed) coded
 * as described above. Throws when the title does not fit its zone.
 */
export function codedRecord(title: string, body: string): string {
  const titleChars = [...title];
  if (titleChars.length > MAX_TITLE_LENGTH) {
    throw new Error(`title longer than ${MAX_TITLE_LENGTH} characters cannot be indexed: ${title.slice(0, 40)}…`);
  }
  const bodyChars = [...body];
  const zone = [...bigrams(titleChars), ...[...new Set(titleChars)].map(unigram)];
  while (zone.length < TITLE_ZONE) zone.push(GAP);
  return [...zone, ...bigrams(bodyChars), ...[...new Set(bodyChars)].map(unigram)].join(' ');
}

/** The Pagefind query for one folded term: the quoted phrase of its coded bigrams (or its character). */
export function termPhrase(term: string): string {
  const chars = [...term];
  return `"${chars.length === 1 ? unigram(term) : bigrams(chars).join(' ')}"`;
}

/** Where a match at Pagefind word position `word` starts: in the title, or at body offset `offset`. */
export function matchPlace(word: number): { inTitle: true } | { inTitle: false; offset: number } {
  return word < TITLE_ZONE ? { inTitle: true } : { inTitle: false, offset: word - TITLE_ZONE };
}
