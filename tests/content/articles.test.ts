/** The articles as content: faithful to their sources, every statistic quoted and matching. */
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/lib/article-text.ts';
import { keptText, piecesMissingFrom, sourceSegment } from '../../src/lib/faithfulness.ts';
import { comparable } from '../../src/lib/normalize.ts';
import { statesNumber } from '../../src/lib/numbers.ts';
import { checkStats } from '../../src/lib/report-checks.ts';
import { loadReports, original, vocabulary } from '../../tools/shared/content.ts';

const reports = loadReports();
const regions = vocabulary('regions');
const topics = vocabulary('topics');
const metrics = vocabulary('metrics');

describe('the archive', () => {
  it('holds at least six articles', () => {
    expect(reports.length).toBeGreaterThanOrEqual(6);
  });

  it('holds at least 120 statistics', () => {
    const total = reports.reduce((sum, r) => sum + (r.data.stats?.length ?? 0), 0);
    expect(total).toBeGreaterThanOrEqual(120);
  });

  it('marks every inferred date with its evidence', () => {
    const inferred = reports.filter((r) => r.data.date?.inferred);
    // Without an inferred date the check below would pass having checked nothing.
    expect(inferred.length).toBeGreaterThan(0);
    for (const { id, data } of inferred) expect(data.date?.note?.trim(), id).toBeTruthy();
  });
});

describe.each(reports.map((r) => [r.id, r] as const))('%s', (_id, report) => {
  const body = bodyText(report.body);
  const { data } = report;

  it('has a known region and at least one known topic', () => {
    expect(regions.has(data.region), `unknown region ${data.region}`).toBe(true);
    expect(data.topics.length).toBeGreaterThanOrEqual(1);
    for (const topic of data.topics) expect(topics.has(topic), `unknown topic ${topic}`).toBe(true);
  });

  it('quotes every statistic verbatim from the body, with its number', () => {
    const stats = data.stats ?? [];
    for (const [i, stat] of stats.entries()) {
      expect(metrics.has(stat.metric), `stats[${i}].metric ${stat.metric} not in the vocabulary`).toBe(true);
      expect(comparable(body).includes(comparable(stat.quote)), `stats[${i}].quote not in body: ${stat.quote}`).toBe(true);
      expect(statesNumber(stat.quote, stat.value), `stats[${i}].quote does not state ${stat.value}`).toBe(true);
    }
    expect(checkStats(stats, body)).toEqual([]);
  });

  it('keeps every sentence of its source (nothing lost)', () => {
    const source = sourceSegment(original(data.source.file), data.source.lines);
    const kept = keptText({ ...data, body, furniture: data.source.furniture });
    expect(piecesMissingFrom(source, kept)).toEqual([]);
  });

  it('adds no sentence its source lacks (nothing invented)', () => {
    const source = sourceSegment(original(data.source.file), data.source.lines);
    expect(piecesMissingFrom(body, source)).toEqual([]);
  });
});
