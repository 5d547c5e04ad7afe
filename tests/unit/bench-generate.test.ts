/** The benchmark's synthetic archive: reproducible, varied, and acceptable to the archive's content checks. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_YEARS, generateReports, summarize, varyNumbers, writeOriginals } from '../../tools/bench/generate.ts';
import { createRandom } from '../../tools/shared/prng.ts';
import { loadSeedCorpus } from '../../tools/bench/seeds.ts';
import { bodyText } from '../../src/lib/article-text.ts';
import { originalNames, verifyFixity } from '../../src/lib/fixity.ts';
import { findNumbers } from '../../src/lib/numbers.ts';
import { checkReferences, checkStats } from '../../src/lib/report-checks.ts';
import { splitFrontmatter, vocabulary } from '../../tools/shared/content.ts';

const corpus = loadSeedCorpus();
const reports = generateReports(corpus, { count: 40, seed: 'unit' });

describe('generateReports', () => {
  it('gives the same archive for the same seed, and another for another seed', () => {
    const again = generateReports(corpus, { count: 40, seed: 'unit' });
    expect(again.map((r) => r.text)).toEqual(reports.map((r) => r.text));
    const other = generateReports(corpus, { count: 40, seed: 'other' });
    const same = other.filter((r, i) => r.text === reports[i]!.text);
    expect(same).toEqual([]);
  });

  it('makes report i independently of N, so a larger archive contains the smaller one', () => {
    const small = generateReports(corpus, { count: 7, seed: 'unit' });
    expect(small.map((r) => r.text)).toEqual(reports.slice(0, 7).map((r) => r.text));
  });

  it('writes frontmatter that reads back as the generated data', () => {
    for (const report of reports) {
      const { frontmatter, body } = splitFrontmatter(report.text);
      expect(parse(frontmatter)).toEqual(report.data);
      expect(body.trim()).toBe(report.body.trim());
    }
  });

  it('passes the content checks: every quote stands in the body and states its value; references exist', () => {
    const known = {
      regions: new Set(vocabulary('regions').keys()),
      topics: new Set(vocabulary('topics').keys()),
      metrics: new Set(vocabulary('metrics').keys()),
    };
    for (const report of reports) {
      expect(report.data.stats.length, report.id).toBeGreaterThan(0);
      expect(checkStats(report.data.stats, bodyText(report.body)), report.id).toEqual([]);
      expect(checkReferences(report.data, known), report.id).toEqual([]);
    }
  });

  it('carries generated statistics of its own, with values that differ between reports', () => {
    const generated = reports.flatMap((r) =>
      r.data.stats.filter((s) => s.quote.includes(corpus.regions.find((g) => g.id === r.data.region)!.name)),
    );
    expect(generated.length).toBeGreaterThanOrEqual(reports.length * 2);
    expect(new Set(generated.map((s) => s.value)).size).toBeGreaterThan(generated.length * 0.8);
  });

  it('varies region (all of them), year, topics, titles and texts', () => {
    const summary = summarize(reports);
    expect(summary.regions).toBe(corpus.regions.length);
    expect(summary.years).toBeGreaterThanOrEqual(15);
    expect(summary.topics).toBe(corpus.topics.length);
    expect(new Set(reports.map((r) => r.data.title)).size).toBeGreaterThanOrEqual(30);
    expect(new Set(reports.map((r) => r.body)).size).toBe(reports.length);
    expect(new Set(reports.map((r) => r.data.topics.join())).size).toBeGreaterThanOrEqual(30);
    for (const { data } of reports) {
      expect(data.year).toBeGreaterThanOrEqual(DEFAULT_YEARS.from);
      expect(data.year).toBeLessThanOrEqual(DEFAULT_YEARS.to);
      expect(data.period.from).toBeLessThanOrEqual(data.period.to);
      expect(data.topics.length).toBeGreaterThan(0);
      expect(new Set(data.topics).size).toBe(data.topics.length);
    }
  });

  it('mixes blocks from several seed articles in one report', () => {
    const seedOf = new Map(corpus.blocks.map((b) => [b.source, b.seed]));
    const seedsPerReport = reports.map(
      (r) =>
        new Set(
          r.body
            .split('\n\n')
            .map((block) => seedOf.get(block))
            .filter(Boolean),
        ).size,
    );
    expect(seedsPerReport.filter((n) => n >= 3).length).toBeGreaterThan(reports.length / 2);
  });

  it('gives unique ASCII ids and titles, dates matching their precision and an original of their own', () => {
    // The build refuses two reports from the same original passage, or with the same title and date.
    expect(new Set(reports.map((r) => r.id)).size).toBe(reports.length);
    expect(new Set(reports.map((r) => r.data.title)).size).toBe(reports.length);
    for (const { id, data } of reports) {
      expect(id).toMatch(/^[a-z0-9-]+$/);
      expect(data.date.value.split('-').length).toBe(data.date.precision === 'year' ? 1 : 2);
      expect(data.source.file).toBe(`${id}.txt`);
    }
  });

  it('writes each original and records it in the fixity manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-originals-'));
    try {
      mkdirSync(join(dir, 'public/originals'), { recursive: true });
      writeOriginals(dir, reports);
      expect(verifyFixity(dir)).toEqual([]);
      expect(originalNames(dir)).toEqual(reports.map((r) => r.data.source.file).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('varyNumbers', () => {
  const text = '2008年，全市基层工会23711家，会员130.5万人，发放资金1259万元，第3次会议';

  it('keeps years and the shape of every number, and changes the others', () => {
    const varied = varyNumbers(text, createRandom('v'));
    expect(varied).toContain('2008年');
    expect(varied.replace(/\d/g, '#')).toBe(text.replace(/\d/g, '#'));
    const before = findNumbers(text).map((m) => m.value);
    const after = findNumbers(varied).map((m) => m.value);
    expect(after.filter((value, i) => value !== before[i]).length).toBeGreaterThanOrEqual(3);
    expect(varied).not.toMatch(/(^|\D)0\d/);
  });

  it('is deterministic for a seed and leaves text without numbers alone', () => {
    expect(varyNumbers(text, createRandom('v'))).toBe(varyNumbers(text, createRandom('v')));
    expect(varyNumbers('职工书屋', createRandom('v'))).toBe('职工书屋');
  });
});
