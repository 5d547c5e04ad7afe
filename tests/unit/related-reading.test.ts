/**
 * Related reading, computed once for the whole archive from integers, against the obvious computation:
 * score every other report, drop zeros, sort by score then date, take five.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chronological, dateKey, relatedReading, type OrderableReport } from '../../src/lib/report-order.ts';

function oracle(report: OrderableReport, all: readonly OrderableReport[], limit: number): string[] {
  const score = (other: OrderableReport) => {
    const sharedTopics = other.topics.filter((t) => report.topics.includes(t)).length;
    const sameRegion = other.region === report.region ? 2 : 0;
    const sharedAncestor = other.regionLineage.some((r) => report.regionLineage.includes(r) && r !== 'china') ? 1 : 0;
    return sharedTopics * 2 + sameRegion + sharedAncestor;
  };
  return all
    .filter((other) => other.id !== report.id)
    .map((other) => ({ other, score: score(other) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || dateKey(b.other).localeCompare(dateKey(a.other)))
    .slice(0, limit)
    .map(({ other }) => other.id);
}

// A small region tree (china › two provinces › cities) and 40 topics, so topic sets span two 32-bit words.
const LINEAGES = [
  ['china'],
  ['china', 'p1'],
  ['china', 'p1', 'c1'],
  ['china', 'p1', 'c2'],
  ['china', 'p2'],
  ['china', 'p2', 'c3'],
  ['p3'],
];
const TOPICS = Array.from({ length: 40 }, (_, i) => `t${i}`);

const archive = fc
  .array(
    fc.record({
      lineage: fc.constantFrom(...LINEAGES),
      topics: fc.uniqueArray(fc.constantFrom(...TOPICS), { minLength: 1, maxLength: 5 }),
      year: fc.integer({ min: 1995, max: 2000 }),
      month: fc.option(fc.integer({ min: 1, max: 3 })),
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    chronological(
      rows.map((row, i): OrderableReport => ({
        id: `r${String(i).padStart(3, '0')}`,
        year: row.year,
        ...(row.month ? { date: { value: `${row.year}-0${row.month}` } } : {}),
        region: row.lineage.at(-1)!,
        regionLineage: row.lineage,
        topics: row.topics,
      })),
    ).reverse(),
  );

describe('relatedReading', () => {
  it('gives every report the same related reports as scoring and sorting the whole archive', () => {
    fc.assert(
      fc.property(archive, fc.integer({ min: 1, max: 6 }), (reports, limit) => {
        const related = relatedReading(reports, limit);
        expect(related.size).toBe(reports.length);
        for (const report of reports) {
          expect(related.get(report.id)!.map((r) => r.id)).toEqual(oracle(report, reports, limit));
        }
      }),
      { seed: 20261201, numRuns: 200 },
    );
  });
});
