/** Region and topics from the text, each only on strong evidence and with its evidence. */
import { describe, expect, it } from 'vitest';
import { buildDraft } from '../../tools/importer/draft.ts';
import {
  countWords,
  inferRegion,
  RegionMatcher,
  regionAliases,
  shortRegionName,
  suggestTopics,
  topicKeywords,
} from '../../tools/importer/infer.ts';
import { vocabularies } from './helpers.ts';

const regions = vocabularies.regions;
const topics = vocabularies.topics;
const matcher = new RegionMatcher(regions);
const region = (headline: string, body: string) => inferRegion(headline, body, matcher).region?.id;

describe('the region vocabulary', () => {
  it('holds every province, prefecture and county with its hierarchy, and keeps the first slugs', () => {
    const byLevel = (level: string) => regions.filter((r) => r.level === level).length;
    expect(byLevel('country')).toBe(1);
    expect(byLevel('province')).toBe(31);
    expect(byLevel('prefecture')).toBeGreaterThan(300);
    expect(byLevel('county')).toBeGreaterThan(2800);
    const byId = new Map(regions.map((r) => [r.id, r]));
    for (const r of regions) expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/); // ASCII slugs only, never Chinese text
    // Every region but the one country (counted above) has a parent in the vocabulary.
    for (const r of regions.filter((r) => r.level !== 'country')) expect(byId.has(r.parent ?? ''), r.id).toBe(true);
    expect(byId.get('hohhot')).toMatchObject({ name: '呼和浩特市', parent: 'inner-mongolia' });
    expect(byId.get('nantong')).toMatchObject({ name: '南通市', parent: 'jiangsu' });
    expect(byId.get('fuxin')).toMatchObject({ name: '阜新市', parent: 'liaoning' });
    expect(byId.get('inner-mongolia')).toMatchObject({ name: '内蒙古自治区', short: '内蒙古', parent: 'china' });
    expect(regions.find((r) => r.name === '广东省')?.id).toBe('cn-440000');
  });

  it('knows the short forms names are printed in', () => {
    expect(shortRegionName('内蒙古自治区')).toBe('内蒙古');
    expect(shortRegionName('广西壮族自治区')).toBe('广西');
    expect(shortRegionName('延边朝鲜族自治州')).toBe('延边');
    expect(shortRegionName('双江拉祜族佤族布朗族傣族自治县')).toBe('双江');
    expect(shortRegionName('呼和浩特市')).toBe('呼和浩特');
    expect(shortRegionName('中国')).toBeUndefined();
    expect(regionAliases({ name: '江苏省', level: 'province' })).toEqual(['江苏省', '江苏']);
    // A county's two-character short form is a common word too often (东城, 城关): full name only.
    expect(regionAliases({ name: '东城区', level: 'county' })).toEqual(['东城区']);
    // 来宾 is also "guests": the city is recognised by its full name.
    expect(regionAliases({ name: '来宾市', level: 'prefecture' })).toEqual(['来宾市']);
  });
});

describe('region inference', () => {
  it('takes the most specific region named in the headline', () => {
    expect(region('围绕中心\n内蒙古呼和浩特市总工会亮点工作扫描', '内蒙古自治区……')).toBe('hohhot');
    expect(region('服务转型\n辽宁省阜新市总工会纪实', '南通南通南通南通南通阜新')).toBe('fuxin');
    expect(region('广东工会助力高质量发展', '')).toBe('cn-440000');
  });

  it('asks when the headline names places of different lineages', () => {
    expect(region('广东与浙江工会交流', '')).toBeUndefined();
  });

  it('takes the dateline place', () => {
    expect(region('工会服务职工', '本报杭州3月5日电 记者…… 北京的经验')).toBe('cn-330100');
  });

  it('takes a region dominating the body, and asks otherwise', () => {
    expect(region('十件实事', '南通市总工会……南通……江苏省……南通职工')).toBe('nantong');
    // A national story that mentions a province once is not that province's story.
    expect(region('长江经济带建设', '沿江各地……江苏……推进生态保护。')).toBeUndefined();
    expect(region('国内联播快讯', '内蒙古……广东……浙江……')).toBeUndefined();
    expect(region('标题', '中国梦，中国特色社会主义')).toBeUndefined();
  });

  it('names the country for a national story', () => {
    expect(region('全国总工会部署职工服务工作', '各级工会要……')).toBe('china');
  });

  it('does not find a place name inside another word', () => {
    // 山东 inside 山东城 … and 东城 must not be found inside 山东城市.
    expect(matcher.mentions('山东城市工会').get('cn-110101')).toBeUndefined();
    expect(matcher.mentions('山东城市工会').get('cn-370000')).toBe(1);
  });
});

describe('topics', () => {
  it('are recognised by their terms at word boundaries (入会 not in 步入会场)', () => {
    expect(countWords('习近平等步入会场', '入会')).toBe(0);
    expect(countWords('推动农民工入会，入会率提高', '入会')).toBe(2);
    const organising = topics.find((t) => t.id === 'organising')!;
    expect(topicKeywords(organising)).toContain('入会');
  });

  it('need the headline or three distinct terms in the body', () => {
    expect(suggestTopics('标题', '就业形势稳定。', topics)).toEqual([]);
    expect(suggestTopics('习近平出席大会', '习近平等步入会场，会议开始。', topics)).toEqual([]);
    const strong = suggestTopics('标题', '开展工资集体协商，签订集体合同；加强法律援助，化解劳动争议。', topics);
    expect(strong.map((t) => t.id)).toEqual(['rights']);
    expect(strong[0]?.hits.map((h) => h.word)).toEqual(expect.arrayContaining(['集体协商', '法律援助', '劳动争议']));
    const headline = suggestTopics('“安康杯”竞赛成效显著', '各企业积极参加。', topics);
    expect(headline.map((t) => [t.id, t.inHeadline])).toEqual([['safety-health', true]]);
  });
});

describe('a region given by name', () => {
  it('is found by slug, name or short form, and a name several regions share must be a slug', () => {
    const draft = (region: string) =>
      buildDraft(Buffer.from('工会工作\n\n新建职工书屋9家。\n'), vocabularies, {
        region,
        year: 2020,
        topics: ['workers-culture'],
      }).region.id;
    expect(draft('hohhot')).toBe('hohhot');
    expect(draft('呼和浩特市')).toBe('hohhot');
    expect(draft('内蒙古')).toBe('inner-mongolia');
    expect(() => draft('朝阳区')).toThrow(/地区名“朝阳区”有 \d+ 个：.*cn-110105（北京市朝阳区）/);
  });
});
