/**
 * Geometry of a metric page's chart: the metric's values over time, computed at build time and drawn as
 * inline SVG (src/components/data/SeriesChart.astro). Years run along the horizontal axis and each region
 * is a series. Values in different units go to groups of their own, each with its own value axis (never
 * one scale for 人 and 人次). A group with values from more than MAX_SERIES regions is drawn as small
 * multiples, one plot per region on the group's shared scales; otherwise one plot holds its series, told
 * apart by the shape of their marks. Every value is one mark: approximate values and bounds (多, 以上 …)
 * hollow, cumulative figures with a line back to the first year they sum, several values of one year side
 * by side within that year.
 */
import { groupByUnit, niceTicks, round, textWidth, tickLabel, unitTitle, wrapText, yearTicks } from './chart.ts';
import type { TextLine } from './chart.ts';

export interface SeriesPoint {
  /** Stable key of the value (report id and index), for the drawing's data attributes. */
  key: string;
  value: number;
  unit: string;
  /** 多/余/近/约/超过/以上/左右, or null for an exact figure. */
  qualifier: string | null;
  region: string;
  regionName: string;
  /** Where the value stands in time: its own year, or the last year of the period it sums. */
  year: number;
  /** The first year of the period a cumulative figure sums; null for a figure of one year. */
  from: number | null;
}

/** A point as a page draws it: a link to the sentence stating the value. */
export interface LinkedPoint extends SeriesPoint {
  /** The quote's anchor on the report page. */
  href: string;
  /** What the link says: where, when, how much, of what. */
  name: string;
}

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond';
/** The series of one plot, in order; a group with more regions than shapes becomes small multiples. */
export const SHAPES: readonly Shape[] = ['circle', 'square', 'triangle', 'diamond'];
export const MAX_SERIES = SHAPES.length;

/** Sizes in SVG user units; the drawing scales to its container (viewBox, width 100%). */
export const SERIES_CHART = {
  width: 480,
  margin: 8,
  titleSize: 14,
  textSize: 13,
  tickSize: 12,
  lineHeight: 1.35,
  plotHeight: 150,
  smallPlotHeight: 96,
  columns: 2,
  columnGap: 20,
  groupGap: 24,
  markSize: 9,
  /** Room between the plot's sides and the first and last year, so no mark reaches the frame. */
  yearInset: 18,
} as const;

export interface MarkLayout<P extends SeriesPoint> {
  point: P;
  x: number;
  y: number;
  /** Drawn hollow: the source gives an approximation or a bound, not an exact figure. */
  approximate: boolean;
  /** For a cumulative figure: the line from its first year to the mark. */
  span: { x1: number; x2: number } | null;
}

export interface SeriesLayout<P extends SeriesPoint> {
  region: string;
  regionName: string;
  unit: string;
  shape: Shape;
  /** SVG polyline points through the series' one-year figures, when it has one per year in two or more years. */
  line: string | null;
  marks: MarkLayout<P>[];
}

export interface PlotLayout<P extends SeriesPoint> {
  /** The region's name above a small multiple; null for a plot of all the group's series. */
  title: TextLine | null;
  frame: { x: number; y: number; width: number; height: number };
  valueTicks: { value: number; y: number; label: TextLine }[];
  yearTicks: { year: number; x: number; label: TextLine }[];
  series: SeriesLayout<P>[];
}

export interface LegendEntry {
  /** What the swatch shows: a series' shape, a hollow mark, or a cumulative figure's line. */
  kind: Shape | 'approximate' | 'cumulative';
  /** Centre of the swatch. */
  x: number;
  y: number;
  lines: TextLine[];
}

export interface GroupLayout<P extends SeriesPoint> {
  unit: string;
  title: TextLine;
  /** The regions' shapes, when one plot holds several series. */
  legend: LegendEntry[];
  plots: PlotLayout<P>[];
}

export interface SeriesChartLayout<P extends SeriesPoint> {
  width: number;
  height: number;
  years: { first: number; last: number };
  /** How approximate and cumulative figures are drawn, when the chart has any. */
  legend: LegendEntry[];
  groups: GroupLayout<P>[];
}

export const APPROXIMATE_TEXT = '空心：原文为约数或界限值（多、余、近、约、超过、以上、左右），非精确数字';
export const CUMULATIVE_TEXT = '带横线：多年累计数，横线从累计的起始年份画到终止年份';

/** Where the next part of the chart starts: each layout step reads it and moves it down. */
interface Cursor {
  y: number;
}

const collator = new Intl.Collator('zh-CN');
const lineStep = (size: number) => size * SERIES_CHART.lineHeight;

