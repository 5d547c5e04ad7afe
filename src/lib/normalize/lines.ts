/**
 * Rule 5's reading of a text's lines (see ../normalize.ts): the non-blank lines, their shapes (heading,
 * caption, banner, a sentence left open) and the role each line plays; rejoin.ts joins them by role.
 */
import { isCjk } from './rules.ts';

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
