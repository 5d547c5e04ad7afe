/**
 * The exports as published: drafts' statistics stay out, JSON and CSV written in pieces and gzipped give
 * exactly the text of the whole document (checked against JSON.stringify / Papa.unparse of everything at
 * once), the same input gives the same bytes, and the data pages' selections stay bounded.
 */
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { QUALIFIERS } from '../../src/lib/numbers.ts';
import {
  FORMULA_START,
  BOM,
  COMPARISON_ROWS,
  HEADLINE_COMPARISONS,
  STATISTIC_FIELDS,
  documentJson,
  eachStatisticRecord,
  statisticCount,
  statisticsEnvelope,
  gzipText,
  headlineComparisons,
  headlineSelection,
  reportRecords,
  statisticRecords,
  statisticsCsvChunks,
  statisticsDocument,
  type ArchiveInput,
  type ReportInput,
} from '../../src/lib/open-data/index.ts';

const urlOf = (path: string) => `https://example.org/base${path}`;
const REGIONS = ['north', 'south', 'east'];
const METRICS = ['members', 'unions', 'aid'];

/** Text with the characters CSV and JSON must escape. */
const text = fc.string({
  unit: fc.constantFrom('职', '工', ',', '"', '\n', '\r', ' ', 'a', '“', '\\', '\u2028'),
  maxLength: 12,
});

const stat = fc.record({
  metric: fc.constantFrom(...METRICS).map((id) => ({ id })),
  label: text,
  value: fc.oneof(fc.integer({ min: -10, max: 10_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true })),
  unit: fc.constantFrom('人', '个', '', '%'),
  qualifier: fc.option(fc.constantFrom(...QUALIFIERS), { nil: undefined }),
  year: fc.option(fc.integer({ min: 1995, max: 2025 }), { nil: undefined }),
  quote: text.map((t) => `原文${t}`),
  note: fc.option(text, { nil: undefined }),
});

const archiveOf = (
  rows: { region: string; year: number; reviewed: boolean; stats: ReportInput['data']['stats'] }[],
): ArchiveInput => ({
  reports: rows.map((row, i) => ({
    id: `r${i}`,
    region: row.region,
    year: row.year,
    topics: ['t'],
    data: {
      title: `标题${i}`,
      authors: [],
      period: { from: row.year, to: row.year },
      summary: '摘要',
      source: { file: `r${i}.txt` },
      stats: row.stats,
      reviewed: row.reviewed,
    },
  })),
  regions: new Map(REGIONS.map((id) => [id, { data: { name: `${id}名` } }])),
  topics: new Map([['t', { data: { name: '主题' } }]]),
  metrics: new Map(
    METRICS.map((id) => [id, { data: { name: `${id}名`, unit: '人', category: '类', description: '说明' } }]),
  ),
});

const archives = fc
  .array(
    fc.record({
      region: fc.constantFrom(...REGIONS),
      year: fc.integer({ min: 2000, max: 2005 }),
      reviewed: fc.boolean(),
      stats: fc.array(stat, { maxLength: 6 }),
    }),
    { maxLength: 12 },
  )
  .map(archiveOf);

describe('drafts stay out of the statistics', () => {
  it('exports the statistics of reviewed reports only, and counts none for a draft', () => {
    fc.assert(
      fc.property(archives, (archive) => {
        const reviewed = archive.reports.filter((r) => r.data.reviewed);
        const records = statisticRecords(archive, urlOf);
        expect(records.map((r) => `${r.report_id}:${r.index}`)).toEqual(
          reviewed.flatMap((r) => r.data.stats.map((_, i) => `${r.id}:${i + 1}`)),
        );
        for (const record of reportRecords(archive, urlOf)) {
          const report = archive.reports.find((r) => r.id === record.id)!;
          expect(record.statistics).toBe(report.data.reviewed ? report.data.stats.length : 0);
          expect(record.reviewed).toBe(report.data.reviewed);
        }
      }),
      { seed: 12, numRuns: 100 },
    );
  });
});

describe('exports written in pieces and gzipped', () => {
  it('JSON: the pieces are the document, one record per line, and parse back to it', () => {
    fc.assert(
      fc.property(archives, (archive) => {
        const document = statisticsDocument(statisticRecords(archive, urlOf), urlOf);
        const { statistics, ...envelope } = document;
        const json = [...documentJson(envelope, 'statistics', eachStatisticRecord(archive, urlOf))].join('');
        expect(envelope).toEqual(statisticsEnvelope(statisticCount(archive), urlOf));
        expect(statistics).toEqual([...eachStatisticRecord(archive, urlOf)]);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(document)));
        const lines = json.split('\n').filter((line) => line.startsWith('    {'));
        expect(lines).toHaveLength(document.statistics.length);
      }),
      { seed: 13, numRuns: 100 },
    );
  });

  it('CSV: any batch size gives the text Papa.unparse writes for all rows at once', () => {
    fc.assert(
      fc.property(archives, fc.integer({ min: 1, max: 7 }), (archive, batch) => {
        const records = statisticRecords(archive, urlOf);
        const fields = STATISTIC_FIELDS.map((f) => f.name);
        const whole =
          BOM +
          Papa.unparse(
            { fields, data: records.map((r) => fields.map((f) => r[f] ?? '')) },
            { newline: '\r\n', escapeFormulae: FORMULA_START },
          );
        expect([...statisticsCsvChunks(records, STATISTIC_FIELDS, batch)].join('')).toBe(whole);
        expect([...statisticsCsvChunks(eachStatisticRecord(archive, urlOf), STATISTIC_FIELDS, batch)].join('')).toBe(
          whole,
        );
      }),
      { seed: 14, numRuns: 100 },
    );
  });

  it('gzip: decompresses to the pieces joined, and the same input gives the same bytes', async () => {
    const pieces = ['{"a":', '"职工书屋"', ',"b":[1,2,3]}\n', ''.padEnd(100_000, '工会')];
    const [one, two] = await Promise.all([gzipText(pieces), gzipText(pieces)]);
    expect(gunzipSync(Buffer.from(one)).toString('utf8')).toBe(pieces.join(''));
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
  });
});

describe('headline comparisons on /data/', () => {
  it('show at most a fixed number of comparisons and rows, each a tail of a real comparison', () => {
    fc.assert(
      fc.property(archives, (archive) => {
        const comparisons = headlineComparisons(statisticRecords(archive, urlOf));
        const selection = headlineSelection(comparisons);
        expect(selection.length).toBe(Math.min(HEADLINE_COMPARISONS, comparisons.length));
        for (const { comparison, omitted } of selection) {
          expect(comparison.records.length).toBeLessThanOrEqual(COMPARISON_ROWS);
          const full = comparisons.find(
            (c) => c.kind === comparison.kind && c.metric === comparison.metric && c.fixed === comparison.fixed,
          )!;
          expect(full.records.slice(omitted)).toEqual(comparison.records);
        }
      }),
      { seed: 15, numRuns: 100 },
    );
  });
});
