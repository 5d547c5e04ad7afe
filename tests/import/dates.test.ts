/**
 * The publication date by order of trust: manifest, file name, dateline or print line; the body only as
 * a marked low-confidence guess, never from 以来 / 到…年 targets / anniversaries.
 */
import { describe, expect, it } from 'vitest';
import { buildDraft, parseGivenDate } from '../../tools/importer/draft.ts';
import { bodyYear, dateFromFileName, datelineDate } from '../../tools/importer/publication-date.ts';
import { seededRandom, vocabularies } from './helpers.ts';

describe('dates in file names', () => {
  it.each([
    ['20240124.txt', '2024-01-24'],
    ['report-2024-01-24.txt', '2024-01-24'],
    ['工人日报2024年1月24日第3版.txt', '2024-01-24'],
    ['2019_7_3 内蒙古.txt', '2019-07-03'],
    ['2015年工作回顾.txt', '2015'],
    ['000_4679e7e55b2209a2.txt', undefined],
    ['20241332.txt', undefined], // no 13th month
    ['a20240124b.txt', undefined], // inside a code
  ])('%s → %s', (name, value) => {
    expect(dateFromFileName(name)?.value).toBe(value);
  });

  it('reads the manifest forms and refuses others', () => {
    expect(parseGivenDate('2024-01-24')).toMatchObject({ value: '2024-01-24', precision: 'day' });
    expect(parseGivenDate('2024年1月')).toMatchObject({ value: '2024-01', precision: 'month' });
    expect(parseGivenDate('2024')).toMatchObject({ value: '2024', precision: 'year' });
    expect(() => parseGivenDate('next tuesday')).toThrow(/日期“next tuesday”无效/);
    expect(() => parseGivenDate('2024-02-30')).toThrow(/无效/);
  });
});

describe('datelines and print lines', () => {
  it.each([
    ['新华社北京2024年1月24日电（记者 张三）全国总工会……', '2024-01-24'],
    ['本报讯 2023年5月1日，市总工会……', '2023-05-01'],
    ['正文……\n出版日期：2022年3月8日', '2022-03-08'],
    ['2021年7月1日 星期四\n标题\n正文', '2021-07-01'],
    ['本报呼和浩特1月24日电 记者……', undefined], // no year printed
    ['2019年以来，全市……2023年5月1日起施行。', undefined], // a date in the body is no dateline
  ])('%s', (text, value) => {
    expect(datelineDate(text)?.value).toBe(value);
  });
});

describe('years from the body', () => {
  it('never from starting points, targets, spans or anniversaries', () => {
    expect(bodyYear('党的十八大以来，1911年辛亥革命，1937年……', 2030)?.year).toBe(2012);
    expect(bodyYear('到2025年，全市建成……2022年，新建职工书屋。', 2030)?.year).toBe(2022);
    expect(bodyYear('纪念建党100周年，1921年，党成立。今年2021年，……', 2030)?.year).toBe(2021);
    // A span's start is no date, and its end after 至 may be a target: neither is taken.
    expect(bodyYear('2015年至2018年规划，2009年以来成效显著', 2030)).toBeUndefined();
    expect(bodyYear('截至2023年底，全市……', 2030)?.year).toBe(2023);
    expect(bodyYear('力争到2035年基本实现', 2030)).toBeUndefined();
  });

  it('is dated by an event when no year is printed', () => {
    expect(bodyYear('深入学习贯彻党的二十届三中全会精神')).toEqual({
      year: 2024,
      evidence: '“二十届三中全会”（2024年）',
    });
    expect(bodyYear('中国工会十八大代表')?.year).toBe(2023);
  });
});

describe('the year of a generated, dated collection', () => {
  // Seeded: the same 400 files every run. Bodies are full of years that are not the publication year.
  const random = seededRandom('file-name-years');
  const distractors = [
    '党的十八大以来',
    '到2035年',
    '建党100周年',
    '1921年',
    '2009年以来',
    '力争到2030年',
    '2012年至',
    '《2016-2020年规划》',
    '1949年',
  ];
  const shapes = [
    (y: number, m: number, d: number) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`,
    (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
    (y: number, m: number, d: number) => `${y}_${m}_${d}`,
  ];
  const files = Array.from({ length: 400 }, (_, i) => {
    const year = 1995 + random.int(0, 30);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const name = `${random.int(0, 1) ? 'report-' : '工人日报'}${shapes[i % shapes.length]!(year, month, day)}-${i}.txt`;
    const noise = Array.from({ length: 4 }, () => distractors[random.int(0, distractors.length - 1)]).join('，');
    const text = `南通市总工会推进职工之家建设\n\n${noise}，南通市总工会新建职工之家${random.int(2, 99)}个，${1990 + random.int(0, 40)}年也有记载。\n`;
    return { name, year, text };
  });

  it('is right for at least 99 % of files whose names carry the date (in fact all)', () => {
    const right = files.filter((f) => {
      const draft = buildDraft(Buffer.from(f.text), vocabularies, {
        fileName: f.name,
        region: 'nantong',
        topics: ['organising'],
      });
      return draft.year.value === f.year && draft.year.source === 'file-name';
    });
    expect(right.length / files.length).toBeGreaterThanOrEqual(0.99);
    expect(right.length).toBe(files.length);
  });

  it('marks a body-only year as a low-confidence guess in the draft', () => {
    const draft = buildDraft(Buffer.from('南通市总工会工作\n\n2019年，南通市总工会新建职工之家9个。\n'), vocabularies, {
      fileName: 'nodate.txt',
      region: 'nantong',
      topics: ['organising'],
    });
    expect(draft.year).toMatchObject({ value: 2019, source: 'body' });
    expect(draft.mdx).toMatch(/inferred: true/);
    expect(draft.mdx).toMatch(/低可信度/);
    expect(draft.warnings.join()).toMatch(/低可信度/);
  });
});
