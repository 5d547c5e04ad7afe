/**
 * The parts of the build-time charts (inline SVG, src/lib/series-chart.ts) that do not depend on the chart's
 * kind: text measure and wrapping, round axis ticks read the Chinese way (5000、1万、1.5万 / 5000万、1亿, via
 * formatQuantity), year ticks, and grouping by unit (values in different units are never on one scale).
 */
import { formatQuantity } from './numbers.ts';

export interface TextLine {
  x: number;
  y: number;
  text: string;
}

/** A number rounded to 0.1 SVG user units, which is all a drawing needs (and keeps the markup short). */
export const round = (n: number) => Math.round(n * 10) / 10;

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

/** Below this a step cannot be divided further (denormal numbers): tinier spans are drawn on this one. */
const SMALLEST_STEP = 1e-300;

/** Round tick values (1, 2 or 5 × 10ⁿ apart) covering [min, max] and zero in about `target` steps. */
export function niceTicks(min: number, max: number, target = 4): number[] {
  const low = Math.min(0, min);
  let high = Math.max(0, max);
  if (low === high) high = low + 1;
  const raw = Math.max((high - low) / target, SMALLEST_STEP);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw - power * 1e-9) ?? 10) * power;
  // Whole steps from the origin; the tolerance keeps division noise (0.6 / 0.2 = 2.9999…) from adding a step.
  let first = Math.floor(low / step + 1e-9);
  let last = Math.ceil(high / step - 1e-9);
  // A tick has one or two significant digits: twelve drop the binary noise (0.30000000000000004) at any
  // magnitude (toFixed would need more than its 100 decimals for tiny steps).
  const tick = (i: number) => Number((i * step).toPrecision(12));
  while (tick(first) > low) first--;
  while (tick(last) < high) last++;
  return Array.from({ length: last - first + 1 }, (_, i) => tick(first + i));
}

/**
 * Years to label on a time axis from `first` to `last`: every 1, 2, 5, 10, 20, 50 … years, the smallest
 * step giving at most `most` labels (the first year alone when no multiple of that step falls in range).
 */
export function yearTicks(first: number, last: number, most: number): number[] {
  const multiples = (step: number) => {
    const years: number[] = [];
    for (let year = Math.ceil(first / step) * step; year <= last; year += step) years.push(year);
    return years;
  };
  for (let power = 1; ; power *= 10) {
    for (const step of [power, 2 * power, 5 * power]) {
      const years = multiples(step);
      if (years.length === 0) return [first];
      if (years.length <= Math.max(1, most)) return years;
    }
  }
}

/** Tick label in Chinese magnitudes: 0, 5000, 1万, 1.5亿; % keeps its sign, other units go in the title. */
export function tickLabel(value: number, unit: string): string {
  return formatQuantity({ value, unit: unit === '%' ? '%' : '' });
}

/** Groups of values by unit, largest group first; order within a group is kept. */
export function groupByUnit<T extends { unit: string }>(items: readonly T[]): { unit: string; items: T[] }[] {
  return [...Map.groupBy(items, (item) => item.unit)]
    .map(([unit, grouped]) => ({ unit, items: grouped }))
    .sort((a, b) => b.items.length - a.items.length);
}

export function unitTitle(unit: string, count: number): string {
  return `单位：${unit === '' ? '原文未写单位' : unit}（${count} 项）`;
}