/** SVG path of a mark of `size` centred on (x, y); the shapes have about the same area. */
export function markPath(shape: Shape, x: number, y: number, size: number): string {
  const r = size / 2;
  const at = (dx: number, dy: number) => `${round(x + dx)},${round(y + dy)}`;
  switch (shape) {
    case 'circle':
      return `M${at(-r, 0)}A${r},${r} 0 1 0 ${at(r, 0)}A${r},${r} 0 1 0 ${at(-r, 0)}Z`;
    case 'square':
      return `M${at(-r * 0.9, -r * 0.9)}H${round(x + r * 0.9)}V${round(y + r * 0.9)}H${round(x - r * 0.9)}Z`;
    case 'triangle':
      return `M${at(0, -r * 1.2)}L${at(r * 1.1, r * 0.8)}L${at(-r * 1.1, r * 0.8)}Z`;
    case 'diamond':
      return `M${at(0, -r * 1.25)}L${at(r * 1.25, 0)}L${at(0, r * 1.25)}L${at(-r * 1.25, 0)}Z`;
  }
}

/**
 * Legend entries flowing left to right in rows: a swatch, then the text; an entry too wide for the rest of
 * the row starts a new one, and one too wide for any row wraps over several lines.
 */
function layoutLegend(items: readonly { kind: LegendEntry['kind']; text: string }[], at: Cursor): LegendEntry[] {
  const { margin, width, textSize } = SERIES_CHART;
  const swatchRoom = textSize + 6;
  const step = lineStep(textSize);
  const entries: LegendEntry[] = [];
  let x = margin;
  for (const { kind, text } of items) {
    const oneLine = textWidth(text, textSize);
    if (x > margin && x + swatchRoom + oneLine > width - margin) {
      x = margin;
      at.y += step;
    }
    const lines = wrapText(text, width - margin - x - swatchRoom, textSize);
    entries.push({
      kind,
      x: round(x + textSize / 2),
      y: round(at.y + textSize * 0.6),
      lines: lines.map((line, i) => ({ x: round(x + swatchRoom), y: round(at.y + textSize + i * step), text: line })),
    });
    if (lines.length > 1) {
      at.y += lines.length * step;
      x = margin;
    } else x += swatchRoom + oneLine + 14;
  }
  if (x > margin) at.y += step;
  if (entries.length > 0) at.y += 4;
  return entries;
}

/** The value axis of a unit group: round ticks over its values, room on the left for their labels. */
function valueScale(unit: string, points: readonly SeriesPoint[]) {
  const values = points.map((p) => p.value);
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const labels = ticks.map((value) => tickLabel(value, unit));
  const labelRoom = Math.max(...labels.map((label) => textWidth(label, SERIES_CHART.tickSize))) + 6;
  return { ticks, labels, labelRoom, low: ticks[0]!, high: ticks[ticks.length - 1]! };
}

type ValueScale = ReturnType<typeof valueScale>;
type Frame = PlotLayout<SeriesPoint>['frame'];

/** x of a year in a plot: the years spread evenly between the insets, a single year in the middle. */
function yearScale(frame: Frame, years: SeriesChartLayout<SeriesPoint>['years']) {
  const inner = frame.width - 2 * SERIES_CHART.yearInset;
  const spacing = years.last === years.first ? inner : inner / (years.last - years.first);
  const x = (year: number) =>
    years.last === years.first
      ? frame.x + frame.width / 2
      : frame.x + SERIES_CHART.yearInset + (year - years.first) * spacing;
  // Values of one year stand side by side within 70% of a year's width, so their order keeps the years',
  // and within the insets, so the first and last years' marks stay inside the frame.
  return { x, band: Math.min(spacing * 0.7, 2 * SERIES_CHART.yearInset - SERIES_CHART.markSize) };
}

/** Marks of one plot: each at its year and value, those sharing a year spread across the year's band. */
function layoutMarks<P extends SeriesPoint>(
  series: readonly { points: readonly P[] }[],
  frame: Frame,
  scale: ValueScale,
  years: SeriesChartLayout<P>['years'],
): Map<P, MarkLayout<P>> {
  const { x, band } = yearScale(frame, years);
  const y = (value: number) => frame.y + frame.height - ((value - scale.low) / (scale.high - scale.low)) * frame.height;
  const order = series.flatMap((s, i) => s.points.map((point) => ({ point, i })));
  const marks = new Map<P, MarkLayout<P>>();
  for (const sameYear of Map.groupBy(order, ({ point }) => point.year).values()) {
    sameYear.sort((a, b) => a.i - b.i || a.point.value - b.point.value || a.point.key.localeCompare(b.point.key));
    const gap = Math.min(SERIES_CHART.markSize + 2, band / sameYear.length);
    sameYear.forEach(({ point }, k) => {
      const markX = x(point.year) + (k - (sameYear.length - 1) / 2) * gap;
      marks.set(point, {
        point,
        x: round(markX),
        y: round(y(point.value)),
        approximate: point.qualifier !== null,
        span: point.from === null ? null : { x1: round(x(point.from)), x2: round(markX) },
      });
    });
  }
  return marks;
}

