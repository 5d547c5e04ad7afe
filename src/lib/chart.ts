/**
 * Geometry of the metric pages' bar charts, computed at build time and drawn as inline SVG. One bar per
 * value; values in different units go to separate panels with their own axis (never one scale for 人 and
 * 人次); approximate values and bounds (多, 以上 …) are flagged so the drawing can hatch them. Axis ticks
 * are round numbers read the Chinese way (5000、1万、1.5万 / 5000万、1亿), via formatQuantity.
 */
import { formatQuantity } from './numbers.ts';

export interface BarInput {
  /** Stable key of the value (e.g. report id and index), for the drawing's data attributes. */
  key: string;
  value: number;
  unit: string;
  /** 多/余/近/约/超过/以上/左右, or null for an exact figure. */
  qualifier: string | null;
  /** Small line above the label: where and when (内蒙古自治区 · 2013年). */
  meta: string;
  /** What the value is, wrapped to the chart's width. */
  label: string;
  /** The value as printed beside the bar (近150万人). */
  valueText: string;
}

export interface TextLine {
  x: number;
  y: number;
  text: string;
}

export interface BarLayout {
  key: string;
  value: number;
  /** Drawn hatched: the source gives an approximation or a bound, not an exact figure. */
  approximate: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  meta: TextLine;
  label: TextLine[];
  valueLabel: TextLine;
}

export interface PanelLayout {
  unit: string;
  title: TextLine;
  /** x of the value 0, where the bars start. */
  zeroX: number;
  /** A zero line is drawn only when the axis has negative values (otherwise zero is the axis start). */
  showZero: boolean;
  /** Top and bottom of the bar area (for the zero line). */
  top: number;
  bottom: number;
  axis: { y: number; x1: number; x2: number };
  ticks: { value: number; x: number; label: TextLine }[];
  bars: BarLayout[];
}

export interface ChartLayout {
  width: number;
  height: number;
  /** Where the legend for hatched bars stands, when any bar is hatched. */
  legend: { swatch: { x: number; y: number; size: number }; lines: TextLine[] } | null;
  panels: PanelLayout[];
}

/** Sizes in SVG user units; the drawing scales to its container (viewBox, width 100%). */
export const CHART = {
  width: 400,
  margin: 8,
  titleSize: 14,
  metaSize: 13,
  labelSize: 15,
  valueSize: 14,
  tickSize: 13,
  lineHeight: 1.35,
  barHeight: 14,
  rowGap: 12,
  panelGap: 24,
  /** The bars keep at least this share of the width, however long the value labels. */
  minPlotShare: 0.55,
} as const;

const round = (n: number) => Math.round(n * 10) / 10;

/** Rough advance width of a text: CJK and full-width characters are 1 em, others about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return ems * fontSize;
}

/** Punctuation that may not start a line (Chinese line-breaking rules). */
const NO_LINE_START = new Set('，。、；：？！…）】》」』”’%,.;:?!)]');

/**
 * Breaks a text into lines no wider than maxWidth (Chinese breaks between any two characters). Closing
 * punctuation never starts a line: the character before it moves down with it.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const char of text) {
    if (line.length > 0 && textWidth(line.join('') + char, fontSize) > maxWidth) {
      // Break before the last character that may start a line; with none, the punctuation overhangs.
      let at = line.length;
      if (NO_LINE_START.has(char)) {
        at = line.length - 1;
        while (at > 0 && NO_LINE_START.has(line[at]!)) at--;
      }
      if (at > 0) {
        lines.push(line.slice(0, at).join(''));
        line = line.slice(at);
      }
    }
    line.push(char);
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.join(''));
  return lines;
}

/** Round tick values (1, 2 or 5 × 10ⁿ apart) covering [min, max] in about `target` steps. */
export function niceTicks(min: number, max: number, target = 4): number[] {
  const low = Math.min(0, min);
  let high = Math.max(0, max);
  if (low === high) high = low + 1;
  const raw = (high - low) / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw - power * 1e-9) ?? 10) * power;
  // Whole steps from the origin; the tolerance keeps division noise (0.6 / 0.2 = 2.9999…) from adding a step.
  let first = Math.floor(low / step + 1e-9);
  let last = Math.ceil(high / step - 1e-9);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  // Rounded to the step's decimals, so ticks carry no binary noise (0.30000000000000004).
  const tick = (i: number) => Number((i * step).toFixed(decimals));
  while (tick(first) > low) first--;
  while (tick(last) < high) last++;
  return Array.from({ length: last - first + 1 }, (_, i) => tick(first + i));
}

/** Tick label in Chinese magnitudes: 0, 5000, 1万, 1.5亿; % keeps its sign, other units go in the title. */
export function tickLabel(value: number, unit: string): string {
  return formatQuantity({ value, unit: unit === '%' ? '%' : '' });
}

/** Groups of values by unit, largest group first; order within a group is kept. */
export function groupByUnit<T extends { unit: string }>(items: readonly T[]): { unit: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.unit, [...(groups.get(item.unit) ?? []), item]);
  return [...groups]
    .map(([unit, grouped]) => ({ unit, items: grouped }))
    .sort((a, b) => b.items.length - a.items.length);
}

