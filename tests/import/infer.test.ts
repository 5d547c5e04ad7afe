/** Region, year and topics from the text, each with its evidence. */
import { describe, expect, it } from 'vitest';
import { countOccurrences, inferYear, rankRegions, regionAliases, suggestTopics, topicKeywords } from '../../tools/importer/infer.ts';
import { vocabularies } from './helpers';

const regions = vocabularies.regions;
const topics = vocabularies.topics;

describe('regions', () => {
  it('knows the short forms names are printed in', () => {
    expect(regionAliases('呼和浩特市')).toEqual(['呼和浩特市', '呼和浩特']);
    expect(regionAliases('内蒙古自治区')).toEqual(['内蒙古自治区', '内蒙古']);
    expect(regionAliases('江苏省')).toEqual(['江苏省', '江苏']);
    expect(regionAliases('中国')).toEqual(['中国']);
    expect(countOccurrences('内蒙古自治区总工会和内蒙古各级工会', '内蒙古')).toBe(2);
  });

  it('prefers a region named in the headline, and the most specific one there', () => {
    const ranked = rankRegions('围绕中心\n内蒙古呼和浩特市总工会亮点工作扫描', '内蒙古自治区……内蒙古……', regions);
    expect(ranked.map((r) => r.id).slice(0, 2)).toEqual(['hohhot', 'inner-mongolia']);
    // A city named only in the text does not beat the province in the headline, however often.
    const byHeadline = rankRegions('服务转型\n辽宁省阜新市总工会纪实', '南通南通南通南通南通阜新', regions);
    expect(byHeadline[0]?.id).toBe('fuxin');
  });

  it('counts mentions in the text when the headline names no region', () => {
    expect(rankRegions('十件实事', '南通市总工会……南通……江苏省', regions)[0]).toMatchObject({ id: 'nantong', titleHits: 0, bodyHits: 2 });
  });

  it('takes the country only when no other region is named (中国梦 is in every report)', () => {
    expect(rankRegions('标题', '中国梦，中国特色社会主义，呼和浩特', regions).map((r) => r.id)).toEqual(['hohhot']);
    expect(rankRegions('标题', '中国梦，中国特色社会主义', regions).map((r) => r.id)).toEqual(['china']);
    expect(rankRegions('标题', '某地工会', regions)).toEqual([]);
  });
});

describe('the year', () => {
  it('is the latest year the text speaks of', () => {
    expect(inferYear('2009年以来……2011年至2014年……截至2013年底')).toEqual({ year: 2014, evidence: '2014年' });
  });

  it('skips years in document titles and years after now', () => {
    expect(inferYear('今年，制定了《2015-2018年规划》，启动了2015年的工作', 2030)?.year).toBe(2015);
    expect(inferYear('2015年起步，力争到2035年基本实现', 2024)?.year).toBe(2015);
  });

  it('is dated by an event when no year is printed', () => {
    expect(inferYear('深入学习贯彻党的二十届三中全会精神')).toEqual({ year: 2024, evidence: '“二十届三中全会”（2024年）' });
    expect(inferYear('中国工会十五大的胜利召开')?.year).toBe(2008);
    // 中国工会十八大 (2023) is not the Party's 十八大 (2012).
    expect(inferYear('中国工会十八大代表')?.year).toBe(2023);
    expect(inferYear('党的十八大以来')?.year).toBe(2012);
  });

  it('is unknown when nothing dates the text', () => {
    expect(inferYear('9月11日，大会开幕。今年以来，第十二次代表大会……')).toBeUndefined();
  });
});

describe('topics', () => {
  it('are recognised by the words of their names and descriptions', () => {
    const rights = topics.find((t) => t.id === 'rights')!;
    expect(topicKeywords(rights)).toEqual(expect.arrayContaining(['集体协商', '法律援助', '劳动争议调解']));
  });

  it('are suggested by use, a common word counting less than specific ones', () => {
    const text = '开展工资集体协商，集体协商覆盖率提高；加强法律援助，法律援助案件增加。培训培训培训培训培训就业就业就业。';
    const suggested = suggestTopics(text, topics);
    expect(suggested[0]?.id).toBe('rights');
    expect(suggested[0]?.hits).toEqual(expect.arrayContaining([{ word: '集体协商', count: 2 }, { word: '法律援助', count: 2 }]));
  });

  it('keep the best weak match rather than none, and none when nothing matches', () => {
    expect(suggestTopics('推进基层工会组织建设', topics).map((t) => t.id)).toEqual(['organising']);
    expect(suggestTopics('天气晴朗', topics)).toEqual([]);
  });
});
