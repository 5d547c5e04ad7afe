import { describe, expect, it } from 'vitest';
import {
  findNumbers,
  formatQuantity,
  parseChineseNumeral,
  parseQuantity,
  statesNumber,
} from '../../src/lib/numbers.ts';

describe('parseQuantity and formatQuantity', () => {
  const cases = [
    ['4.35万', { value: 43500, unit: '' }],
    ['1.4亿元', { value: 140000000, unit: '元' }],
    ['9556.5万元', { value: 95565000, unit: '元' }],
    ['85%以上', { value: 85, unit: '%', qualifier: '以上' }],
    ['130多万', { value: 1300000, unit: '', qualifier: '多' }],
    ['近150万', { value: 1500000, unit: '', qualifier: '近' }],
    ['2.5万多人次', { value: 25000, unit: '人次', qualifier: '多' }],
    ['4.3亿元', { value: 430000000, unit: '元' }],
    ['17683个', { value: 17683, unit: '个' }],
    ['200余名', { value: 200, unit: '名', qualifier: '余' }],
    ['约3000元', { value: 3000, unit: '元', qualifier: '约' }],
    ['11.1亿人次', { value: 1110000000, unit: '人次' }],
    ['69.5%', { value: 69.5, unit: '%' }],
  ] as const;

  it.each(cases)('%s parses to its plain value, unit and qualifier', (text, expected) => {
    expect(parseQuantity(text)).toEqual(expected);
  });

  it.each(cases)('%s formats back to the printed form', (text, quantity) => {
    expect(formatQuantity(quantity)).toBe(text);
  });

  it('scales decimals exactly (no binary noise)', () => {
    expect(parseQuantity('522.07万人').value).toBe(5220700);
    expect(parseQuantity('0.3万').value).toBe(3000);
    expect(parseQuantity('1.09万人').value).toBe(10900);
  });

  it('reads full-width digits and thousands separators', () => {
    expect(parseQuantity('１２万').value).toBe(120000);
    expect(parseQuantity('1,000人').value).toBe(1000);
  });

  it('refuses text that is not a quantity, and two qualifiers at once', () => {
    expect(() => parseQuantity('很多人')).toThrow(/not a quantity/);
    expect(() => parseQuantity('近130多万')).toThrow(/more than one qualifier/);
  });
});

describe('findNumbers', () => {
  it('finds every number with 万/亿 applied', () => {
    const values = findNumbers(
      '累计帮扶救助困难职工76.2万人次，支出帮扶资金4.3亿元，其中农牧民工20.8万人次、6683.8万元',
    ).map((m) => m.value);
    expect(values).toEqual([762000, 430000000, 208000, 66838000]);
  });

  it('applies a magnitude that follows 多/余', () => {
    expect(findNumbers('覆盖职工130多万人').map((m) => m.value)).toEqual([1300000]);
  });

  it('reads numbers written in Chinese characters', () => {
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('二十三')).toBe(23);
    expect(parseChineseNumeral('一百二十')).toBe(120);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(statesNumber('每年坚持为职工办好十件实事', 10)).toBe(true);
  });

  it('statesNumber is false when the value is absent', () => {
    expect(statesNumber('全区工会基层组织从2009年的4.35万个增加到2013年底的7.37万个', 43500)).toBe(true);
    expect(statesNumber('全区工会基层组织从2009年的4.35万个增加到2013年底的7.37万个', 4.35)).toBe(false);
  });
});
