import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { QUALIFIERS } from '../../src/lib/numbers.ts';
import {
  BOM,
  REPORT_FIELDS,
  STATISTIC_FIELDS,
  figureTime,
  headlineComparisons,
  metricCategories,
  reportRecords,
  reportsDocument,
  reportsSchema,
  statisticFromCsvRow,
  statisticRecords,
  statisticsCsv,
  statisticsCsvSchema,
  statisticsDocument,
  statisticsSchema,
  type ArchiveInput,
  type ReportInput,
  type StatisticRecord,
} from '../../src/lib/open-data/index.ts';
import type { Stat } from '../../src/schemas/index.ts';

const SITE = 'https://archive.example.org/base';
const urlOf = (path: string) => `${SITE}${path}`;

const named = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([id, name]) => [id, { data: { name } }]));

function report(
  id: string,
  region: string,
  year: number,
  stats: Stat[],
  extra: Partial<ReportInput['data']> = {},
): ReportInput {
  return {
    id,
    region,
    year,
    topics: ['assistance'],
    data: {
      title: `标题 ${id}`,
      authors: [{ name: '张三', role: '记者' }, { name: '李四' }],
      period: { from: year - 1, to: year },
      summary: '摘要',
      source: { file: `${id}.txt` },
      stats,
      reviewed: true,
      ...extra,
    },
  };
}

const stat = (metric: string, value: number, quote: string, extra: Partial<Stat> = {}): Stat => ({
  metric: { id: metric },
  label: `标签 ${metric} ${value}`,
  value,
  unit: '人',
  quote,
  ...extra,
});

const archive: ArchiveInput = {
  reports: [
    report('b-2013', 'north', 2014, [
      stat('members', 6157000, '会员从522.07万人发展到615.7万人', { year: 2013 }),
      stat('members', 5220700, '会员从522.07万人发展到615.7万人', { year: 2009 }),
      stat('unions', 73700, '基层组织7.37万个', { unit: '个', year: 2013 }),
      stat('aid', 762000, '累计帮扶76.2万人次', { unit: '人次', period: { from: 2009, to: 2013 } }),
    ]),
    report(
      'a-2013',
      'south',
      2013,
      [
        stat('members', 1300000, '会员130多万人，其中“农民工”,占一半\n另起一行', {
          year: 2013,
          qualifier: '多',
          note: '约数',
        }),
        stat('unions', 23711, '基层工会23711家', { unit: '家', year: 2013, note: '' }),
        stat('members', 5000, '无单位5000', { unit: '', year: 2012 }),
      ],
      {
        subtitle: '副题',
        date: { value: '2013-09', precision: 'month', inferred: true },
        source: { file: 'a.txt', publication: '工人日报' },
      },
    ),
  ],
  regions: named({ north: '北省', south: '南市' }),
  topics: named({ assistance: '帮扶救助' }),
  metrics: new Map(
    [
      ['members', '会员人数', '人', '组织建设'],
      ['unions', '基层组织数', '个', '组织建设'],
      ['aid', '帮扶人次', '人次', '帮扶救助'],
      ['unused', '未用指标', '个', '帮扶救助'],
    ].map(([id, name, unit, category]) => [
      id!,
      { data: { name: name!, unit: unit!, category: category!, description: '说明' } },
    ]),
  ),
};

const records = statisticRecords(archive, urlOf);

function ajv() {
  return new Ajv2020({ strict: true, allowUnionTypes: true });
}

describe('statisticRecords', () => {
  it('makes one record per statistic, in report order, with every field and nothing else', () => {
    const stats = archive.reports.flatMap((r) => r.data.stats.map((s, i) => ({ report: r.id, index: i + 1, s })));
    expect(records).toHaveLength(stats.length);
    records.forEach((record, n) => {
      expect(Object.keys(record).sort()).toEqual(STATISTIC_FIELDS.map((f) => f.name).sort());
      const { report: id, index, s } = stats[n]!;
      expect(record).toMatchObject({
        report_id: id,
        index,
        metric: s.metric.id,
        label: s.label,
        value: s.value,
        unit: s.unit,
        qualifier: s.qualifier ?? null,
        year: s.year ?? null,
        period_from: s.period?.from ?? null,
        period_to: s.period?.to ?? null,
        quote: s.quote,
      });
    });
  });

  it('resolves names and links through the given URL function; shared quotes share one anchor', () => {
    const [first, second, third] = records;
    expect(first).toMatchObject({
      region_name: '北省',
      metric_name: '会员人数',
      category: '组织建设',
      report_year: 2014,
    });
    expect(first!.report_url).toBe(`${SITE}/reports/b-2013/`);
    expect(first!.quote_url).toBe(`${SITE}/reports/b-2013/#quote-1`);
    expect(second!.quote_url).toBe(first!.quote_url);
    expect(third!.quote_url).toBe(`${SITE}/reports/b-2013/#quote-2`);
  });

  it('writes absent values as null (an empty note too)', () => {
    const unions = records.find((r) => r.report_id === 'a-2013' && r.metric === 'unions')!;
    expect(unions.note).toBeNull();
    expect(unions.qualifier).toBeNull();
    expect(records.find((r) => r.metric === 'aid')!.year).toBeNull();
  });

  it('fails loudly on a metric missing from the vocabulary', () => {
    const broken = { ...archive, reports: [report('x', 'north', 2020, [stat('nope', 1, 'q')])] };
    expect(() => statisticRecords(broken, urlOf)).toThrow(/nope/);
  });
});

