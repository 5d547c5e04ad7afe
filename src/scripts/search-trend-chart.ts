/**
 * The trend of a search (src/lib/search-trend.ts) drawn in the search page: one SVG built as DOM, its
 * upper panel the reports per year, its lower panel their share of the year's reports, one line per
 * term; each year is a link that filters the results to it. Under it the exact numbers as a table.
 *
 * Colours and lines come from the stylesheet's classes (the theme's colours, black when printed); the
 * terms are told apart by dashes as well as colour. No style attribute: the policy allows none.
 */
import { escapeHtml } from '../lib/search-engine.ts';
import { formatShare, type Trend } from '../lib/search-trend.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Layout in viewBox units (about CSS pixels at the page's width). */
const WIDTH = 600;
const LEFT = 52;
const RIGHT = 12;
const PANEL = 80;
const PANEL_TITLE = 20;
const GAP = 14;
const AXIS = 24;
const FONT = 12;
/** viewBox units a year label needs, so labels never overlap (some years are then unlabelled). */
const LABEL_ROOM = 36;
/** The terms' dashes, by line. */
const DASHES = ['', '6 3', '2 3', '9 3 2 3'];
const PANELS = [
  { title: '篇数', top: PANEL_TITLE },
  { title: '占当年报道的比例', top: 2 * PANEL_TITLE + PANEL + GAP },
];
const HEIGHT = PANELS[1]!.top + PANEL + AXIS;

export interface TrendOptions {
  /** The chosen year, or the range's ends, to mark in the chart. */
  chosen: (year: number) => boolean;
  /** The URL of the results filtered to a year. */
  href: (year: number) => string;
  /** Filters to a year in the page (a plain click; others open the link as the browser does). */
  onYear: (year: number) => void;
}

