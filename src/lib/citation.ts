/**
 * Citations of an archived report: GB/T 7714—2015 (the Chinese national standard, electronic resource
 * form [EB/OL]) and BibTeX. The archive copy is what is cited, with the original's facts as known.
 */
import { SITE_NAME } from '../consts.ts';

export interface CitableReport {
  id: string;
  title: string;
  subtitle?: string | undefined;
  authors: readonly { name: string }[];
  year: number;
  dateText: string;
  publication?: string | undefined;
}

const ARCHIVE = SITE_NAME;

/** A citation is one line per field: a line break inside a title would split it (and ends a TeX paragraph). */
const oneLine = (text: string) => text.replace(/[ \t]*[\r\n\u2028\u2029]+[ \t]*/g, ' ');

function fullTitle(report: CitableReport): string {
  return oneLine(report.subtitle ? `${report.title}：${report.subtitle}` : report.title);
}

/**
 * The access date is the reader's, not the build's (a build must give the same pages from the same
 * content): without one, GB/T 7714 shows the placeholder `[引用日期]` and BibTeX leaves `urldate` out.
 */
const ACCESS_PLACEHOLDER = '引用日期';

/** GB/T 7714—2015 §8.1.2: up to three authors are all listed; more are cut to three and “等”. */
const MAX_AUTHORS = 3;

function gbtAuthors(report: CitableReport): string {
  const names = report.authors.map((a) => oneLine(a.name));
  return names.length > MAX_AUTHORS ? `${names.slice(0, MAX_AUTHORS).join(', ')}, 等` : names.join(', ');
}

/** `作者. 题名[EB/OL]. 工会报告档案, 年份[引用日期]. URL.` — authors omitted when none is printed. */
export function gbt7714(report: CitableReport, url: string, accessed = ACCESS_PLACEHOLDER): string {
  const authors = gbtAuthors(report);
  const source = report.publication ? `（原载${oneLine(report.publication)}）` : '';
  return `${authors ? `${authors}. ` : ''}${fullTitle(report)}[EB/OL]${source}. ${ARCHIVE}, ${report.year}[${accessed}]. ${url}.`;
}

/**
 * TeX's special characters as the text commands that print them. Braces and the backslash too: BibTeX
 * counts braces without regard to a backslash, so `\{` alone would leave the entry unbalanced.
 */
const TEX_TEXT: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  // In TeX's default font encoding these print as ¡ and ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};
/** Text as TeX prints it: the characters above as commands, and ligatures (`--` a dash, `''` ”, `!`` ¡) broken. */
const tex = (text: string) =>
  oneLine(text)
    .replace(/[\\{}~^%&#_$<>]/g, (c) => TEX_TEXT[c] ?? c)
    .replace(/([-'`,])(?=\1)|[!?](?=`)/g, '$&{}');

/**
 * BibTeX splits a name list at a bare `and` and reads `a, b` as “last, first”: a name holding either is
 * braced, so it stays one name as written.
 */
const bibName = (name: string) => (/,|\band\b/i.test(name) ? `{${tex(name)}}` : tex(name));

export function bibtex(report: CitableReport, url: string, accessed?: string): string {
  const fields: [string, string][] = [];
  if (report.authors.length) fields.push(['author', report.authors.map((a) => bibName(a.name)).join(' and ')]);
  fields.push(['title', tex(fullTitle(report))], ['year', String(report.year)]);
  fields.push(['howpublished', tex(report.publication ? `${report.publication}（${ARCHIVE}存档）` : ARCHIVE)]);
  // Verbatim in BibLaTeX and the url package: escapes would become part of the link. A URL (WHATWG-
  // serialised) has no brace or backslash that could unbalance the entry.
  fields.push(['url', url]);
  if (accessed) fields.push(['urldate', tex(accessed)]);
  fields.push(['note', tex(`刊出日期：${report.dateText}`)], ['language', 'chinese']);
  const body = fields.map(([key, value]) => `  ${key} = {${value}}`).join(',\n');
  return `@misc{${report.id},\n${body}\n}`;
}