describe('statistics.csv', () => {
  const csv = statisticsCsv(records);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(BOM.length), { header: true, skipEmptyLines: true });

  it('starts with a byte-order mark and a header row of the field names', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parsed.meta.fields).toEqual(STATISTIC_FIELDS.map((f) => f.name));
  });

  it('parses back with a CSV library to the same rows, commas, quotes and line breaks included', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map(statisticFromCsvRow)).toEqual(records);
  });

  it('has rows that validate against the published CSV row schema', () => {
    const validate = ajv().compile(statisticsCsvSchema(urlOf));
    for (const row of parsed.data) expect(validate(row), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...parsed.data[0], value: '4.35万' })).toBe(false);
    expect(validate({ ...parsed.data[0], year: '二〇一三' })).toBe(false);
  });

  it('round-trips any text and number', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '工', '“', ' ', '=', '\uFEFF') });
    fc.assert(
      fc.property(text, text, fc.double({ noNaN: true, noDefaultInfinity: true }), (label, quote, value) => {
        const record: StatisticRecord = { ...records[0]!, label, quote, value: Object.is(value, -0) ? 0 : value };
        const back = Papa.parse<Record<string, string>>(statisticsCsv([record]).slice(1), { header: true });
        expect(statisticFromCsvRow(back.data[0]!)).toEqual(record);
      }),
    );
  });
});

describe('JSON documents and their schemas', () => {
  it('statistics.json validates against its schema; wrong records do not', () => {
    const validate = ajv().compile(statisticsSchema(urlOf));
    const document = statisticsDocument(records, urlOf);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.count).toBe(records.length);
    const bad = (change: Partial<StatisticRecord> | Record<string, unknown>) =>
      validate({ ...document, statistics: [{ ...records[0], ...change }] });
    expect(bad({ value: '43500' })).toBe(false);
    expect(bad({ qualifier: '大约' })).toBe(false);
    expect(bad({ year: 2013.5 })).toBe(false);
    expect(bad({ quote_url: '/reports/x/' })).toBe(false);
    expect(bad({ extra: 1 })).toBe(false);
    const { quote: _quote, ...missing } = records[0]!;
    expect(validate({ ...document, statistics: [missing] })).toBe(false);
  });

  it('the schema allows every qualifier of the content model', () => {
    const validate = ajv().compile(statisticsSchema(urlOf));
    for (const qualifier of QUALIFIERS) {
      expect(validate(statisticsDocument([{ ...records[0]!, qualifier }], urlOf))).toBe(true);
    }
  });

  it('reports.json holds every report with its metadata and validates', () => {
    const reports = reportRecords(archive, urlOf);
    const validate = ajv().compile(reportsSchema(urlOf));
    expect(validate(reportsDocument(reports, urlOf)), JSON.stringify(validate.errors)).toBe(true);
    expect(reports.map((r) => r.id)).toEqual(['b-2013', 'a-2013']);
    for (const r of reports) expect(Object.keys(r).sort()).toEqual(REPORT_FIELDS.map((f) => f.name).sort());
    expect(reports[0]).toMatchObject({
      subtitle: null,
      date: null,
      date_inferred: null,
      publication: null,
      statistics: 4,
    });
    expect(reports[1]).toMatchObject({
      subtitle: '副题',
      date: '2013-09',
      date_precision: 'month',
      date_inferred: true,
      publication: '工人日报',
      authors: ['张三（记者）', '李四'],
      topic_names: ['帮扶救助'],
      original_url: `${SITE}/originals/a.txt`,
    });
  });
});

describe('groupings for the data pages', () => {
  it('lists every metric of the vocabulary by category, with the reports that state it', () => {
    const categories = metricCategories(archive, records);
    const all = categories.flatMap((c) => c.metrics);
    expect(all.map((m) => m.id).sort()).toEqual([...archive.metrics.keys()].sort());
    expect(all.reduce((n, m) => n + m.records.length, 0)).toBe(records.length);
    const members = all.find((m) => m.id === 'members')!;
    expect(members.reports.map((r) => r.id).sort()).toEqual(['a-2013', 'b-2013']);
    expect(all.find((m) => m.id === 'unused')!.records).toEqual([]);
    expect(categories.map((c) => c.count)).toEqual([...categories.map((c) => c.count)].sort((a, b) => b - a));
  });

  it('orders a metric’s values by the time they refer to', () => {
    const members = metricCategories(archive, records)
      .flatMap((c) => c.metrics)
      .find((m) => m.id === 'members')!;
    const years = members.records.map((r) => r.year!);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it('finds one region across years and regions in one year, flagging units and qualifiers', () => {
    const comparisons = headlineComparisons(records);
    const northMembers = comparisons.find(
      (c) => c.kind === 'region-years' && c.metric === 'members' && c.fixed === '北省',
    )!;
    expect(northMembers.records.map((r) => r.year)).toEqual([2009, 2013]);
    expect(northMembers.mixedUnits).toBe(false);
    const southMembers = comparisons.find((c) => c.kind === 'region-years' && c.fixed === '南市')!;
    expect(southMembers.mixedUnits).toBe(true);
    const unions2013 = comparisons.find((c) => c.kind === 'year-regions' && c.metric === 'unions')!;
    expect(unions2013.records.map((r) => r.region_name).sort()).toEqual(['北省', '南市'].sort());
    expect(unions2013.mixedUnits).toBe(true);
    const members2013 = comparisons.find((c) => c.kind === 'year-regions' && c.metric === 'members')!;
    expect(members2013.approximate).toBe(true);
    // Cumulative figures (a period) take no part.
    expect(comparisons.some((c) => c.metric === 'aid')).toBe(false);
  });

  it('says when a figure applies', () => {
    const base = { year: null, period_from: null, period_to: null, report_year: 2017 };
    expect(figureTime({ ...base, year: 2013 })).toBe('2013年');
    expect(figureTime({ ...base, period_from: 2009, period_to: 2013 })).toBe('2009—2013年累计');
    expect(figureTime(base)).toContain('2017年报道');
  });
});
