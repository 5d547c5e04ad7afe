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

/*
 * Real sentences, copied from CCTV 新闻联播 transcripts (2022–2026; the MIT-licensed repository
 * DuckBurnIncense/xin-wen-lian-bo), and the values each must give: every quantity in Chinese numerals
 * with a unit, and nothing from words, slogans, sessions, phases or idioms that merely hold a numeral.
 */
describe('quantities in Chinese numerals, on real text', () => {
  it.each([
    ['当天，布鲁塞尔地铁等公共交通瘫痪，来自零售、交通等多个行业的约两万人参加抗议活动。', [[20000, '人', '约']]],
    ['俄罗斯政要、主要政党、媒体、友好团体负责人等近千人参加。', [[1000, '人', '近']]],
    ['十四亿多中国人民用奋斗绘就出气象万千的中国式现代化新图景！', [[1400000000, '', '多']]],
    ['今年春节假期，还有二十多人会坚守在这里，巡查、检修、清灰。', [[20, '人', '多']]],
    ['如今，这里可以生产三百多个品种钢，涵盖高强汽车板、高档家电板等多个领域。', [[300, '个', '多']]],
    [
      '今年上半年，商务部在国内外举办11场贸易对接活动，达成意向成交金额约480亿元，覆盖家用电器、医疗设备等十余个行业。',
      [
        [11, '场'],
        [48000000000, '元', '约'],
        [10, '个', '余'],
      ],
    ],
    [
      '今天（7月17日）上午，来自112个驻华使馆和10个国际组织的近两百位驻华使节，前往位于北京卢沟桥的中国人民抗日战争纪念馆。',
      [
        [112, '个'],
        [10, '个'],
        [200, '位', '近'],
      ],
    ],
    ['欧盟称或对近千亿欧元的美国进口商品采取反制', [[100000000000, '欧元', '近']]],
    ['向深远海突破，大风车挺进近百公里的远海，清洁能源供给能力持续提升。', [[100, '公里', '近']]],
    ['以方称，当天一名巴勒斯坦枪手在公路上开枪，导致两名以色列人死亡。', [[2, '名']]],
    ['九十年前，中央红军从赣南、闽西出发，开始了艰苦卓绝的二万五千里长征。', [[25000, '']]],
    // A slogan in quotes, a session, a phase, a word (零部件), dozens (数十), digit counts, a rank, an
    // ordinal 二, 十分 "very", articles (一批, 一处), 一线, 千方百计, a list (一是), 亿万, a fraction, a duration.
    [
      '侯建国从过去5年的工作和新时代10年的伟大变革、“两个确立”的决定性意义等8个方面，对党的二十大精神进行了全面系统解读。',
      [[8, '个']],
    ],
    ['十四届全国人大三次会议4日上午在北京人民大会堂举行预备会议。', []],
    ['习近平总书记在二十届中央纪委三次全会上的重要讲话引发热烈反响', []],
    ['第136届广交会二期展览今天（10月23日）开展。', []],
    ['智能搬运机器人满载物料来回穿梭，机械臂精准焊装零部件有条不紊。', []],
    ['从9日凌晨起，以军多轮空袭已造成25人死亡、数十人受伤，死者包括多名杰哈德高级成员。', [[25, '人']]],
    ['数字出版、智能文化设备制造等行业均实现两位数增长。', []],
    ['有50%的受访美国企业将中国列为全球首选或前三位投资目的地。', [[50, '%']]],
    ['同时，还将首套、二套住房商业性个人住房贷款最低首付款比例统一为不低于15%。', [[15, '%']]],
    ['团结动员亿万职工为全面建设社会主义现代化国家、全面推进中华民族伟大复兴贡献智慧和力量，具有十分重要的意义。', []],
    ['在今年的世界互联网大会乌镇峰会上，一批引人瞩目的数字化产品集中亮相。', []],
    ['无名湖连队驻守在西藏山南一处海拔4520米的高山台地，是祖国西南边陲的一线哨位。', [[4520, '米']]],
    ['国家邮政局表示，将千方百计补充运力，保重要物资的运输。', []],
    ['一是中越关系迈上新高度。', []],
    [
      '今年前8个月，在超3万亿元的新增减税降费及退税缓税缓费中，涉及留抵退税的规模最大，占到了总数的约五分之三。',
      [[3000000000000, '元']],
    ],
  ] as const)('%s', (sentence, expected) => {
    const { candidates } = find(sentence);
    expect(candidates.map((c) => [c.value, c.unit, ...(c.qualifier ? [c.qualifier] : [])])).toEqual(expected);
    for (const c of candidates) expect(statesNumber(c.quote, c.value)).toBe(true);
  });

  // What the transcripts lack, in the words of a union report: 百分之, a year and a date in numerals, a clock time.
  it('reads 百分之, and takes a year printed in numerals but no date, time, ordinal or list number', () => {
    const { candidates } = find(
      '三月五日上午八时三十分，全市工会第三次代表大会开幕，一、大会听取了工作报告。二〇一四年全年投入帮扶资金三千五百万元，两千余人次受助，覆盖率达到百分之六十五。',
    );
    expect(candidates.map((c) => [c.value, c.unit, c.qualifier, c.year])).toEqual([
      [35000000, '元', undefined, 2014],
      [2000, '人次', '余', 2014],
      [65, '%', undefined, 2014],
    ]);
  });
});
