/**
 * The "纠错 / 报告问题" link of a report page: a new issue on the archive's GitHub repository, its title
 * and body filled in with the report, its canonical URL and the text the reader selected. Pure: the
 * report page builds the link at build time, src/scripts/correction-link.ts again in the browser with
 * the selection.
 */

/** The repository issues go to: `owner/repo` as GitHub Actions gives it in GITHUB_REPOSITORY. */
export interface Repository {
  owner: string;
  repo: string;
}

/** A GitHub account name: letters, digits and single inner hyphens, at most 39 characters. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** A repository name: letters, digits, `.`, `_`, `-`, at most 100 characters, not `.` or `..`. */
const REPO = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

/** `owner/repo` → the repository; anything else (unset, empty, a URL, more parts) → undefined: no link. */
export function parseRepository(raw: string | undefined): Repository | undefined {
  const parts = (raw ?? '').trim().split('/');
  if (parts.length !== 2) return undefined;
  const [owner = '', repo = ''] = parts;
  return OWNER.test(owner) && REPO.test(repo) ? { owner, repo } : undefined;
}

/** What the issue is about; the page writes it into the link's `data-correction` for the script. */
export interface CorrectionTarget {
  repository: Repository;
  id: string;
  title: string;
  /** The report page's canonical URL. */
  url: string;
}

/** At most this many characters of the selection go into the issue. */
export const SELECTION_LIMIT = 1000;

/**
 * GitHub answers a URL over 8,191 bytes with 414 URI Too Long; a long selection is cut further to stay
 * under this (a Chinese character takes 9 bytes encoded, so 1,000 of them would not fit).
 */
export const URL_LIMIT = 8000;

/** The selected text as one quoted block: surrounding blanks and blank lines dropped, lines kept. */
function selectionLines(selection: string): string[] {
  return selection
    .toWellFormed()
    .split(/\s*\n\s*/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function issueBody(target: CorrectionTarget, quoted: string, cut: boolean): string {
  const lines = [`报道：${target.title}`, `编号：${target.id}`, `网址：${target.url}`, '', '有误的文字：'];
  if (quoted === '') lines.push('（请粘贴有误的原句）');
  else lines.push(...quoted.split('\n').map((line) => `> ${line}`));
  if (cut) lines.push(`（所选文字较长，只保留了前 ${Array.from(quoted.replace(/\n/g, '')).length} 字。）`);
  lines.push('', '问题与更正：', '（请写明哪里有误、应当如何改正，如有依据请一并说明。）');
  return lines.join('\n');
}

function issueUrl(target: CorrectionTarget, quoted: string, cut: boolean): string {
  const { owner, repo } = target.repository;
  const title = encodeURIComponent(`纠错：${target.title}（${target.id}）`);
  const body = encodeURIComponent(issueBody(target, quoted, cut));
  return `https://github.com/${owner}/${repo}/issues/new?title=${title}&body=${body}`;
}

/**
 * The new-issue URL for a report, with the selected text quoted in the body: at most SELECTION_LIMIT
 * characters of it, and fewer when the URL would exceed URL_LIMIT; the body says when it was cut.
 */
export function correctionIssueUrl(target: CorrectionTarget, selection = ''): string {
  const characters = Array.from(selectionLines(selection).join('\n'));
  const prefix = (n: number) => characters.slice(0, n).join('').trim();
  const full = Math.min(characters.length, SELECTION_LIMIT);
  const urlOf = (n: number) => issueUrl(target, prefix(n), n < characters.length);
  if (urlOf(full).length <= URL_LIMIT) return urlOf(full);
  // The longest prefix that fits (the URL grows with the prefix).
  let [fits, tooLong] = [0, full];
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    if (urlOf(middle).length <= URL_LIMIT) fits = middle;
    else tooLong = middle;
  }
  return urlOf(fits);
}
