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

type Author = { name: string; role?: string | undefined };

/** Authors as printed: one role before all its names (本报记者 张三、李四 通讯员 王五), or before each. */
function bylineTexts(authors: readonly Author[], separator: string): string[] {
  const grouped: { role: string; names: string[] }[] = [];
  for (const { name, role = '' } of authors) {
    const last = grouped.at(-1);
    if (last && last.role === role) last.names.push(name);
    else grouped.push({ role, names: [name] });
  }
  const join = (parts: readonly string[]) => parts.filter((p) => p !== '').join(' ');
  return [
    join(grouped.map((g) => join([g.role, g.names.join(separator)]))),
    join(authors.map((a) => join([a.role ?? '', a.name]))),
    authors.map((a) => a.name).join(separator),
  ];
}

/**
 * A byline leaves the body for the authors field; its printed decoration (the □ byline mark, the
 * brackets around names at the end of a report) is not text. These are the forms it may stand in, most
 * specific first: with or without □/■ or brackets, roles before each group of names or each name (or
 * none, for a byline whose roles an editor added), names apart by spaces, 、 or ，.
 */
export function bylineForms(authors: readonly Author[]): string[] {
  if (authors.length === 0) return [];
  const texts = ['、', '，', ' '].flatMap((separator) => bylineTexts(authors, separator));
  const framed = texts.flatMap((text) => [`□ ${text}`, `■ ${text}`, `（${text}）`, text]);
  return [...new Set(framed)];
}

/**
 * Everything of a source an article keeps: its body and the metadata printed text went to (title,
 * subtitle, byline, page furniture). "Nothing lost" is `piecesMissingFrom(source, keptText(article))`.
 */
export function keptText(article: {
  body: string;
  title: string;
  subtitle?: string | undefined;
  authors?: readonly Author[] | undefined;
  furniture?: readonly string[] | undefined;
}): string {
  return [
    article.body,
    article.title,
    `——${article.subtitle ?? ''}`,
    ...bylineForms(article.authors ?? []),
    ...(article.furniture ?? []),
  ].join('\n');
}
