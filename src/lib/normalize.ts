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
 * 5. Lines and words that OCR broke across lines or columns are rejoined (`rejoinBrokenLines`): a
 *    prose line that stops mid-sentence is continued by the next line when that is prose starting with
 *    a Chinese character. Headings, titles, bylines, banners and photo captions are never glued, and
 *    nothing is moved: a sentence interrupted by captions stays in two parts around them.
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

// Rule 5. OCR output keeps the page's line and column breaks; a break is undone only where a prose
// line stops mid-sentence and the next prose line carries on. Headings, titles, bylines and captions
// are not prose, so they are never glued to the text around them. The importer classifies lines with
// more knowledge (titles, bylines, page furniture) and joins them with the same `rejoinLines`.

const SENTENCE_END = /[。！？；：…」』）)\]】]$|[。！？]['"”’]$/u;
/** Marks that end a clause but never a heading or caption: a line stopping on one is cut mid-sentence. */
const CLAUSE_END = /[，、,]$/u;
const PAIRS = ['“”', '‘’', '《》', '（）', '()', '【】', '「」', '『』', '〈〉'] as const;
/** Longest line taken for a heading, and for one that interrupts a broken sentence (set in a column). */
const HEADLINE_MAX = 40;
const INTERRUPTING_HEADLINE_MAX = 24;
/** Longest line taken for a photo caption. */
const CAPTION_MAX = 50;

/** A non-blank line of a text: its 1-based line number and how many blank lines come before it. */
export interface TextLine {
  text: string;
  number: number;
  gapBefore: number;
}

/** The non-blank lines of a text, and the blank lines after the last one (to rebuild the text). */
export function textLines(text: string): { lines: TextLine[]; trailingGap: number } {
  const lines: TextLine[] = [];
  let gap = 0;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') {
      gap++;
    } else {
      lines.push({ text: line, number: i + 1, gapBefore: gap });
      gap = 0;
    }
  });
  return { lines, trailingGap: gap };
}

const chars = (text: string) => [...text];

/** True when the line does not end a sentence (no 。！？；：… or closing bracket at its end). */
export function leavesSentenceOpen(line: string): boolean {
  const text = line.trim();
  return text !== '' && !SENTENCE_END.test(text);
}

/** Every opening quote or bracket has its closing partner. */
export function isBalanced(text: string): boolean {
  return PAIRS.every(([open = '', close = '']) => text.split(open).length === text.split(close).length);
}

/** A series banner set letter by letter, e.g. `全 / 媒 / 体 / 主 / 题`. */
export function isSpacedBanner(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  return tokens.length >= 5 && tokens.every((token) => chars(token).length <= 2);
}

/** A heading, title or byline: short, no sentence punctuation, brackets paired, not cut mid-clause. */
export function isHeadlineShaped(line: string, maxLength = HEADLINE_MAX): boolean {
  const text = line.trim().replace(/^#{1,6}(?:\s+|$)/, '');
  if (text.length > 2 * maxLength) return false; // cheap check first: lines can be megabytes long
  const length = chars(text).length;
  if (length === 0 || length > maxLength) return false;
  if (/[。！？；!?;]/u.test(text) || CLAUSE_END.test(text) || /[：:]$/u.test(text)) return false;
  if (!isBalanced(text)) return false;
  // A line cut by the column ends on a fragment (`…，加强针`); a heading's last clause is a phrase.
  const lastClause = text.split(/[，,]/u).pop() ?? '';
  return !/[，,]/u.test(text) || chars(lastClause.trim()).length >= 4;
}

/** A photo caption: a short line, complete in itself (it may end with 。). */
export function isCaptionShaped(line: string): boolean {
  const text = line.trim();
  if (text.length > 2 * CAPTION_MAX) return false;
  const length = chars(text).length;
  return length > 0 && length <= CAPTION_MAX && !CLAUSE_END.test(text) && !text.startsWith('——') && isBalanced(text);
}

/** A numbered section heading: 一、促进就业, （二）…, 第三部分 …. */
export function isNumberedHeading(line: string): boolean {
  const text = line.trim();
  return (
    /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节部分篇])/u.test(
      text,
    ) && isHeadlineShaped(text)
  );
}

/** A line the OCR tool set off as a Markdown heading (`# …`, `## …`, or marks alone; `#话题#` is text). */
export function isMarkedLine(line: string): boolean {
  return /^#{1,6}(?:\s|$)/u.test(line.trim());
}

/** The pairwise test of rule 5: `next` carries on the sentence that `previous` leaves open. */
export function continuesSentence(previous: string, next: string): boolean {
  const text = next.trim();
  return (
    leavesSentenceOpen(previous) &&
    !isSpacedBanner(previous) &&
    text !== '' &&
    !isMarkedLine(text) &&
    !/^[*\->]/.test(text) &&
    !isSpacedBanner(text) &&
    isCjk(chars(text)[0])
  );
}

