import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByUnit, niceTicks, textWidth, tickLabel, wrapText, yearTicks } from '../../src/lib/chart.ts';
import {
  MAX_SERIES,
  SERIES_CHART,
  describeSeriesChart,
  layoutSeriesChart,
  markPath,
  type SeriesPoint,
} from '../../src/lib/series-chart.ts';

let keys = 0;
const point = (value: number, year: number, more: Partial<SeriesPoint> = {}): SeriesPoint => ({
  key: `k${keys++}`,
  value,
  unit: '人',
  qualifier: null,
  region: 'inner-mongolia',
  regionName: '内蒙古自治区',
  year,
  from: null,
  ...more,
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

  it('never throws and gives finite covering ticks, denormal numbers and extreme magnitudes included', () => {
    expect(niceTicks(0, 5e-324)).toEqual([0, 1e-300]);
    expect(niceTicks(-5e-324, 0).at(0)).toBeLessThanOrEqual(-5e-324);
    const any = fc.double({ min: -1e300, max: 1e300, noNaN: true });
    fc.assert(
      fc.property(any, any, (a, b) => {
        const [min, max] = [Math.min(a, b), Math.max(a, b)];
        const ticks = niceTicks(min, max);
        expect(ticks.every(Number.isFinite)).toBe(true);
        expect(ticks[0]).toBeLessThanOrEqual(Math.min(0, min));
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(9);
      }),
    );
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
    const groups = groupByUnit([1, 2, 3, 4, 5].map((value, i) => ({ value, unit: i % 3 === 0 ? '个' : '家' })));
    expect(groups.map((g) => g.unit)).toEqual(['家', '个']);
    expect(groups[0]!.items.map((b) => b.value)).toEqual([2, 3, 5]);
  });
});

describe('yearTicks', () => {
  it('labels every year of a short span, round years of a long one, at most the number asked', () => {
    expect(yearTicks(2013, 2017, 10)).toEqual([2013, 2014, 2015, 2016, 2017]);
    expect(yearTicks(2003, 2024, 6)).toEqual([2005, 2010, 2015, 2020]);
    expect(yearTicks(2008, 2008, 4)).toEqual([2008]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.nat(150),
        fc.integer({ min: 1, max: 12 }),
        (first, span, most) => {
          const ticks = yearTicks(first, first + span, most);
          expect(ticks.length).toBeGreaterThanOrEqual(1);
          expect(ticks.length).toBeLessThanOrEqual(most);
          for (const year of ticks) expect(year >= first && year <= first + span).toBe(true);
        },
      ),
    );
  });
});