/** The line through a series' one-year figures, drawn only when each year has one of them and there are two. */
function seriesLine<P extends SeriesPoint>(marks: readonly MarkLayout<P>[]): string | null {
  const single = marks.filter((m) => m.point.from === null).sort((a, b) => a.point.year - b.point.year);
  if (single.length < 2 || new Set(single.map((m) => m.point.year)).size < single.length) return null;
  return single.map((m) => `${m.x},${m.y}`).join(' ');
}

interface PlotSpec<P extends SeriesPoint> {
  title: string | null;
  series: { region: string; regionName: string; shape: Shape; points: P[] }[];
}

/** One plot in its frame: value gridlines and labels on the left, years below, the series' marks. */
function layoutPlot<P extends SeriesPoint>(
  spec: PlotSpec<P>,
  unit: string,
  frame: Frame,
  scale: ValueScale,
  years: SeriesChartLayout<P>['years'],
): PlotLayout<P> {
  const { tickSize } = SERIES_CHART;
  const marks = layoutMarks(spec.series, frame, scale, years);
  const { x } = yearScale(frame, years);
  const most = Math.floor(frame.width / (textWidth('0000', tickSize) + 10));
  const bottom = frame.y + frame.height;
  return {
    title: spec.title === null ? null : { x: frame.x, y: round(frame.y - 6), text: spec.title },
    frame: { x: round(frame.x), y: round(frame.y), width: round(frame.width), height: round(frame.height) },
    valueTicks: scale.ticks.map((value, i) => {
      const y = round(bottom - ((value - scale.low) / (scale.high - scale.low)) * frame.height);
      return { value, y, label: { x: round(frame.x - 4), y: round(y + tickSize * 0.35), text: scale.labels[i]! } };
    }),
    yearTicks: yearTicks(years.first, years.last, most).map((year) => ({
      year,
      x: round(x(year)),
      label: { x: round(x(year)), y: round(bottom + 4 + tickSize), text: String(year) },
    })),
    series: spec.series.map((s) => {
      const seriesMarks = s.points.map((p) => marks.get(p)!);
      const { region, regionName, shape } = s;
      return { region, regionName, unit, shape, line: seriesLine(seriesMarks), marks: seriesMarks };
    }),
  };
}

/** What the groups of a chart share: the years, the room for value labels, the regions' shapes. */
interface ChartFrame {
  years: SeriesChartLayout<SeriesPoint>['years'];
  labelRoom: number;
  /** Shapes by region across the chart, when it has no more regions than shapes (else each group's own). */
  shapes: Map<string, Shape> | null;
}

/** A group's series: one per region, by name; shapes the chart's, or the group's own in small multiples. */
function groupSeries<P extends SeriesPoint>(points: readonly P[], chart: ChartFrame) {
  const regions = [...Map.groupBy(points, (p) => p.region).values()].sort((a, b) =>
    collator.compare(a[0]!.regionName, b[0]!.regionName),
  );
  const small = regions.length > MAX_SERIES;
  return regions.map((regionPoints, i) => ({
    region: regionPoints[0]!.region,
    regionName: regionPoints[0]!.regionName,
    shape: small ? SHAPES[0]! : (chart.shapes?.get(regionPoints[0]!.region) ?? SHAPES[i]!),
    points: regionPoints,
  }));
}