/**
 * What a line is to rule 5: `prose` may be continued and may continue an open sentence; an `aside`
 * (caption, page furniture) and a `break` (heading, title, byline) are never joined. After an aside
 * the sentence before it still counts as open when reading the next line (a continuation is not
 * mistaken for another caption), but it is not joined across: text is never moved.
 */
export type LineRole = 'prose' | 'aside' | 'break';

export interface RoleContext {
  /** The last line of the last prose paragraph, when that paragraph leaves its sentence open. */
  open?: string | undefined;
  /** The role given to the line before (across blank lines). */
  previousRole?: LineRole | undefined;
  /** The next non-blank line. */
  next?: TextLine | undefined;
}

/** Rule 5's own reading of a line, from its shape and place only. */
export function defaultLineRole(line: TextLine, context: RoleContext): LineRole {
  const text = line.text.trim();
  if (isMarkedLine(text) || isSpacedBanner(text) || isNumberedHeading(text)) return 'break';
  // Captions sit apart from the columns, after a wider gap, or in a run after another caption —
  // unless a sentence stopped on a comma before the captions is waiting for its end (blank lines at
  // the top of a file are no gap).
  const waiting = context.open !== undefined && CLAUSE_END.test(context.open.trim());
  const setApart =
    context.previousRole !== undefined && (line.gapBefore >= 2 || (context.previousRole === 'aside' && !waiting));
  if (isCaptionShaped(text) && setApart) return 'aside';
  if (context.open !== undefined) {
    // A sentence stopped on a comma goes on; a short headline between the two halves of a broken
    // sentence is a column heading set into it.
    if (CLAUSE_END.test(context.open.trim())) return 'prose';
    const interrupts =
      isHeadlineShaped(text, INTERRUPTING_HEADLINE_MAX) &&
      context.next !== undefined &&
      continuesSentence(context.open, context.next.text);
    return interrupts ? 'break' : 'prose';
  }
  return isHeadlineShaped(text) && context.next !== undefined ? 'break' : 'prose';
}

/** A paragraph (or heading, caption …) after rule 5: its text and the source lines it joins. */
export interface JoinedBlock<L extends TextLine = TextLine> {
  role: LineRole;
  text: string;
  lines: L[];
}

/**
 * Rule 5 over classified lines: each prose line that directly follows a prose paragraph and continues
 * its open sentence is appended to that paragraph.
 */
export function rejoinLines<L extends TextLine>(
  lines: readonly L[],
  roleOf: (line: L, context: RoleContext) => LineRole = defaultLineRole,
): JoinedBlock<L>[] {
  const blocks: JoinedBlock<L>[] = [];
  // The open paragraph's parts are joined once at the end, so a long run of broken lines stays linear.
  let open: { block: JoinedBlock<L>; parts: string[] } | undefined;
  let previousRole: LineRole | undefined;
  const close = () => {
    if (open && open.parts.length > 1) open.block.text = open.parts.join('');
    open = undefined;
  };
  lines.forEach((line, i) => {
    const tail = open?.parts[open.parts.length - 1];
    const openTail = tail !== undefined && leavesSentenceOpen(tail) ? tail : undefined;
    const role = roleOf(line, { open: openTail, previousRole, next: lines[i + 1] });
    const adjacent = previousRole === 'prose';
    previousRole = role;
    if (role === 'prose' && adjacent && open && openTail !== undefined && continuesSentence(openTail, line.text)) {
      open.parts[open.parts.length - 1] = openTail.trimEnd();
      open.parts.push(line.text.trim());
      open.block.lines.push(line);
      return;
    }
    const block: JoinedBlock<L> = { role, text: line.text, lines: [line] };
    blocks.push(block);
    if (role === 'prose') {
      close();
      open = { block, parts: [line.text] };
    } else if (role === 'break') {
      close();
    }
  });
  close();
  return blocks;
}

/** Rule 5 on a whole text: joined lines lose the blank lines between them; all else stays. */
export function rejoinBrokenLines(text: string): string {
  const { lines, trailingGap } = textLines(text);
  const blocks = rejoinLines(lines);
  return (
    blocks.map((block) => '\n'.repeat(block.lines[0]?.gapBefore ?? 0) + block.text).join('\n') +
    '\n'.repeat(trailingGap)
  );
}

/** Rules 1–4 for body text; rejoining (rule 5) is separate because it needs the document's lines. */
export function normalizeText(text: string): string {
  return removeCjkSpaces(fullWidthPunctuation(straightenQuotes(normalizeLineEndings(text))));
}

/** Comparison form for "is this quote in that text": no whitespace, NFKC widths (，→, ０→0). */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