describe('layoutSeriesChart', () => {
  const regions = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ region: id, regionName: `地区${id}` }));
  const points = fc.array(
    fc.record({
      value: fc.oneof(fc.integer({ min: 0, max: 1e10 }), fc.double({ min: 0.01, max: 1e6, noNaN: true })),
      year: fc.integer({ min: 2000, max: 2025 }),
      span: fc.option(fc.integer({ min: 0, max: 10 })),
      unit: fc.constantFrom('人', '人次', ''),
      approximate: fc.boolean(),
      region: fc.constantFrom(...regions),
    }),
    { minLength: 1, maxLength: 40 },
  );
  const toPoints = (drawn: typeof points extends fc.Arbitrary<infer T> ? T : never) =>
    drawn.map((d) =>
      point(d.value, d.year, {
        ...d.region,
        unit: d.unit,
        qualifier: d.approximate ? '多' : null,
        from: d.span === null ? null : d.year - d.span,
      }),
    );
  const marksOf = (layout: ReturnType<typeof layoutSeriesChart>) =>
    layout.groups.flatMap((g) => g.plots.flatMap((p) => p.series.flatMap((s) => s.marks)));

  it('draws one mark per value, one series per region and unit, each unit in a group of its own', () => {
    fc.assert(
      fc.property(points, (drawn) => {
        const input = toPoints(drawn);
        const layout = layoutSeriesChart(input);
        expect(marksOf(layout).map((m) => m.point)).toHaveLength(input.length);
        expect(new Set(marksOf(layout).map((m) => m.point))).toEqual(new Set(input));
        expect(layout.groups.map((g) => g.unit).sort()).toEqual([...new Set(input.map((p) => p.unit))].sort());
        const series = layout.groups.flatMap((g) => g.plots.flatMap((p) => p.series));
        expect(series.map((s) => `${s.region}/${s.unit}`).sort()).toEqual(
          [...new Set(input.map((p) => `${p.region}/${p.unit}`))].sort(),
        );
        for (const group of layout.groups) {
          for (const s of group.plots.flatMap((p) => p.series)) {
            expect(s.unit).toBe(group.unit);
            for (const m of s.marks) expect([m.point.region, m.point.unit]).toEqual([s.region, group.unit]);
          }
        }
      }),
    );
  });

  it('orders marks by year along the axis and keeps them inside their plot, at their value', () => {
    fc.assert(
      fc.property(points, (drawn) => {
        const layout = layoutSeriesChart(toPoints(drawn));
        for (const plot of layout.groups.flatMap((g) => g.plots)) {
          const marks = plot.series.flatMap((s) => s.marks).sort((a, b) => a.x - b.x);
          for (let i = 1; i < marks.length; i++) {
            expect(marks[i]!.point.year).toBeGreaterThanOrEqual(marks[i - 1]!.point.year);
          }
          const { x, y, width, height } = plot.frame;
          const top = plot.valueTicks.at(-1)!;
          for (const m of marks) {
            expect(m.x - SERIES_CHART.markSize / 2).toBeGreaterThanOrEqual(x - 0.1);
            expect(m.x + SERIES_CHART.markSize / 2).toBeLessThanOrEqual(x + width + 0.1);
            expect(m.y).toBeGreaterThanOrEqual(y - 0.1);
            expect(m.y).toBeLessThanOrEqual(y + height + 0.1);
            // Linear from the axis: the value's share of the top tick is the mark's share of the height.
            expect(Math.abs(y + height - m.y - (m.point.value / top.value) * height)).toBeLessThanOrEqual(0.11);
          }
        }
        expect(layout.height).toBeGreaterThan(0);
      }),
    );
  });

  it('puts up to four regions in one plot told apart by shape, more as small multiples on one scale', () => {
    const few = layoutSeriesChart(regions.slice(0, MAX_SERIES).map((r, i) => point(10 * (i + 1), 2013, r)));
    expect(few.groups[0]!.plots).toHaveLength(1);
    expect(new Set(few.groups[0]!.plots[0]!.series.map((s) => s.shape)).size).toBe(MAX_SERIES);
    expect(few.groups[0]!.legend.map((e) => e.lines[0]!.text)).toEqual(
      regions.slice(0, MAX_SERIES).map((r) => r.regionName),
    );
    const many = layoutSeriesChart(regions.map((r, i) => point(10 * (i + 1), 2013 + i, r)));
    const plots = many.groups[0]!.plots;
    expect(plots).toHaveLength(regions.length);
    expect(plots.map((p) => p.title?.text)).toEqual(regions.map((r) => r.regionName));
    expect(new Set(plots.map((p) => JSON.stringify(p.valueTicks.map((t) => t.value))))).toHaveProperty('size', 1);
    expect(many.groups[0]!.legend).toEqual([]);
    for (const plot of plots) {
      expect(plot.frame.x + plot.frame.width).toBeLessThanOrEqual(SERIES_CHART.width);
      expect(plot.yearTicks[0]!.label.y).toBeLessThanOrEqual(many.height);
    }
  });

  it('gives a region the same shape in every unit and names the shapes, lining up the groups’ year axes', () => {
    const [a, b] = regions;
    const layout = layoutSeriesChart([point(1, 2013, a), point(2, 2014, b), point(3, 2015, { ...b, unit: '人次' })]);
    const shapeOf = new Map<string, string>();
    for (const s of layout.groups.flatMap((g) => g.plots.flatMap((p) => p.series))) {
      expect(shapeOf.get(s.region) ?? s.shape).toBe(s.shape);
      shapeOf.set(s.region, s.shape);
    }
    expect(layout.groups.map((g) => g.legend.map((e) => e.lines[0]!.text))).toEqual([
      [a!.regionName, b!.regionName],
      [b!.regionName],
    ]);
    expect(new Set(layout.groups.map((g) => g.plots[0]!.frame.x)).size).toBe(1);
  });

  it('shows a single value, and a region with one year, as a single point', () => {
    const layout = layoutSeriesChart([point(615.7, 2013)]);
    const [plot] = layout.groups[0]!.plots;
    const [series] = plot!.series;
    expect(series!.marks).toHaveLength(1);
    expect(series!.line).toBeNull();
    expect(series!.marks[0]!.x).toBeCloseTo(plot!.frame.x + plot!.frame.width / 2, 0);
    expect(plot!.yearTicks.map((t) => t.year)).toEqual([2013]);
  });

  it('joins a region’s one-year figures by a line only when each year has one', () => {
    const line = (input: SeriesPoint[]) => layoutSeriesChart(input).groups[0]!.plots[0]!.series[0]!.line;
    expect(line([point(1, 2009), point(2, 2013), point(3, 2024)])).toMatch(/^[\d.]+,[\d.]+( [\d.]+,[\d.]+){2}$/);
    expect(line([point(1, 2013), point(2, 2013), point(3, 2024)])).toBeNull();
    expect(line([point(1, 2013), point(2, 2024, { from: 2019 })])).toBeNull();
  });

  it('marks approximate values hollow and spans cumulative ones, explaining each only when used', () => {
    const layout = layoutSeriesChart([point(100, 2013, { qualifier: '多' }), point(200, 2024, { from: 2019 })]);
    const [approx, cumulative] = marksOf(layout);
    expect([approx!.approximate, cumulative!.approximate]).toEqual([true, false]);
    expect(approx!.span).toBeNull();
    expect(cumulative!.span!.x1).toBeLessThan(cumulative!.span!.x2);
    expect(layout.years).toEqual({ first: 2013, last: 2024 });
    expect(layout.legend.map((e) => e.kind)).toEqual(['approximate', 'cumulative']);
    expect(layoutSeriesChart([point(1, 2013)]).legend).toEqual([]);
    expect(describeSeriesChart(layout)).toContain('空心点为约数或界限值');
  });

  it('keeps the legend and titles inside the drawing', () => {
    const layout = layoutSeriesChart([
      point(1, 2013, { qualifier: '约', unit: '' }),
      point(2, 2014, { from: 2009, unit: '人次' }),
      ...regions.slice(0, 3).map((r) => point(3, 2015, r)),
    ]);
    const lines = [...layout.legend, ...layout.groups.flatMap((g) => g.legend)].flatMap((e) => e.lines);
    for (const line of [...lines, ...layout.groups.map((g) => g.title)]) {
      expect(line.x + textWidth(line.text, SERIES_CHART.textSize)).toBeLessThanOrEqual(layout.width);
      expect(line.y).toBeLessThanOrEqual(layout.height);
    }
  });
});

describe('markPath', () => {
  it('draws every shape as a closed path around its centre', () => {
    for (const shape of ['circle', 'square', 'triangle', 'diamond'] as const) {
      const d = markPath(shape, 50, 20, 10);
      expect(d).toMatch(/^M.*Z$/);
      // The arcs' radii are no points: drop them.
      const numbers = [...d.replace(/A[\d.]+,[\d.]+ 0 1 0 /g, ' ').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      for (const [x, y] of numbers) {
        expect(Math.abs(x! - 50)).toBeLessThanOrEqual(7);
        expect(Math.abs(y! - 20)).toBeLessThanOrEqual(7);
      }
    }
  });
});
