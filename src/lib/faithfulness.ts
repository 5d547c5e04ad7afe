/**
 * "Nothing lost, nothing invented": compares an article with its source text sentence by sentence.
 * Both sides are cut into sentence pieces (at line breaks and after 。！？) in comparable form; every
 * piece of one side must stand somewhere in the other. Order-free, so captions may move and page
 * furniture may leave the body, but no sentence can be dropped, reworded or added.
 */
import { comparable, normalizeText } from './normalize.ts';

export function sentencePieces(text: string): string[] {
  return text
    .split(/\n|(?<=[。！？])/u)
    .map(comparable)
    .filter((piece) => piece !== '');
}

/** Pieces of `text` that do not occur in `pool`. */
export function piecesMissingFrom(text: string, pool: string): string[] {
  const haystack = comparable(pool);
  return sentencePieces(text).filter((piece) => !haystack.includes(piece));
}

/**
 * The source text an article is cut from: the given lines (1-based, inclusive) of the original file,
 * with the OCR file's Markdown heading marks removed and the normalisation rules applied.
 */
export function sourceSegment(raw: string, lines?: { from: number; to: number }): string {
  const all = normalizeText(raw).split('\n');
  const slice = lines ? all.slice(lines.from - 1, lines.to) : all;
  // Only a heading mark followed by a space (or nothing) is layout; `#话题#` is text.
  return slice.map((line) => line.replace(/^\s*#{1,6}(?:\s+|$)/, '')).join('\n');
}

/**
 * A byline leaves the body for the authors field; its printed decoration (the □ byline mark, the
 * brackets around names at the end of a report) is not text. These are the forms it may stand in.
 */
export function bylineForms(authors: readonly { name: string; role?: string | undefined }[]): string[] {
  if (authors.length === 0) return [];
  const names = authors.map((a) => a.name).join(' ');
  const withRoles = authors.map((a) => `${a.role ?? ''} ${a.name}`).join(' ');
  return [withRoles, `□ ${names}`, `（${names}）`];
}
