/**
 * The archive's text normalisation rules: the only changes made silently to a source text.
 * Listed for readers in the README ("Text normalisation"); the importer and the content tests use
 * these same functions, so the rules are applied one way everywhere.
 *
 * 1. Byte-order marks are dropped and line endings become `\n`.
 * 2. Quotes are straightened: ASCII `"`/`'` around Chinese text become “ ” / ‘ ’, pairing with any
 *    curly quotes already there.
 * 3. Half-width `, ; : ( ) ?` next to a Chinese character become full-width `，；：（）？`
 *    (`3:00`, `1,000` and other Latin/digit runs are left alone).
 * 4. Stray spaces between two Chinese characters are removed (headlines and bylines, where a space
 *    separates headline parts or names, are not passed through this rule).
 * 5. Lines and words that OCR broke across lines or columns are rejoined (`rejoinBrokenLines`).
 */

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

const SENTENCE_END = /[。！？；：…」』）)\]】]$|[。！？]['"”’]$/u;

/**
 * Rule 5: a prose line that stops mid-sentence and is followed (after blank lines) by a line that
 * continues it was broken by OCR. Only long lines count as prose, so headings and captions, which
 * carry no final punctuation, are not glued to the paragraph after them.
 */
export function rejoinBrokenLines(text: string, minProseLength = 24): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const previousIndex = out.length - 1;
    const current = line.trim();
    let lastProse = previousIndex;
    while (lastProse >= 0 && out[lastProse]?.trim() === '') lastProse--;
    const previous = lastProse >= 0 ? (out[lastProse] ?? '') : '';
    const broken =
      current !== '' &&
      [...previous.trim()].length >= minProseLength &&
      !SENTENCE_END.test(previous.trim()) &&
      !/^[#>*\-]/.test(current) &&
      isCjk([...current][0]);
    if (broken) {
      out.length = lastProse + 1;
      out[lastProse] = previous.trimEnd() + current;
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

/** Rules 1–4 for body text; rejoining (rule 5) is separate because it needs the document's lines. */
export function normalizeText(text: string): string {
  return removeCjkSpaces(fullWidthPunctuation(straightenQuotes(normalizeLineEndings(text))));
}

/** Comparison form for "is this quote in that text": no whitespace, NFKC widths (，→, ０→0). */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
