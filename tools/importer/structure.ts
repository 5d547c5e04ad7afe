/**
 * Reads the layout of an OCR'd report: title, subtitle, bylines, section headings, photo captions,
 * page furniture and prose paragraphs. Lines are normalised with the archive's rules (normalize.ts)
 * and broken lines rejoined with rule 5 (`rejoinLines`), to which this module only adds what it
 * knows about newspaper pages; everything it cannot place stays in the body as a paragraph.
 */
import {
  defaultLineRole,
  fullWidthPunctuation,
  isHeadlineShaped,
  isMarkedLine,
  isNumberedHeading,
  isSpacedBanner,
  normalizeLineEndings,
  rejoinLines,
  removeCjkSpaces,
  straightenQuotes,
  textLines,
  type JoinedBlock,
  type LineRole,
  type RoleContext,
  type TextLine,
} from '../../src/lib/normalize.ts';

export interface Author {
  name: string;
  role?: string;
}

export type BodyBlock =
  | { kind: 'heading'; level: 2 | 3 | 4; text: string; lines: number[] }
  | { kind: 'paragraph'; text: string; lines: number[] }
  | { kind: 'caption'; text: string; lines: number[] }
  /** An editorial remark the importer adds (not source text). */
  | { kind: 'note'; text: string; lines: number[] };

/** A line taken out of the body, verbatim as in the file. */
export interface RemovedLine {
  line: number;
  text: string;
  /** Why it left the body, for the source notes: 印刷时间行, 转版提示, 编辑署名 … */
  reason: string;
}

export interface ReportStructure {
  title: string;
  /** How the title was found: a `#` line, the line(s) above a `——` subtitle, the first line, or made up. */
  titleSource: 'marked' | 'above-subtitle' | 'first-line' | 'placeholder';
  titleLines: number[];
  subtitle?: string;
  subtitleLine?: number;
  authors: Author[];
  bylines: RemovedLine[];
  /** Series banners and kickers above the title. */
  banners: RemovedLine[];
  furniture: RemovedLine[];
  blocks: BodyBlock[];
  /** Places where rule 5 joined lines broken by OCR: the line numbers and a few characters either side. */
  joins: { lines: number[]; before: string; after: string }[];
  /** Form feeds or vertical tabs were read as line breaks. */
  pageBreaks: boolean;
}

/** The title of a draft whose file has no words to take one from. */
export const PLACEHOLDER_TITLE = '无题（待编者拟定）';

/** How many non-blank lines at the top are searched for the title block. */
const HEADER_SPAN = 8;
/** Ordinary headline length; a longer one is a title only when set apart by a blank line below it. */
const HEADLINE_LENGTH = 60;
const LONG_HEADLINE_LENGTH = 300;

const HAN_NAME = '\\p{Script=Han}{1,6}(?:·\\p{Script=Han}{1,8})?';
const NAME = new RegExp(`^${HAN_NAME}$`, 'u');
/** Printed roles in bylines: 本报记者 张三, 新华社记者 李四, 通讯员 王五, 文/图 赵六. */
const BYLINE_ROLES = [
  '本报特约记者',
  '本报特约通讯员',
  '本报见习记者',
  '本报通讯员',
  '本报记者',
  '本报评论员',
  '新华社特约记者',
  '新华社记者',
  '中新社记者',
  '特约记者',
  '特约通讯员',
  '见习记者',
  '通讯员',
  '实习生',
  '记者',
  '文/图',
  '文／图',
  '图/文',
  '图／文',
].sort((a, b) => b.length - a.length);
const BYLINE_ROLE = new RegExp(BYLINE_ROLES.join('|'), 'gu'); // longest first, matched in one pass
/** Editor, layout and page credits: page furniture, never authors (本版责任编辑 张明 版式 李华). */
const CREDIT_WORD = /编辑|责编|美编|版式|组版|制图|校对|照排|审稿|终审|本版/u;
/** Words in brackets at the end of a report that are not names. */
const NOT_NAMES = new Set([
  '待续',
  '未完',
  '全文完',
  '续完',
  '完',
  '下转',
  '上接',
  '试行',
  '草案',
  '摘要',
  '节选',
  '有删节',
]);
/** Positions printed before a signatory's name: 南通市总工会主席陆玉明. */
const POSITIONS =
  '(?:副?主席|副?书记|副?主任|副?部长|副?局长|副?厅长|副?会长|理事长|总经理|董事长|副?院长|副?校长|副?市长|副?省长|副?县长|副?区长|副?旗长|副?盟长|委员)';
