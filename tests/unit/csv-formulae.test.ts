/**
 * statistics.csv opened in a spreadsheet: no text cell starts a formula, and the CSV reader still gets
 * every text back exactly. Oracle: a cell is dangerous when its first character is one of = + - @ TAB CR.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, statisticFromCsvRow, statisticsCsv, type StatisticRecord } from '../../src/lib/open-data/index.ts';

const base: StatisticRecord = {
  report_id: 'x',
  report_title: '标题',
  report_url: 'https://e.org/reports/x/',
  region: 'china',
  region_name: '中国',
  report_year: 2020,
  index: 1,
  metric: 'm',
  metric_name: '指标',
  category: '类',
  label: '说明',
  value: -5,
  unit: '个',
  qualifier: null,
  year: null,
  period_from: null,
  period_to: null,
  quote: '原句',
  quote_url: 'https://e.org/reports/x/#q',
  note: null,
};
const text = fc
  .array(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', '工', ',', '"', '1'), { maxLength: 6 })
  .map((c) => c.join(''));

describe('statistics.csv and formula injection', () => {
  it('starts no text cell with = + - @ TAB or CR, and reads every text back unchanged', () => {
    fc.assert(
      fc.property(text, text, text, (title, label, quote) => {
        const record = { ...base, report_title: title, label, quote, note: quote || null };
        const csv = statisticsCsv([record]).slice(BOM.length);
        const [header, row] = Papa.parse<string[]>(csv).data;
        // The value column holds the number -5, which may start with '-'; every other cell is text.
        const textCells = row!.filter((_, i) => header![i] !== 'value');
        expect(textCells).toHaveLength(row!.length - 1);
        expect(textCells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
        const parsed = Papa.parse<Record<string, string>>(csv, { header: true }).data[0]!;
        expect(statisticFromCsvRow(parsed)).toEqual(record);
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });

  it('writes negative numbers as numbers', () => {
    expect(statisticsCsv([base])).toContain(',-5,');
  });
});