/** An SVG element with these attributes (an undefined one left out). */
function svg(doc: Document, name: string, attributes: Record<string, string | number | undefined> = {}): SVGElement {
  const element = doc.createElementNS(SVG, name) as SVGElement;
  for (const [key, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(key, String(value));
  return element;
}

/** A term's line: its colour class and its dashes. */
const lineAttributes = (k: number) => ({
  class: `trend__line trend__line--${k}`,
  'stroke-dasharray': DASHES[k] || undefined,
});

/** A text in the chart, `content` as given (set as text, never parsed). */
function label(doc: Document, content: string, attributes: Record<string, string | number>): SVGElement {
  const text = svg(doc, 'text', { 'font-size': FONT, ...attributes });
  text.textContent = content;
  return text;
}

/** A panel's axis, scale labels and lines: decoration for the eye (the links and table carry the numbers). */
function panel(doc: Document, trend: Trend, index: number, x: (i: number) => number): SVGElement {
  const { title, top } = PANELS[index]!;
  const bottom = top + PANEL;
  const values = trend.lines.map((line) => (index === 0 ? line.counts : line.shares));
  const max = Math.max(...values.flat(), 0) || 1;
  const format = (v: number) => (index === 0 ? `${v} 篇` : formatShare(v));
  const g = svg(doc, 'g', { 'aria-hidden': 'true', class: 'trend__panel' });
  g.append(
    label(doc, title, { x: 0, y: top - 6, class: 'trend__title' }),
    label(doc, format(max), { x: LEFT - 6, y: top + FONT - 2, 'text-anchor': 'end' }),
    label(doc, format(0), { x: LEFT - 6, y: bottom, 'text-anchor': 'end' }),
    svg(doc, 'line', { x1: LEFT, x2: WIDTH - RIGHT, y1: bottom, y2: bottom, class: 'trend__axis' }),
  );
  values.forEach((series, k) => {
    const points = series.map((v, i) => `${x(i).toFixed(1)},${(bottom - (v / max) * PANEL).toFixed(1)}`);
    g.append(svg(doc, 'polyline', { points: points.join(' '), ...lineAttributes(k) }));
    for (const point of points) {
      const [cx, cy] = point.split(',');
      g.append(svg(doc, 'circle', { cx: cx!, cy: cy!, r: 3, class: `trend__point trend__point--${k}` }));
    }
  });
  return g;
}

/** What a year's link says to a screen reader: the year's numbers, and what following it does. */
function yearName(trend: Trend, i: number): string {
  const lines = trend.lines.map((l) => `“${l.term}”${l.counts[i]} 篇（${formatShare(l.shares[i]!)}）`);
  return `${trend.years[i]}年：当年报道 ${trend.totals[i]} 篇，${lines.join('，')}。筛选此年的结果`;
}

/**
 * Width of a year on the horizontal axis, which is time: years without reports keep their place (a gap
 * of years is not drawn as one step).
 */
const yearColumn = (trend: Trend) =>
  (WIDTH - LEFT - RIGHT) / (trend.years[trend.years.length - 1]! - trend.years[0]! + 1);

/** The years whose label fits: each at least LABEL_ROOM after the previous one labelled. */
function labelledYears(trend: Trend): Set<number> {
  const column = yearColumn(trend);
  const labelled = new Set<number>();
  let last = -Infinity;
  for (const year of trend.years) {
    const x = column * (year - trend.years[0]!);
    if (x - last < LABEL_ROOM) continue;
    labelled.add(year);
    last = x;
  }
  return labelled;
}

/** A year's column as a link: its hit area (marked when chosen, outlined when focused) and its label. */
function yearLink(doc: Document, trend: Trend, i: number, options: TrendOptions, labelled: boolean): SVGElement {
  const year = trend.years[i]!;
  const column = yearColumn(trend);
  const offset = year - trend.years[0]!;
  const link = svg(doc, 'a', { href: options.href(year), class: 'trend__year', 'data-year': year });
  link.setAttribute('aria-label', yearName(trend, i));
  link.append(
    svg(doc, 'rect', {
      x: LEFT + column * offset,
      y: 0,
      width: column,
      height: HEIGHT,
      class: options.chosen(year) ? 'trend__hit trend__hit--chosen' : 'trend__hit',
    }),
  );
  if (labelled) {
    link.append(
      label(doc, String(year), { x: LEFT + column * (offset + 0.5), y: HEIGHT - 6, 'text-anchor': 'middle' }),
    );
  }
  link.addEventListener('click', (event) => {
    const e = event as MouseEvent;
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    event.preventDefault();
    options.onYear(year);
  });
  return link;
}

function chart(doc: Document, trend: Trend, options: TrendOptions): SVGElement {
  const column = yearColumn(trend);
  const x = (i: number) => LEFT + column * (trend.years[i]! - trend.years[0]! + 0.5);
  const labels = labelledYears(trend);
  const root = svg(doc, 'svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'trend__chart' });
  root.append(
    ...trend.years.map((year, i) => yearLink(doc, trend, i, options, labels.has(year))),
    ...PANELS.map((_, index) => panel(doc, trend, index, x)),
  );
  return root;
}

/** The terms' key: each term beside a sample of its line. */
function legend(doc: Document, trend: Trend): HTMLUListElement {
  const list = doc.createElement('ul');
  list.className = 'trend__legend';
  trend.lines.forEach((line, k) => {
    const item = doc.createElement('li');
    const sample = svg(doc, 'svg', { viewBox: '0 0 24 8', width: 24, height: 8, 'aria-hidden': 'true' });
    sample.append(svg(doc, 'line', { x1: 0, x2: 24, y1: 4, y2: 4, ...lineAttributes(k) }));
    item.append(sample, ` “${line.term}”`);
    list.append(item);
  });
  return list;
}

/** The exact numbers: per year, its reports, and per term the count and share. */
function numbers(doc: Document, trend: Trend): HTMLDetailsElement {
  const details = doc.createElement('details');
  const head = trend.lines
    .map((l) => `<th scope="col">“${escapeHtml(l.term)}”篇数</th><th scope="col">“${escapeHtml(l.term)}”占比</th>`)
    .join('');
  const rows = trend.years.map((year, i) => {
    const cells = trend.lines.map((l) => `<td>${l.counts[i]}</td><td>${formatShare(l.shares[i]!)}</td>`).join('');
    return `<tr><th scope="row">${year}</th><td>${trend.totals[i]}</td>${cells}</tr>`;
  });
  details.innerHTML =
    '<summary>各年数字</summary>' +
    `<table class="trend__table"><thead><tr><th scope="col">年份</th><th scope="col">当年报道</th>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`;
  return details;
}

/** Fills the trend's section (its heading stays), or hides it when there is no term or no year. */
export function renderTrend(doc: Document, box: HTMLElement, trend: Trend | undefined, options: TrendOptions): void {
  const heading = box.querySelector('h2')!;
  box.replaceChildren(heading);
  box.hidden = !trend?.lines.length || !trend.years.length;
  if (box.hidden || !trend) return;
  box.append(legend(doc, trend));
  if (trend.omitted.length) {
    const note = doc.createElement('p');
    note.className = 'muted';
    note.textContent = `图中只画前 ${trend.lines.length} 个检索词，未画：“${trend.omitted.join('”“')}”。`;
    box.append(note);
  }
  box.append(chart(doc, trend, options), numbers(doc, trend));
}