const SIGNATORY = new RegExp(`^(.{2,40}?${POSITIONS})\\s*(${HAN_NAME})$`, 'u');

/** Page furniture: not part of any article's text. */
const FURNITURE: { pattern: RegExp; reason: string }[] = [
  { pattern: /开印时间|印完时间|付印时间|印刷时间/u, reason: '印刷时间行' },
  { pattern: /(?:下转|上接|转第|接第|转至第)\s*[\d０-９一二三四五六七八九十]+\s*版/u, reason: '转版提示' },
  {
    pattern:
      /^[（(]?\s*(?:本版)?(?:责任编辑|责编|编辑|值班编辑|美术编辑|美编|图片编辑|版式设计|版式|组版|制图|校对|照排|审稿|终审)(?:\s*[:：]|[\s　]+\p{Script=Han})/u,
    reason: '编辑署名',
  },
  { pattern: /^[（(]?\s*本版(?:文图|图文|稿件|图片|文字|照片)/u, reason: '版面署名' },
  { pattern: /^[（(][^（）()]{0,30}(?:供图|供稿)[）)]$/u, reason: '版面署名' },
  { pattern: /^第?\s*[\d０-９]+\s*版$/u, reason: '版次' },
];

/**
 * Rules 2–3 (quotes, full-width punctuation), applied to each line as read: they look at a character's
 * neighbours on its line, so applying them again after rule 5 joins lines would change more than the
 * rules change in the source. Headlines and bylines keep their spaces.
 */
const lineText = (text: string) => fullWidthPunctuation(straightenQuotes(text)).trim();
/** Rule 4 for body text (its lines already have rules 2–3). */
const bodyText = (text: string) => removeCjkSpaces(text.trim());

function furnitureReason(text: string): string | undefined {
  if (text.length > 120 || [...text].length > 60) return undefined;
  return FURNITURE.find((f) => f.pattern.test(text))?.reason;
}

/** A subtitle line: `——…` (possibly marked `## ——…`). */
function subtitleOf(text: string): string | undefined {
  const match = /^(?:#{1,6}\s+)?(?:——|－－|--|―{1,2})\s*(.+)$/u.exec(text.trim());
  return match && isHeadlineShaped(match[1] ?? '', 60) ? (match[1] ?? '').trim() : undefined;
}

/** A headline with its subtitle on the same line: `标题 ——副题`. */
function splitTitleLine(text: string): { title: string; subtitle: string } | undefined {
  const match = /^(?:#{1,6}\s+)?(.+?)\s*——\s*(.+)$/u.exec(text.trim());
  if (!match) return undefined;
  const [, title = '', subtitle = ''] = match;
  const ok = [...title].length >= 4 && isHeadlineShaped(title, 60) && isHeadlineShaped(subtitle, 60);
  return ok ? { title: title.trim(), subtitle: subtitle.trim() } : undefined;
}

const stripMarks = (text: string) => text.trim().replace(/^#{1,6}(?:\s+|$)/u, '');

/** Names and roles of a byline, or undefined when the line is not one. */
export function parseByline(line: string): Author[] | undefined {
  let text = line.trim();
  if (text.length > 80) return undefined; // bylines are short; text lines can be megabytes long
  const boxed = /^[□■]\s*/u.test(text);
  text = text.replace(/^[□■]\s*/u, '');
  const bracketed = /^[（(].*[）)]$/u.test(text);
  if (bracketed) text = text.slice(1, -1);
  text = text.replace(BYLINE_ROLE, (role) => ` \u0000${role} `);
  const tokens = text.split(/[\s、，,：:]+/u).filter((t) => t !== '');
  const authors: Author[] = [];
  let role: string | undefined;
  for (const token of tokens) {
    if (token.startsWith('\u0000')) {
      role = token.slice(1);
    } else if (
      NAME.test(token) &&
      !NOT_NAMES.has(token) &&
      !CREDIT_WORD.test(token) &&
      [...token.replace('·', '')].length >= 2
    ) {
      // A role stays until the next one: in 本报记者 张三 李四 both are 本报记者.
      authors.push(role ? { name: token, role } : { name: token });
    } else {
      return undefined;
    }
  }
  const startsWithRole = tokens[0]?.startsWith('\u0000') ?? false;
  if (authors.length === 0 || !(boxed || bracketed || startsWithRole)) return undefined;
  return authors;
}

/** Bodies that sign documents, alone or several on a line: 中共中央 / 国务院, 中华全国总工会. */
const SIGNING_BODY =
  '(?:中共中央|中国共产党中央委员会|国务院|全国人大常委会|全国人民代表大会常务委员会|中央军委|中央军事委员会|全国政协|中共中央办公厅|国务院办公厅|中华全国总工会|[\\p{Script=Han}]{2,12}(?:总工会|委员会|人民政府|办公厅|办公室))';
const SIGNING_LINE = new RegExp(`^${SIGNING_BODY}(?:[\\s　、]+${SIGNING_BODY})*$`, 'u');
/** A signature with the signer's office: 中华人民共和国主席　习近平. */
const OFFICE_SIGNATURE = new RegExp(`^.{2,30}?(?:主席|总理|委员长|书记|部长|省长|市长)[\\s　]+${HAN_NAME}$`, 'u');
/** The date under a signature: 2024年1月24日 (alone on its line). */
const SIGNATURE_DATE =
  /^(?:19|20)\d\d年\d{1,2}月\d{1,2}日$|^[二〇一二三四五六七八九零○]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/u;

/** A signature line of a document (signing bodies, an office and name, its date): body text, not a heading. */
export function isSignatureLine(line: string): boolean {
  const text = line.trim();
  if (text.length > 80) return false;
  return SIGNING_LINE.test(text) || OFFICE_SIGNATURE.test(text) || SIGNATURE_DATE.test(text);
}

/** A signed commentary's byline under its headline: `南通市人大副主任、南通市总工会主席陆玉明`. */
function parseSignatory(line: string): Author[] | undefined {
  const match = SIGNATORY.exec(line.trim());
  if (!match || !isHeadlineShaped(line)) return undefined;
  return [{ role: (match[1] ?? '').trim(), name: match[2] ?? '' }];
}

/** A bracket closing the last sentence of a paragraph: `……完成学业。（李玉波）`. */
const CLOSING_BRACKET = /[。！？”’」）)]\s*([（(][^（）()]{2,40}[）)])$/u;
/** The bracket a printed line ends with. */
const PRINTED_BRACKET = /[（(][^（）()]{2,60}[）)]\s*$/u;

interface Header {
  title: string;
  titleSource: ReportStructure['titleSource'];
  titleLines: TextLine[];
  subtitle?: string;
  subtitleLine?: TextLine;
  banners: TextLine[];
  bylines: { line: TextLine; authors: Author[] }[];
}

/** A headline line the title may be taken from: not a banner, heading, byline, page furniture or date. */
function isTitleLike(lines: readonly TextLine[], index: number): boolean {
  const line = lines[index];
  if (line === undefined) return false;
  const setApart = (lines[index + 1]?.gapBefore ?? 1) >= 1;
  return (
    (isHeadlineShaped(line.text, HEADLINE_LENGTH) || (isHeadlineShaped(line.text, LONG_HEADLINE_LENGTH) && setApart)) &&
    !isSpacedBanner(line.text) &&
    !isNumberedHeading(line.text) &&
    !parseByline(line.text) &&
    !furnitureReason(line.text) &&
    !SIGNATURE_DATE.test(line.text.trim()) &&
    subtitleOf(line.text) === undefined
  );
}

/** Where a strategy found the title: the lines before `start` may be banners, the rest begins at `end`. */
export interface TitleMatch {
  title: string;
  titleSource: Exclude<ReportStructure['titleSource'], 'placeholder'>;
  titleLines: TextLine[];
  subtitle?: string;
  subtitleLine?: TextLine;
  start: number;
  end: number;
}

/** Index of the first line of the header span that is a `——` subtitle or a `标题 ——副题` line, or -1. */
const subtitleIndex = (lines: readonly TextLine[]) =>
  lines
    .slice(0, HEADER_SPAN)
    .findIndex((l) => subtitleOf(l.text) !== undefined || splitTitleLine(l.text) !== undefined);

/** A line the OCR tool marked `# …`. */
export function markedTitle(lines: readonly TextLine[]): TitleMatch | null {
  const index = lines.slice(0, HEADER_SPAN).findIndex((l) => /^#\s+\S/u.test(l.text.trim()));
  const line = lines[index];
  if (!line) return null;
  return { title: stripMarks(line.text), titleSource: 'marked', titleLines: [line], start: index, end: index + 1 };
}

/** A headline printed with its subtitle on one line: `标题 ——副题`. */
export function titleWithSubtitle(lines: readonly TextLine[]): TitleMatch | null {
  const index = subtitleIndex(lines);
  const line = lines[index];
  const split = line && splitTitleLine(line.text);
  if (!line || !split) return null;
  const { title, subtitle } = split;
  return {
    title,
    subtitle,
    subtitleLine: line,
    titleSource: 'above-subtitle',
    titleLines: [line],
    start: index,
    end: index + 1,
  };
}

/** Up to two headline lines right above a `——` subtitle. */
export function titleAboveSubtitle(lines: readonly TextLine[]): TitleMatch | null {
  const index = subtitleIndex(lines);
  if (index <= 0 || !isTitleLike(lines, index - 1)) return null;
  const start = index >= 2 && isTitleLike(lines, index - 2) ? index - 2 : index - 1;
  const titleLines = lines.slice(start, index);
  const title = titleLines.map((l) => stripMarks(l.text)).join(' ');
  return { title, titleSource: 'above-subtitle', titleLines, start, end: index };
}

/** The first line, under any series banners and a date line at the very top (the page's date line). */
export function firstLineTitle(lines: readonly TextLine[]): TitleMatch | null {
  const top = lines.slice(0, HEADER_SPAN);
  const start = top.findIndex(
    (l, i) => i === top.length - 1 || !(isSpacedBanner(l.text) || SIGNATURE_DATE.test(l.text.trim())),
  );
  const line = top[start];
  if (!line || !isTitleLike(lines, start)) return null;
  return { title: stripMarks(line.text), titleSource: 'first-line', titleLines: [line], start, end: start + 1 };
}

/** The ways a title is printed, most explicit first: the first that finds one wins. */
const TITLE_STRATEGIES = [markedTitle, titleWithSubtitle, titleAboveSubtitle, firstLineTitle] as const;

/** No headline at all: a placeholder from the first words (the first line stays in the body). */
function placeholderHeader(lines: readonly TextLine[]): Header {
  const text = lines.map((l) => stripMarks(l.text)).find((t) => t !== '') ?? '';
  const words = [...text];
  const title = words.length > 30 ? `${words.slice(0, 30).join('')}……` : text || PLACEHOLDER_TITLE;
  return { title, titleSource: 'placeholder', titleLines: [], banners: [], bylines: [] };
}

/** The title block among the first lines: `#` title, `——` subtitle, banners above, bylines below. */
function readHeader(lines: readonly TextLine[]): Header {
  const match = TITLE_STRATEGIES.reduce<TitleMatch | null>((found, strategy) => found ?? strategy(lines), null);
  if (!match) return placeholderHeader(lines);
  const { start, end, ...title } = match;
  const header: Header = { ...title, banners: [], bylines: [] };
  let after = end; // index of the first line after the title block

  // Above the title: banners and kickers when they are all headline-shaped; otherwise body text.
  const above = lines.slice(0, start);
  if (above.length > 0 && above.every((l) => isHeadlineShaped(l.text, 60) || isSpacedBanner(l.text)))
    header.banners = above;

  const next = () => lines[after];
  const subtitleLine = next();
  if (header.subtitle === undefined && subtitleLine) {
    const dashed = subtitleOf(subtitleLine.text);
    // A second headline line right under the title, above a byline or the text, is the subtitle.
    const following = lines[after + 1];
    const plainSecond =
      header.titleSource !== 'above-subtitle' &&
      !isMarkedLine(subtitleLine.text) &&
      isTitleLike(lines, after) &&
      // Without its dashes a subtitle is a short phrase: a longer line with commas is the text.
      [...subtitleLine.text.trim()].length <= 30 &&
      !/[，、；：,]/u.test(subtitleLine.text) &&
      following !== undefined &&
      (!isHeadlineShaped(following.text) ||
        parseByline(following.text) !== undefined ||
        parseSignatory(following.text) !== undefined);
    if (dashed !== undefined || plainSecond) {
      header.subtitle = dashed ?? subtitleLine.text.trim();
      header.subtitleLine = subtitleLine;
      after++;
    }
  }
  for (let line = next(); line; line = next()) {
    const authors = parseByline(line.text) ?? parseSignatory(line.text);
    if (!authors) break;
    header.bylines.push({ line, authors });
    after++;
  }
  return header;
}

const tail = (text: string, n: number) => [...text.trim()].slice(-n).join('');
const head = (text: string, n: number) => [...text.trim()].slice(0, n).join('');

type Tag =
  | { kind: 'header' }
  | { kind: 'furniture'; reason: string }
  | { kind: 'byline'; authors: Author[] }
  | { kind: 'heading'; level: number }
  | { kind: 'caption' }
  | { kind: 'signature' }
  | { kind: 'text' };

/** The file's lines, normalised (`lines`) and as printed (`raw`, by line number); form feeds are line breaks. */
function readLines(source: string) {
  const withBreaks = normalizeLineEndings(source);
  const pageBreaks = /[\f\v]/u.test(withBreaks);
  const { lines: rawLines } = textLines(withBreaks.replace(/[\f\v]/gu, '\n'));
  const raw = new Map(rawLines.map((l) => [l.number, l.text.trim()]));
  const lines: TextLine[] = rawLines.map((l) => ({ ...l, text: lineText(l.text) }));
  return { lines, raw, pageBreaks };
}

/** The numbers of the lines the title block takes: title, banners, subtitle and bylines. */
function headerLineNumbers(header: Header): Set<number> {
  return new Set<number>(
    [
      ...header.titleLines,
      ...header.banners,
      ...(header.subtitleLine ? [header.subtitleLine] : []),
      ...header.bylines.map((b) => b.line),
    ].map((l) => l.number),
  );
}

/** The fewest `#` of a marked heading in the body: that many make a level-2 heading (6 when none is marked). */
function topMarkedLevel(lines: readonly TextLine[], headerLines: ReadonlySet<number>): number {
  const markedLevels = lines
    .filter((l) => !headerLines.has(l.number))
    .map((l) => /^(#{1,6})(?:\s|$)/u.exec(l.text.trim())?.[1]?.length)
    .filter((n): n is number => n !== undefined);
  return Math.min(...markedLevels, 6);
}

/**
 * The line roles rule 5 joins lines by, with what this module knows of newspaper pages first; each line's
 * tag is kept in `tags` (by line number) for placing its block afterwards.
 */
function lineRoles(headerLines: ReadonlySet<number>, topLevel: number) {
  const tags = new Map<number, Tag>();
  const roleOf = (line: TextLine, context: RoleContext): LineRole => {
    const text = line.text.trim();
    const tag = (t: Tag, role: LineRole) => (tags.set(line.number, t), role);
    if (headerLines.has(line.number)) return tag({ kind: 'header' }, 'break');
    const reason = furnitureReason(text);
    if (reason) return tag({ kind: 'furniture', reason }, 'aside');
    const authors = parseByline(text);
    if (authors) return tag({ kind: 'byline', authors }, 'break');
    if (isSignatureLine(text)) return tag({ kind: 'signature' }, 'break');
    const marked = /^(#{1,6})(?:\s+|$)/u.exec(text);
    if (marked) return tag({ kind: 'heading', level: Math.min(4, 2 + (marked[1] ?? '').length - topLevel) }, 'break');
    const role = defaultLineRole(line, context);
    if (role === 'break') return tag({ kind: 'heading', level: 2 }, role);
    if (role === 'aside') return tag({ kind: 'caption' }, role);
    return tag({ kind: 'text' }, role);
  };
  return { tags, roleOf };
}

/** The structure with the title block filled in, the body still empty. */
function headerStructure(header: Header, raw: ReadonlyMap<number, string>, pageBreaks: boolean): ReportStructure {
  const structure: ReportStructure = {
    title: header.title,
    titleSource: header.titleSource,
    titleLines: header.titleLines.map((l) => l.number),
    authors: header.bylines.flatMap((b) => b.authors),
    bylines: header.bylines.map((b) => ({ line: b.line.number, text: raw.get(b.line.number) ?? '', reason: '署名' })),
    banners: header.banners.map((l) => ({ line: l.number, text: raw.get(l.number) ?? '', reason: '栏头' })),
    furniture: [],
    blocks: [],
    joins: [],
    pageBreaks,
  };
  if (header.subtitle !== undefined) structure.subtitle = header.subtitle;
  if (header.subtitleLine) structure.subtitleLine = header.subtitleLine.number;
  return structure;
}

/** Where rule 5 joined a paragraph's lines, with a few characters either side, for the source notes. */
function noteJoins(structure: ReportStructure, block: JoinedBlock): void {
  for (let i = 1; i < block.lines.length; i++) {
    const before = block.lines[i - 1] as TextLine;
    const after = block.lines[i] as TextLine;
    structure.joins.push({
      lines: [before.number, after.number],
      before: tail(before.text, 6),
      after: head(after.text, 6),
    });
  }
}

/** Each joined block into the body, or out of it (furniture, bylines, the title block) as its first line's tag says. */
function placeBlocks(
  structure: ReportStructure,
  joined: readonly JoinedBlock[],
  tags: ReadonlyMap<number, Tag>,
  header: Header,
  raw: ReadonlyMap<number, string>,
): void {
  // A bracketed name with text after it is not the closing byline (（摘要）, （图片）…): it stays text.
  const lastProse = Math.max(0, ...joined.filter((b) => b.role === 'prose').map((b) => b.lines[0]?.number ?? 0));
  let bodyStarted = false;
  let titleNoted = false;
  for (const block of joined) {
    const first = block.lines[0] as TextLine;
    const numbers = block.lines.map((l) => l.number);
    const tag = tags.get(first.number) ?? { kind: 'text' };
    switch (tag.kind) {
      case 'header':
        // A title printed below the opening text (a preface set above it): say where it stood.
        if (bodyStarted && !titleNoted && header.titleLines.some((l) => l.number === first.number)) {
          structure.blocks.push({ kind: 'note', text: '原文此处印报道标题（见篇首），以下为正文', lines: numbers });
          titleNoted = true;
        }
        break;
      case 'furniture':
        structure.furniture.push({ line: first.number, text: raw.get(first.number) ?? '', reason: tag.reason });
        break;
      case 'byline':
        if (/^[（(]/u.test(block.text.trim()) && first.number < lastProse) {
          bodyStarted = true;
          structure.blocks.push({ kind: 'paragraph', text: bodyText(block.text), lines: numbers });
          break;
        }
        structure.authors.push(...tag.authors);
        structure.bylines.push({ line: first.number, text: raw.get(first.number) ?? '', reason: '署名' });
        break;
      case 'heading':
        bodyStarted = true;
        structure.blocks.push({
          kind: 'heading',
          level: Math.max(2, tag.level) as 2 | 3 | 4,
          text: stripMarks(block.text),
          lines: numbers,
        });
        break;
      case 'signature':
        bodyStarted = true;
        structure.blocks.push({ kind: 'paragraph', text: block.text.trim(), lines: numbers });
        break;
      case 'caption':
        bodyStarted = true;
        structure.blocks.push({ kind: 'caption', text: bodyText(block.text), lines: numbers });
        break;
      case 'text':
        bodyStarted = true;
        structure.blocks.push({ kind: 'paragraph', text: bodyText(block.text), lines: numbers });
        noteJoins(structure, block);
        break;
    }
  }
}

/** The layout of a report: the title block first, then every line's role, lines rejoined, blocks placed. */
export function readStructure(source: string): ReportStructure {
  const { lines, raw, pageBreaks } = readLines(source);
  const header = readHeader(lines);
  const headerLines = headerLineNumbers(header);
  const { tags, roleOf } = lineRoles(headerLines, topMarkedLevel(lines, headerLines));
  const joined = rejoinLines(lines, roleOf);
  const structure = headerStructure(header, raw, pageBreaks);
  placeBlocks(structure, joined, tags, header, raw);
  takeTrailingByline(structure, raw);
  return structure;
}

/** `……完成学业。（李玉波）`: a byline at the end of the last paragraph leaves the body; page credits after it too. */
function takeTrailingByline(structure: ReportStructure, raw: ReadonlyMap<number, string>): void {
  const lastParagraph = structure.blocks.findLastIndex((b) => b.kind === 'paragraph');
  const block = structure.blocks[lastParagraph];
  if (!block || block.kind !== 'paragraph') return;
  const line = block.lines.at(-1) ?? 0;
  // Brackets are read as printed: rule 4 took the spaces out of the paragraph's text (（本版责任编辑 张明）,
  // （本报记者 乌云 欧阳明）). Each one taken goes from the paragraph and from the printed line.
  let printedLine = (raw.get(line) ?? '').trimEnd();
  const take = () => {
    const closing = CLOSING_BRACKET.exec(block.text.slice(-60))?.[1];
    // A bracket the OCR broke across lines is not on the last line: then only the paragraph has it.
    const printed = PRINTED_BRACKET.exec(printedLine)?.[0].trim() ?? closing;
    return closing === undefined || printed === undefined ? undefined : { closing, printed };
  };
  const cut = ({ closing, printed }: { closing: string; printed: string }) => {
    block.text = block.text.slice(0, -closing.length).trimEnd();
    printedLine = printedLine.slice(0, -printed.length).trimEnd();
  };
  const credit = take();
  if (credit && furnitureReason(credit.printed) === '编辑署名') {
    cut(credit);
    structure.furniture.push({ line, text: credit.printed, reason: '编辑署名' });
  }
  const byline = take();
  const authors = byline && (parseByline(byline.printed) ?? parseByline(byline.closing));
  if (!byline || !authors) return;
  cut(byline);
  structure.authors.push(...authors);
  structure.bylines.push({ line, text: byline.printed, reason: '文末署名' });
}
