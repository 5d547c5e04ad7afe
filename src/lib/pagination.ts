/**
 * Which page numbers a paginated list links to: the first, the last and a few around the current one,
 * with gaps between. The links per page stay the same however long the list, so a list of 500 pages
 * does not put 500 links on each of its pages.
 */

/** A page number to link, or a gap (…) standing for the pages left out. */
export type PageLink = number | 'gap';

export function pageWindow(current: number, last: number, around = 2): PageLink[] {
  const shown = new Set([1, last]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= last) shown.add(n);
  const links: PageLink[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    // A gap of exactly one page is shown as that page: a "…" would hide no more than a number.
    if (n - previous === 2) links.push(n - 1);
    else if (n - previous > 2) links.push('gap');
    links.push(n);
    previous = n;
  }
  return links;
}
