import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHART,
  groupByUnit,
  layoutBarChart,
  niceTicks,
  textWidth,
  tickLabel,
  wrapText,
  type BarInput,
} from '../../src/lib/chart.ts';

const bar = (value: number, unit = '人', qualifier: string | null = null, label = '某项数据'): BarInput => ({
  key: `k${value}${unit}`,
  value,
  unit,
  qualifier,
  meta: '某地 · 2013年',
  label,
  valueText: `${value}${unit}`,
});

describe('niceTicks', () => {
  // Values as the archive has them: counts, sums of money, percentages with a few decimals.
  const value = fc.oneof(fc.integer({ min: 0, max: 1e12 }), fc.double({ min: 0.01, max: 1e6, noNaN: true }));
  const range = fc.tuple(value, value).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

  it('covers the values and zero with evenly spaced round steps (1, 2 or 5 × 10ⁿ)', () => {
    fc.assert(
      fc.property(range, ([min, max]) => {
        const ticks = niceTicks(min, max);
        expect(ticks[0]).toBeLessThanOrEqual(Math.min(0, min));
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
        expect(ticks).toContain(0);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(9);
        const step = ticks[1]! - ticks[0]!;
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeCloseTo(step, 6);
      }),
    );
  });

  it('gives ticks without binary noise', () => {
    expect(niceTicks(0, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('spans negative values and a range of zeros', () => {
    const ticks = niceTicks(-30, 70);
    expect(ticks[0]).toBeLessThanOrEqual(-30);
    expect(ticks).toContain(0);
    expect(niceTicks(0, 0).length).toBeGreaterThanOrEqual(2);
  });
});

describe('tickLabel', () => {
  it('reads round numbers the Chinese way, in 万 and 亿', () => {
    expect([0, 50000, 100000, 150000].map((v) => tickLabel(v, '人'))).toEqual(['0', '5万', '10万', '15万']);
    expect(tickLabel(5000, '人')).toBe('5000');
    expect(tickLabel(50000000, '元')).toBe('5000万');
    expect(tickLabel(100000000, '元')).toBe('1亿');
    expect(tickLabel(150000000, '元')).toBe('1.5亿');
  });

  it('keeps the percent sign (other units stand in the panel title)', () => {
    expect(tickLabel(50, '%')).toBe('50%');
    expect(tickLabel(20000, '人次')).not.toContain('人次');
  });
});

describe('wrapText', () => {
  const text = fc.array(fc.constantFrom('工', '会', '，', '。', '）', 'a', '1', '%', '“'), {
    minLength: 1,
    maxLength: 80,
  });

  it('keeps every character, in order, and no line starts with closing punctuation', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 40, max: 400 }), (chars, width) => {
        const source = chars.join('');
        const lines = wrapText(source, width, 14);
        expect(lines.join('')).toBe(source);
        for (const line of lines.slice(1)) expect('，。）%').not.toContain(line[0]);
      }),
    );
  });

  it('keeps lines within the width when the text allows it', () => {
    const lines = wrapText(
      '全区工会基层组织从2009年的4.35万个增加到2013年底的7.37万个，工会会员发展到615.7万人。',
      150,
      14,
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(150);
  });
});

describe('groupByUnit', () => {
  it('puts the largest group first and keeps order inside a group', () => {
    const groups = groupByUnit([bar(1, '个'), bar(2, '家'), bar(3, '家'), bar(4, '个'), bar(5, '家')]);
    expect(groups.map((g) => g.unit)).toEqual(['家', '个']);
    expect(groups[0]!.items.map((b) => b.value)).toEqual([2, 3, 5]);
  });
});

describe('layoutBarChart', () => {
  const value = fc.oneof(fc.integer({ min: 0, max: 1e10 }), fc.double({ min: 0.01, max: 1e6, noNaN: true }));
  const values = fc.array(value, { minLength: 1, maxLength: 15 });

  it('draws one bar per value, with lengths proportional to the values', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const layout = layoutBarChart(vs.map((v) => bar(v)));
        const bars = layout.panels.flatMap((p) => p.bars);
        expect(bars).toHaveLength(vs.length);
        const panel = layout.panels[0]!;
        const high = panel.ticks[panel.ticks.length - 1]!;
        const plot = panel.axis.x2 - panel.axis.x1;
        for (const b of bars) {
          expect(b.x).toBeCloseTo(panel.zeroX, 0);
          // Rounded to 0.1 user units.
          expect(Math.abs(b.width - (b.value / high.value) * plot)).toBeLessThanOrEqual(0.11);
        }
      }),
    );
  });

  it('keeps bars, value labels and ticks inside the drawing, rows one below another', () => {
    const long = '自治区总工会新业态劳动者普惠性服务投入（含会员普惠、关爱行动、法律援助等多项工作）';
    const layout = layoutBarChart([bar(96000000, '元', null, long), bar(140000000, '元', '多'), bar(2000000, '')]);
    let previous = -Infinity;
    for (const panel of layout.panels) {
      for (const b of panel.bars) {
        expect(b.meta.y).toBeGreaterThan(previous);
        expect(b.y).toBeGreaterThan(b.label[b.label.length - 1]!.y);
        expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
        expect(b.valueLabel.x + textWidth(b.valueLabel.text, CHART.valueSize)).toBeLessThanOrEqual(layout.width);
        for (const line of b.label)
          expect(line.x + textWidth(line.text, CHART.labelSize)).toBeLessThanOrEqual(layout.width);
        previous = b.y + b.height;
      }
      expect(panel.axis.y).toBeGreaterThanOrEqual(previous);
      for (const tick of panel.ticks) expect(tick.label.y).toBeLessThanOrEqual(layout.height);
      previous = panel.ticks[0]!.label.y;
    }
  });

  it('gives each unit its own panel and scale, never one axis for different units', () => {
    const layout = layoutBarChart([bar(500, '人'), bar(200000, '人次'), bar(300, '人')]);
    expect(layout.panels.map((p) => p.unit)).toEqual(['人', '人次']);
    const [people, visits] = layout.panels;
    expect(people!.bars.map((b) => b.value)).toEqual([500, 300]);
    expect(people!.ticks[people!.ticks.length - 1]!.value).toBeLessThan(200000);
    expect(visits!.ticks[visits!.ticks.length - 1]!.value).toBeGreaterThanOrEqual(200000);
    expect(visits!.title.text).toContain('人次');
  });

  it('hatches approximate values and bounds, and explains the hatching only when used', () => {
    const mixed = layoutBarChart([bar(100, '个', '多'), bar(200, '个')]);
    expect(mixed.panels[0]!.bars.map((b) => b.approximate)).toEqual([true, false]);
    expect(mixed.legend?.lines.map((l) => l.text).join('')).toContain('约数');
    expect(layoutBarChart([bar(100, '个')]).legend).toBeNull();
  });

  it('draws a zero line only for axes that cross zero', () => {
    expect(layoutBarChart([bar(5)]).panels[0]!.showZero).toBe(false);
    const negative = layoutBarChart([bar(-5), bar(10)]).panels[0]!;
    expect(negative.showZero).toBe(true);
    const [down, up] = negative.bars;
    expect(down!.x + down!.width).toBeCloseTo(negative.zeroX, 0);
    expect(up!.x).toBeCloseTo(negative.zeroX, 0);
  });
});
