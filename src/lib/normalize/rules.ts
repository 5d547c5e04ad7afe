/** Rules 1–4 of the text normalisation (see ../normalize.ts): characters changed in place, line by line. */

const HAN = '\\p{Script=Han}';
/** Chinese characters and the full-width punctuation that sits among them. */
const CJK = `${HAN}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\u201C\\u201D\\u2018\\u2019\\u2014\\u2026`;
const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？' };

export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK_CHAR.test(char);
}

/** Rule 1. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The character (code point) that ends just before UTF-16 offset `i`. */
function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  const high = text.charCodeAt(i - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(i - 2, i) : text[i - 1];
}

/** The character (code point) that starts at UTF-16 offset `i`. */
function charAt(text: string, i: number): string | undefined {
  const code = text.codePointAt(i);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** Whether a Chinese character stands right before or right after `text[i]`. */
const besideCjk = (text: string, i: number) => isCjk(charBefore(text, i)) || isCjk(charAt(text, i + 1));

/**
 * Rule 2: pairs quotes within each paragraph, so a stray closing mark cannot flip a whole document.
 * Only the quote marks and line breaks are visited (a 10 MB file is mostly neither).
 */
export function straightenQuotes(text: string): string {
  let doubleOpen = false;
  let singleOpen = false;
  return text.replace(/[\n“”‘’"']/g, (char: string, i: number) => {
    if (char === '\n') doubleOpen = singleOpen = false;
    else if (char === '“') doubleOpen = true;
    else if (char === '”') doubleOpen = false;
    else if (char === '‘') singleOpen = true;
    else if (char === '’') singleOpen = false;
    else if (char === '"') {
      doubleOpen = !doubleOpen;
      return doubleOpen ? '“' : '”';
    } else if (besideCjk(text, i)) {
      singleOpen = !singleOpen;
      return singleOpen ? '‘' : '’';
    }
    return char;
  });
}

/** Rule 3. */
export function fullWidthPunctuation(text: string): string {
  return text.replace(/[,;:()?]/g, (char: string, i: number) => (besideCjk(text, i) ? FULL_WIDTH[char]! : char));
}

/** Rule 4. */
export function removeCjkSpaces(text: string): string {
  const pattern = new RegExp(`(?<=[${CJK}])[ \\t\\u00A0\\u3000]+(?=[${CJK}])`, 'gu');
  return text.replace(pattern, '');
}

/** Rules 1–4 for body text; rejoining (rule 5) is separate because it needs the document's lines. */
export function normalizeText(text: string): string {
  return removeCjkSpaces(fullWidthPunctuation(straightenQuotes(normalizeLineEndings(text))));
}

/** Comparison form for "is this quote in that text": no whitespace, NFKC widths (，→, ０→0). */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