/** The values of one unit: its title, the regions' shapes, then one plot or a grid of small multiples. */
function layoutGroup<P extends SeriesPoint>(
  unit: string,
  points: readonly P[],
  chart: ChartFrame,
  at: Cursor,
): GroupLayout<P> {
  const { margin, width, titleSize, textSize, tickSize } = SERIES_CHART;
  const title = { x: margin, y: round(at.y + titleSize), text: unitTitle(unit, points.length) };
  at.y += lineStep(titleSize) + 4;
  const series = groupSeries(points, chart);
  const small = series.length > MAX_SERIES;
  // Which shape is which region, whenever the chart has several (in a group of one region too).
  const named = !small && (series.length > 1 || (chart.shapes?.size ?? 0) > 1);
  const legend = named
    ? layoutLegend(
        series.map((s) => ({ kind: s.shape, text: s.regionName })),
        at,
      )
    : [];
  const specs: PlotSpec<P>[] = small
    ? series.map((s) => ({ title: s.regionName, series: [s] }))
    : [{ title: null, series }];
  const columns = small ? SERIES_CHART.columns : 1;
  const cellWidth = (width - 2 * margin - (columns - 1) * SERIES_CHART.columnGap) / columns;
  const height = small ? SERIES_CHART.smallPlotHeight : SERIES_CHART.plotHeight;
  const titleRoom = small ? lineStep(textSize) : 0;
  const rowHeight = titleRoom + height + 4 + lineStep(tickSize) + 8;
  const scale = valueScale(unit, points);
  const plots = specs.map((spec, i) => {
    const cellX = margin + (i % columns) * (cellWidth + SERIES_CHART.columnGap);
    const frame = {
      x: cellX + chart.labelRoom,
      y: at.y + Math.floor(i / columns) * rowHeight + titleRoom + 4,
      width: cellWidth - chart.labelRoom,
      height,
    };
    return layoutPlot(spec, unit, frame, scale, chart.years);
  });
  at.y += Math.ceil(specs.length / columns) * rowHeight;
  return { unit, title, legend, plots };
}

/** The chart from top to bottom: how marks are drawn, then a group per unit (the largest first). */
export function layoutSeriesChart<P extends SeriesPoint>(points: readonly P[]): SeriesChartLayout<P> {
  const units = groupByUnit(points);
  const regions = [...new Map(points.map((p) => [p.region, p.regionName]))].sort((a, b) =>
    collator.compare(a[1], b[1]),
  );
  const chart: ChartFrame = {
    years: { first: Math.min(...points.map((p) => p.from ?? p.year)), last: Math.max(...points.map((p) => p.year)) },
    // One room for the value labels of every group, so that the groups' year axes line up.
    labelRoom: Math.max(...units.map(({ unit, items }) => valueScale(unit, items).labelRoom)),
    shapes: regions.length <= MAX_SERIES ? new Map(regions.map(([region], i) => [region, SHAPES[i]!])) : null,
  };
  const at: Cursor = { y: SERIES_CHART.margin };
  const legend = layoutLegend(
    [
      ...(points.some((p) => p.qualifier !== null) ? [{ kind: 'approximate' as const, text: APPROXIMATE_TEXT }] : []),
      ...(points.some((p) => p.from !== null) ? [{ kind: 'cumulative' as const, text: CUMULATIVE_TEXT }] : []),
    ],
    at,
  );
  const groups = units.map(({ unit, items }) => {
    const group = layoutGroup(unit, items, chart, at);
    at.y += SERIES_CHART.groupGap;
    return group;
  });
  const height = round(at.y - SERIES_CHART.groupGap + SERIES_CHART.margin);
  return { width: SERIES_CHART.width, height, years: chart.years, legend, groups };
}

/** The chart in words (its SVG description): the axes, the series, the units, how marks are drawn. */
export function describeSeriesChart(layout: SeriesChartLayout<SeriesPoint>): string {
  const { first, last } = layout.years;
  const plots = layout.groups.flatMap((g) => g.plots);
  const series = plots.flatMap((p) => p.series);
  const marks = series.flatMap((s) => s.marks);
  const regions = [...new Set(series.map((s) => s.regionName))];
  const units = layout.groups.map((g) => (g.unit === '' ? '原文未写单位' : g.unit));
  const parts = [
    `横轴为年份（${first === last ? first : `${first}—${last}`}年），纵轴为数值，每个数值一个点`,
    regions.length > 1 ? `每个地区一个系列（${regions.join('、')}）` : `地区：${regions.join('')}`,
    units.length > 1 && `单位不同（${units.join('、')}），各成一组、各用各的刻度，不可相互比较`,
    layout.groups.some((g) => g.plots.length > 1) && `地区多于 ${MAX_SERIES} 个时每个地区一幅小图，刻度相同`,
    plots.some((p) => p.series.length > 1) && '同一图中的地区以点的形状区分（见图例）',
    marks.some((m) => m.approximate) && '空心点为约数或界限值',
    marks.some((m) => m.span) && '带横线的点为多年累计数，横线跨其累计的年份',
    '同一年的几个数值并排画出；每个点链接到报道中陈述它的句子',
  ];
  return `${parts.filter(Boolean).join('；')}。`;
}