export function unitTitle(unit: string, count: number): string {
  return `单位：${unit === '' ? '原文未写单位' : unit}（${count} 项）`;
}

export const LEGEND_TEXT = '斜纹条：原文为约数或界限值（多、余、近、约、超过、以上、左右），非精确数字';

/** Where the next part of the chart starts: each layout step reads it and moves it down. */
interface Cursor {
  y: number;
}

/** The legend for hatched bars, above the panels, when any value is approximate. */
function layoutLegend(inputs: readonly BarInput[], at: Cursor): ChartLayout['legend'] {
  if (!inputs.some((b) => b.qualifier !== null)) return null;
  const { width, margin, lineHeight, metaSize } = CHART;
  const textX = margin + metaSize + 6;
  const lines = wrapText(LEGEND_TEXT, width - margin - textX, metaSize).map((text, i) => ({
    x: textX,
    y: round(at.y + metaSize + i * metaSize * lineHeight),
    text,
  }));
  const legend = { swatch: { x: margin, y: at.y + 2, size: metaSize }, lines };
  at.y += lines.length * metaSize * lineHeight + CHART.rowGap;
  return legend;
}

/** A panel's value axis: round ticks over its values, the plot narrowed to leave room for the value labels. */
function panelScale(items: readonly BarInput[]) {
  const inner = CHART.width - 2 * CHART.margin;
  const values = items.map((b) => b.value);
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const low = ticks[0]!;
  const high = ticks[ticks.length - 1]!;
  const valueRoom = Math.max(...items.map((b) => textWidth(b.valueText, CHART.valueSize))) + 6;
  const plotWidth = Math.max(inner * CHART.minPlotShare, inner - valueRoom);
  const x = (value: number) => CHART.margin + ((value - low) / (high - low)) * plotWidth;
  return { ticks, low, plotWidth, x, zeroX: x(0) };
}

type Scale = ReturnType<typeof panelScale>;

/** One value: its meta line and wrapped label, then the bar from zero with the printed value beside it. */
function layoutBar(b: BarInput, { x, zeroX }: Scale, at: Cursor): BarLayout {
  const { margin, lineHeight } = CHART;
  const meta = { x: margin, y: round(at.y + CHART.metaSize), text: b.meta };
  at.y += CHART.metaSize * lineHeight;
  const label = wrapText(b.label, CHART.width - 2 * margin, CHART.labelSize).map((text) => {
    const line = { x: margin, y: round(at.y + CHART.labelSize), text };
    at.y += CHART.labelSize * lineHeight;
    return line;
  });
  at.y += 2;
  const end = x(b.value);
  const bar = {
    key: b.key,
    value: b.value,
    approximate: b.qualifier !== null,
    x: round(Math.min(zeroX, end)),
    y: round(at.y),
    width: round(Math.abs(end - zeroX)),
    height: CHART.barHeight,
    meta,
    label,
    valueLabel: {
      x: round(Math.max(zeroX, end) + 4),
      y: round(at.y + CHART.barHeight / 2 + CHART.valueSize * 0.35),
      text: b.valueText,
    },
  };
  at.y += CHART.barHeight + CHART.rowGap;
  return bar;
}

/** The values of one unit: title, bars, then the axis with its ticks under them. */
function layoutPanel(unit: string, items: readonly BarInput[], at: Cursor): PanelLayout {
  const { margin, lineHeight } = CHART;
  const title = { x: margin, y: round(at.y + CHART.titleSize), text: unitTitle(unit, items.length) };
  at.y += CHART.titleSize * lineHeight + 6;
  const top = at.y;
  const scale = panelScale(items);
  const bars = items.map((b) => layoutBar(b, scale, at));
  const axisY = at.y - CHART.rowGap + 4;
  at.y = axisY + 4 + CHART.tickSize * lineHeight;
  return {
    unit,
    title,
    zeroX: round(scale.zeroX),
    showZero: scale.low < 0,
    top,
    bottom: round(axisY),
    axis: { y: round(axisY), x1: margin, x2: round(margin + scale.plotWidth) },
    ticks: scale.ticks.map((value) => ({
      value,
      x: round(scale.x(value)),
      label: { x: round(scale.x(value)), y: round(axisY + 4 + CHART.tickSize), text: tickLabel(value, unit) },
    })),
    bars,
  };
}

/** The chart from top to bottom: the legend, then a panel per unit (largest first), a gap between panels. */
export function layoutBarChart(inputs: readonly BarInput[]): ChartLayout {
  const at: Cursor = { y: CHART.margin };
  const legend = layoutLegend(inputs, at);
  const panels = groupByUnit(inputs).map(({ unit, items }) => {
    const panel = layoutPanel(unit, items, at);
    at.y += CHART.panelGap;
    return panel;
  });
  return { width: CHART.width, height: round(at.y - CHART.panelGap + CHART.margin), legend, panels };
}
