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

function fullTitle(report: CitableReport): string {
  return report.subtitle ? `${report.title}：${report.subtitle}` : report.title;
}

/**
 * The access date is the reader's, not the build's (a build must give the same pages from the same
 * content): without one, GB/T 7714 shows the placeholder `[引用日期]` and BibTeX leaves `urldate` out.
 */
const ACCESS_PLACEHOLDER = '引用日期';

/** `作者. 题名[EB/OL]. 工会报告档案, 年份[引用日期]. URL.` — authors omitted when none is printed. */
export function gbt7714(report: CitableReport, url: string, accessed = ACCESS_PLACEHOLDER): string {
  const authors = report.authors.map((a) => a.name).join(', ');
  const source = report.publication ? `（原载${report.publication}）` : '';
  return `${authors ? `${authors}. ` : ''}${fullTitle(report)}[EB/OL]${source}. ${ARCHIVE}, ${report.year}[${accessed}]. ${url}.`;
}

/** BibTeX values are wrapped in braces; braces inside are escaped so the entry stays valid. */
const bib = (value: string) => `{${value.replace(/[{}\\]/g, (c) => `\\${c}`)}}`;

export function bibtex(report: CitableReport, url: string, accessed?: string): string {
  const fields: [string, string][] = [];
  if (report.authors.length) fields.push(['author', report.authors.map((a) => a.name).join(' and ')]);
  fields.push(['title', fullTitle(report)], ['year', String(report.year)]);
  fields.push(['howpublished', report.publication ? `${report.publication}（${ARCHIVE}存档）` : ARCHIVE]);
  fields.push(['url', url]);
  if (accessed) fields.push(['urldate', accessed]);
  fields.push(['note', `刊出日期：${report.dateText}`], ['language', 'chinese']);
  const body = fields.map(([key, value]) => `  ${key} = ${bib(value)}`).join(',\n');
  return `@misc{${report.id},\n${body}\n}`;
}
