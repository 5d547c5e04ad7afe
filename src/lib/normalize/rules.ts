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

/** Rule 2: pairs quotes within each paragraph, so a stray closing mark cannot flip a whole document. */
export function straightenQuotes(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let doubleOpen = false;
      let singleOpen = false;
      const chars = [...line];
      return chars
        .map((char, i) => {
          if (char === '“') doubleOpen = true;
          else if (char === '”') doubleOpen = false;
          else if (char === '‘') singleOpen = true;
          else if (char === '’') singleOpen = false;
          else if (char === '"') {
            char = doubleOpen ? '”' : '“';
            doubleOpen = !doubleOpen;
          } else if (char === "'" && (isCjk(chars[i - 1]) || isCjk(chars[i + 1]))) {
            char = singleOpen ? '’' : '‘';
            singleOpen = !singleOpen;
          }
          return char;
        })
        .join('');
    })
    .join('\n');
}

/** Rule 3. */
export function fullWidthPunctuation(text: string): string {
  const chars = [...text];
  return chars
    .map((char, i) => {
      const wide = FULL_WIDTH[char];
      if (!wide) return char;
      return isCjk(chars[i - 1]) || isCjk(chars[i + 1]) ? wide : char;
    })
    .join('');
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
