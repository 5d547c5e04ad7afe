import fc from 'fast-check';
import nzh from 'nzh/cn';
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

describe('Chinese numerals', () => {
  it.each([
    ['三千五百万元', { value: 35000000, unit: '元' }],
    ['两千余人', { value: 2000, unit: '人', qualifier: '余' }],
    ['一万二千人', { value: 12000, unit: '人' }],
    ['百分之六十五', { value: 65, unit: '%' }],
    ['近百分之六十', { value: 60, unit: '%', qualifier: '近' }],
    ['百分之六十五以上', { value: 65, unit: '%', qualifier: '以上' }],
    ['百分之三点五', { value: 3.5, unit: '%' }],
    ['三十多万', { value: 300000, unit: '', qualifier: '多' }],
    ['十余万人', { value: 100000, unit: '人', qualifier: '余' }],
    ['一亿零五百万元', { value: 105000000, unit: '元' }],
    ['三点五亿元', { value: 350000000, unit: '元' }],
    ['一千万千瓦', { value: 10000000, unit: '千瓦' }],
    ['俩人', { value: 2, unit: '人' }],
    ['百台', { value: 100, unit: '台' }],
    ['1万2千人', { value: 12000, unit: '人' }],
    // Colloquial: a last digit right after a place counts one place lower.
    ['三千五', { value: 3500, unit: '' }],
    ['一万二', { value: 12000, unit: '' }],
    // A year read digit by digit is one number, not its last digit.
    ['二〇一四年', { value: 2014, unit: '年' }],
    ['一九九八年', { value: 1998, unit: '年' }],
  ] as const)('%s', (text, expected) => {
    expect(parseQuantity(text)).toEqual(expected);
  });

  it('reads years digit by digit, and refuses what is not one number', () => {
    expect(parseChineseNumeral('二〇一四')).toBe(2014);
    expect(parseChineseNumeral('一千零五')).toBe(1005);
    // 三五 is "three or five", a range; the places must fall; a place needs a digit after the first.
    for (const text of ['三五', '十百', '万', '一亿万', '三千万千']) expect(parseChineseNumeral(text)).toBeUndefined();
    expect(() => parseQuantity('近两千多人')).toThrow(/more than one qualifier/);
    expect(parseQuantity('一万多亿元').value).toBe(1e12);
    expect(() => parseQuantity('一亿零十多万')).toThrow(/magnitudes out of order/);
  });

  it('statesNumber finds values written in Chinese numerals, and a year is not its last digit', () => {
    expect(statesNumber('全年投入帮扶资金三千五百万元', 35000000)).toBe(true);
    expect(statesNumber('参赛职工达一万二千人', 12000)).toBe(true);
    expect(statesNumber('覆盖率达到百分之六十五', 65)).toBe(true);
    expect(statesNumber('二〇一四年，全区新建职工书屋', 2014)).toBe(true);
    expect(statesNumber('二〇一四年，全区新建职工书屋', 4)).toBe(false);
  });
});

/*
 * nzh (a maintained converter) is the oracle: it writes a random integer in Chinese numerals and reads
 * that standard form back; parseQuantity must read the same value from every way the number is printed.
 */
describe('Chinese numerals against nzh', () => {
  const integer = fc.oneof(
    fc.integer({ min: 0, max: 99_999 }),
    fc.integer({ min: 0, max: 999_999_999_999 }),
    // Round figures, as reports print them: 三千五百万, 两亿, 十二万.
    fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(1, 10, 100, 1e4, 1e5, 1e8))
      .map(([mantissa, factor]) => mantissa * factor),
  );
  /** nzh's standard numeral (一十二) and a printed variant: 十二, 两 for 二 before a place, 〇 for 零. */
  const numeral = fc
    .record({
      n: integer,
      shi: fc.infiniteStream(fc.boolean()),
      liang: fc.infiniteStream(fc.boolean()),
      ling: fc.infiniteStream(fc.boolean()),
    })
    .map(({ n, shi, liang, ling }) => {
      // nzh's own short form (tenMin) reads 六千亿零十万 back without the 十万, so it decodes the full form.
      const standard = nzh.encodeS(n, { tenMin: false });
      const printed = standard
        // A leading 十 drops its 一, at the start or after 零: 十二, 一万零十五.
        .replace(/(?<=^|零)一十/gu, (ten) => (shi.next().value ? '十' : ten))
        // 两 stands for a digit 2 leading a place, never after 十 (十二万, not 十两万).
        .replace(/(?<!十)二(?=[百千万亿])/gu, (two) => (liang.next().value ? '两' : two))
        .replace(/零/gu, (zero) => (ling.next().value ? '〇' : zero));
      return { n, standard, printed };
    });
  const qualifier = fc.constantFrom('', '多', '余', '近', '约', '超过', '以上', '左右');
  // No unit starting with a place: 一千瓦 is 1000 瓦 or 1 千瓦, the same power (the table has 一千万千瓦).
  const unit = fc.constantFrom('', '元', '人', '人次', '个', '公里', '平方米');

  /** 近/约/超过 before, 以上/左右 after the unit, 多/余 after the numeral or before its only 万/亿 (三十多万). */
  function print(number: string, q: string, u: string): string {
    if (q === '多' || q === '余') {
      const magnitude = /^[^万亿]+[万亿]$/u.test(number) ? number.slice(-1) : '';
      return `${number.slice(0, number.length - magnitude.length)}${q}${magnitude}${u}`;
    }
    return ['近', '约', '超过'].includes(q) ? `${q}${number}${u}` : `${number}${u}${q}`;
  }

  it('parseQuantity reads every printed form as nzh reads the standard one', () => {
    fc.assert(
      fc.property(numeral, qualifier, unit, ({ n, standard, printed }, q, u) => {
        const expected = Number(nzh.decodeS(standard));
        expect(expected).toBe(n);
        const text = print(printed, q, u);
        const quantity = parseQuantity(text);
        expect(quantity).toEqual(q ? { value: expected, unit: u, qualifier: q } : { value: expected, unit: u });
        expect(statesNumber(`全市${text}，同比增长`, expected)).toBe(true);
      }),
      { numRuns: 3000, seed: 20260119 },
    );
  });

  it('百分之… is a percentage of the numeral’s value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.boolean(), (n, tenMin) => {
        const standard = nzh.encodeS(n, { tenMin }); // 十 to 十九 only, which nzh reads back in either form
        expect(parseQuantity(`百分之${standard}`)).toEqual({ value: Number(nzh.decodeS(standard)), unit: '%' });
      }),
      { numRuns: 300, seed: 20260119 },
    );
  });

  it('a year printed digit by digit (〇 or 零) is the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.constantFrom('〇', '零'), (year, zero) => {
        const printed = [...String(year)].map((d) => (d === '0' ? zero : nzh.encodeS(Number(d)))).join('');
        expect(parseQuantity(`${printed}年`)).toEqual({ value: year, unit: '年' });
        expect(statesNumber(`${printed}年，全区`, year)).toBe(true);
      }),
      { numRuns: 300, seed: 20260119 },
    );
  });
});
