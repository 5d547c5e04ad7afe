import { describe, expect, it } from 'vitest';
import {
  comparable,
  fullWidthPunctuation,
  normalizeText,
  rejoinBrokenLines,
  removeCjkSpaces,
  straightenQuotes,
} from '../../src/lib/normalize';

describe('normalisation rules', () => {
  it('turns half-width punctuation next to Chinese into full-width', () => {
    expect(fullWidthPunctuation('5年来,全区各级工会(含产业工会);成效:显著?')).toBe('5年来，全区各级工会（含产业工会）；成效：显著？');
  });

  it('leaves punctuation between Latin letters and digits alone', () => {
    expect(fullWidthPunctuation('开印时间:3:00 印完时间:4:30, 1,000 APP')).toBe('开印时间：3:00 印完时间：4:30, 1,000 APP');
  });

  it('straightens quotes, pairing with curly ones already there', () => {
    expect(straightenQuotes('引领职工"感党恩、听党话、跟党走"')).toBe('引领职工“感党恩、听党话、跟党走”');
    expect(straightenQuotes('落实“8337"发展思路')).toBe('落实“8337”发展思路');
    expect(straightenQuotes("困难职工家庭高校毕业生'阳光就业'")).toBe('困难职工家庭高校毕业生‘阳光就业’');
  });

  it('removes stray spaces between Chinese characters only', () => {
    expect(removeCjkSpaces('发展方向 和 总体趋势')).toBe('发展方向和总体趋势');
    expect(removeCjkSpaces('方向 and 趋势，APP 注册')).toBe('方向 and 趋势，APP 注册');
  });

  it('drops a BOM and CR line endings', () => {
    expect(normalizeText('\uFEFF第一行\r\n第二行\r')).toBe('第一行\n第二行\n');
  });

  it('rejoins a prose line broken mid-sentence, but not a heading', () => {
    const text = '同时，各级工会依托自身培训、实训基地和职业介绍机构，以协助党政解决下岗失业人员、农牧民工、高\n\n校毕业生三大群体就业问题为重点。\n\n一、促进就业\n\n内容。';
    expect(rejoinBrokenLines(text)).toBe(
      '同时，各级工会依托自身培训、实训基地和职业介绍机构，以协助党政解决下岗失业人员、农牧民工、高校毕业生三大群体就业问题为重点。\n\n一、促进就业\n\n内容。',
    );
  });

  it('compares quotes regardless of whitespace and character width', () => {
    expect(comparable('４.３５万个， 净增')).toBe(comparable('4.35万个,净增'));
  });
});
