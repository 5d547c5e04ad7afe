/** Candidate statistics: printed quantities, their clauses as verbatim quotes, values from numbers.ts. */
import { describe, expect, it } from 'vitest';
import { findCandidates, labelFor } from '../../tools/importer/candidates.ts';
import { statesNumber } from '../../src/lib/numbers.ts';
import { checkReferences, UNASSIGNED_METRIC } from '../../src/lib/report-checks.ts';
import { vocabularies } from './helpers.ts';

const metrics = vocabularies.metrics;
const find = (text: string, limit?: number) => findCandidates([text], metrics, { limit });

describe('findCandidates', () => {
  it('finds each quantity with a unit, scaled by 万/亿, with its clause as the quote', () => {
    const text = '全区工会基层组织从2009年的4.35万个增加到2013年底的7.37万个，净增3.02万个，增长69.4%。';
    const { candidates } = find(text);
    expect(candidates.map((c) => [c.value, c.unit, c.quote])).toEqual([
      [43500, '个', '全区工会基层组织从2009年的4.35万个增加到2013年底的7.37万个'],
      [73700, '个', '全区工会基层组织从2009年的4.35万个增加到2013年底的7.37万个'],
      [30200, '个', '净增3.02万个'],
      [69.4, '%', '增长69.4%'],
    ]);
    for (const c of candidates) {
      expect(text).toContain(c.quote);
      expect(statesNumber(c.quote, c.value)).toBe(true);
    }
  });

  it('keeps qualifiers beside the value', () => {
    const { candidates } = find('惠及近150万人，覆盖率85%以上，服务2.5万多人次，投入200余万元。');
    expect(candidates.map((c) => [c.value, c.unit, c.qualifier])).toEqual([
      [1500000, '人', '近'],
      [85, '%', '以上'],
      [25000, '人次', '多'],
      [2000000, '元', '余'],
    ]);
  });

  it('skips years, dates, ordinals, codes and times', () => {
    const { candidates } = find('9月11日，第十二次代表大会在2024年开幕，落实“8337”发展思路，开印时间3:00，“1+1”模式。');
    expect(candidates).toEqual([]);
  });

  it('gives a year only when the sentence names exactly one', () => {
    const { candidates } = find('2017年，举办招聘会107场。2005年到2016年，资助1.2万人。');
    expect(candidates.map((c) => [c.value, c.year])).toEqual([
      [107, 2017],
      [12000, undefined],
    ]);
  });

  it('suggests a metric with the noun it counts, and says so in the note (assign-metric.test.ts has the rules)', () => {
    const { candidates } = find('全区共创建职工创新工作室205个，新建职工书屋27家，电站总装机容量1600万千瓦。');
    expect(candidates.map((c) => [c.metric, c.countedNoun])).toEqual([
      ['innovation-studios', '创新工作室'],
      ['workers-libraries', '职工书屋'],
      ['unassigned', undefined],
    ]);
    expect(candidates[0]?.note).toMatch(/建议指标“职工创新工作室数”，因数字所计为“创新工作室”/);
    expect(candidates[2]?.note).toMatch(/未能归入任何指标/);
  });

  it('keeps compound and currency units, and skips clock times', () => {
    const { candidates } = find(
      '投资1.92亿美元，装机1600万千瓦，年发电530亿千瓦时，建成12万平方米，修路300公里。15时22分，大会闭幕。',
    );
    expect(candidates.map((c) => [c.value, c.unit])).toEqual([
      [192000000, '美元'],
      [16000000, '千瓦'],
      [53000000000, '千瓦时'],
      [120000, '平方米'],
      [300, '公里'],
    ]);
  });

  it('labels never cut a number: the figure is taken out at its own position', () => {
    const { candidates } = find('事故造成3人死亡、39人受伤。');
    expect(candidates.map((c) => [c.value, c.label])).toEqual([
      [3, '事故造成死亡、39人受伤'],
      [39, '事故造成3人死亡、受伤'],
    ]);
    // Shortened labels stop before a number rather than inside it.
    const label = labelFor(`${'很'.repeat(28)}12345人参加`, 28, '12345人');
    expect(label).not.toMatch(/\d…$/);
    expect(labelFor(`${'很'.repeat(29)}123`, 0, '很')).toBe(`${'很'.repeat(28)}…`);
  });

  it('lists at most `limit` candidates but counts them all', () => {
    const text = Array.from({ length: 50 }, (_, i) => `第${i}项新建${i + 1}个`).join('，');
    const { candidates, found } = find(text, 10);
    expect(candidates).toHaveLength(10);
    expect(found).toBe(50);
  });

  it('quotes at most a bounded stretch around a number in a clause that runs on', () => {
    const long = `${'很长的没有标点的文字'.repeat(100)}共计15家${'继续没有标点的文字'.repeat(100)}`;
    const [candidate] = find(long).candidates;
    expect(candidate?.value).toBe(15);
    expect(long).toContain(candidate?.quote);
    expect([...(candidate?.quote ?? '')].length).toBeLessThanOrEqual(2 * 120 + 5);
  });
});

describe('unassigned candidates', () => {
  const known = {
    regions: new Set(['nantong']),
    topics: new Set(['organising']),
    metrics: new Set(metrics.map((m) => m.id)),
  };
  const report = (reviewed: boolean | undefined) => ({
    region: 'nantong',
    topics: ['organising'],
    stats: [{ metric: UNASSIGNED_METRIC }],
    ...(reviewed === undefined ? {} : { reviewed }),
  });

  it('are allowed in an unreviewed draft only: the build refuses them in a reviewed report', () => {
    expect(metrics.some((m) => m.id === UNASSIGNED_METRIC)).toBe(true);
    expect(checkReferences(report(false), known)).toEqual([]);
    for (const reviewed of [true, undefined]) {
      expect(checkReferences(report(reviewed), known)).toEqual([
        { field: 'stats[0].metric', message: expect.stringMatching(/已校对的报道不能含未归类的统计/) },
      ]);
    }
  });
});
