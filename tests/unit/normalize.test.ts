import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparable,
  defaultLineRole,
  fullWidthPunctuation,
  isCjk,
  isHeadlineShaped,
  normalizeText,
  rejoinBrokenLines,
  rejoinLines,
  removeCjkSpaces,
  straightenQuotes,
  textLines,
} from '../../src/lib/normalize.ts';

describe('normalisation rules', () => {
  it('turns half-width punctuation next to Chinese into full-width', () => {
    expect(fullWidthPunctuation('5年来,全区各级工会(含产业工会);成效:显著?')).toBe(
      '5年来，全区各级工会（含产业工会）；成效：显著？',
    );
  });

  it('leaves punctuation between Latin letters and digits alone', () => {
    expect(fullWidthPunctuation('开印时间:3:00 印完时间:4:30, 1,000 APP')).toBe(
      '开印时间：3:00 印完时间：4:30, 1,000 APP',
    );
  });

  it('straightens quotes, pairing with curly ones already there', () => {
    expect(straightenQuotes('引领职工"感党恩、听党话、跟党走"')).toBe('引领职工“感党恩、听党话、跟党走”');
    expect(straightenQuotes('落实“8337"发展思路')).toBe('落实“8337”发展思路');
    expect(straightenQuotes("困难职工家庭高校毕业生'阳光就业'")).toBe('困难职工家庭高校毕业生‘阳光就业’');
  });

  it('rules 2 and 3 give what their definitions give, character by character, on any text', () => {
    // The definitions, read literally (each character with its neighbours in the line): the oracle.
    const quotes = (text: string) =>
      text
        .split('\n')
        .map((line) => {
          const chars = [...line];
          let double = false;
          let single = false;
          return chars
            .map((char, i) => {
              if (char === '“' || char === '”') double = char === '“';
              else if (char === '‘' || char === '’') single = char === '‘';
              else if (char === '"') {
                double = !double;
                return double ? '“' : '”';
              } else if (char === "'" && (isCjk(chars[i - 1]) || isCjk(chars[i + 1]))) {
                single = !single;
                return single ? '‘' : '’';
              }
              return char;
            })
            .join('');
        })
        .join('\n');
    const wide: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？' };
    const punctuation = (text: string) => {
      const chars = [...text];
      return chars.map((c, i) => (wide[c] && (isCjk(chars[i - 1]) || isCjk(chars[i + 1])) ? wide[c] : c)).join('');
    };
    // Han in and beyond the BMP, lone surrogates, every mark the rules touch, Latin, spaces and breaks.
    const alphabet = [...'职工𠀀𪚥aZ1,;:()?"\'“”‘’\n 　，。—…', '\uD800', '\uDC00'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(straightenQuotes(t)).toBe(quotes(t));
        expect(fullWidthPunctuation(t)).toBe(punctuation(t));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('removes stray spaces between Chinese characters only', () => {
    expect(removeCjkSpaces('发展方向 和 总体趋势')).toBe('发展方向和总体趋势');
    expect(removeCjkSpaces('方向 and 趋势，APP 注册')).toBe('方向 and 趋势，APP 注册');
  });

  it('drops a BOM and CR line endings', () => {
    expect(normalizeText('\uFEFF第一行\r\n第二行\r')).toBe('第一行\n第二行\n');
  });

  it('rejoins a prose line broken mid-sentence, but not a heading', () => {
    const text =
      '同时，各级工会依托自身培训、实训基地和职业介绍机构，以协助党政解决下岗失业人员、农牧民工、高\n\n校毕业生三大群体就业问题为重点。\n\n一、促进就业\n\n内容。';
    expect(rejoinBrokenLines(text)).toBe(
      '同时，各级工会依托自身培训、实训基地和职业介绍机构，以协助党政解决下岗失业人员、农牧民工、高校毕业生三大群体就业问题为重点。\n\n一、促进就业\n\n内容。',
    );
  });

  it('keeps blank lines, leading and trailing, where nothing is joined', () => {
    const text = '\n\n第一段。\n\n\n第二段。\n';
    expect(rejoinBrokenLines(text)).toBe(text);
  });

  it('does not glue a long heading without final punctuation to the paragraph after it', () => {
    const text =
      '……为转型振兴作出了突出表现。\n\n以真助组织职工，团结和动员广大职工激情创业、建功立业，为转型振兴提供不竭的动力\n\n围绕中心，服务大局，是中国工会的突出特点。';
    expect(rejoinBrokenLines(text)).toBe(text);
    // …nor a Markdown-marked heading, however long.
    const marked =
      '### 推进职工文化阵地建设，提升职工队伍整体素质和职工文化阵地建设水平\n\n内蒙古各级工会大力实施职工素质建设工程。';
    expect(rejoinBrokenLines(marked)).toBe(marked);
  });

  it('does not glue a letter-spaced series banner to the title under it', () => {
    const text = '全 / 媒 / 体 / 主 / 题 / 宣 / 传 / 活 / 动\n\n在奋力书写中国式现代化内蒙古新篇章中贡献工会力量';
    expect(rejoinBrokenLines(text)).toBe(text);
  });

  it('leaves a sentence interrupted by photo captions in two parts around them', () => {
    const text = [
      '2017年全区各级困难职工帮扶中心共筹集资金1.6亿元，开展了工会就业援助月、',
      '',
      '',
      '',
      '帮扶中心已经成为职工真正的娘家',
      '',
      '',
      '',
      '大力推进工会会员普惠工作',
      '',
      '京津冀蒙工会跨区域促进就业创业系列活动等一系列帮扶行动。',
    ].join('\n');
    expect(rejoinBrokenLines(text)).toBe(text);
    // The line after the captions is the rest of the sentence, not one more caption.
    expect(rejoinLines(textLines(text).lines).map((b) => b.role)).toEqual(['prose', 'aside', 'aside', 'prose']);
  });

  it('keeps a column heading set between the halves of a broken sentence as a heading', () => {
    const text =
      '落实自治区、市委市政府足球工作部署，按照“培养一批、选拔一批、提升一批”的工作思路，确定了今年职工足球工作方\n\n工会“大学校”：“中国梦”的主题\n\n案、启动了2015年呼市职工足球工作。';
    expect(rejoinBrokenLines(text)).toBe(text);
    const roles = rejoinLines(textLines(text).lines).map((b) => b.role);
    expect(roles).toEqual(['prose', 'break', 'prose']);
  });

  it('continues a sentence stopped on a comma, even through a short fragment', () => {
    const text =
      '11月，市总工会举办了全市工会干部培训班，\n\n进一步深入学习贯彻中央和自治区党的群\n\n团工作会议精神，提高工会干部业务水平。';
    expect(rejoinBrokenLines(text)).toBe(
      '11月，市总工会举办了全市工会干部培训班，进一步深入学习贯彻中央和自治区党的群团工作会议精神，提高工会干部业务水平。',
    );
  });

  it('takes a short line cut after a one-character clause for prose, not a heading', () => {
    expect(isHeadlineShaped('在市总工会高度关注和积极推动下，在')).toBe(false);
    expect(isHeadlineShaped('以困难职工及其家庭成员就业意向为导向，开展了工会技能培训促就业行动，加强针')).toBe(false);
    expect(isHeadlineShaped('通过开展“三严三实”主题活动及“勇于')).toBe(false);
    expect(isHeadlineShaped('以真理引导职工，大力营造转型振兴的社会文化氛围，解放思想，自主创新')).toBe(true);
    expect(
      rejoinBrokenLines(
        '上文。\n\n在市总工会高度关注和积极推动下，在\n\n环卫主管部门密切配合下，全市环卫工人待遇得到了提高。',
      ),
    ).toBe('上文。\n\n在市总工会高度关注和积极推动下，在环卫主管部门密切配合下，全市环卫工人待遇得到了提高。');
  });

  it('reads a short line after a wide gap as a caption, and a long one as a continued sentence', () => {
    const context = { previousRole: 'prose' as const, open: '用中国特色社会主义理论凝' };
    expect(defaultLineRole({ text: '内蒙古自治区总工会组织劳模体检', number: 5, gapBefore: 3 }, context)).toBe('aside');
    const long =
      '聚职工群众，教育职工克服自卑心理、满足情绪和等靠思想，振奋精神，坚定信心，自觉投身到转型振兴的伟大实践中。';
    expect(defaultLineRole({ text: long, number: 5, gapBefore: 3 }, context)).toBe('prose');
  });

  it('rejoins a very long run of broken lines completely', () => {
    const line = '各级工会积极探索职工创新工作室管理机制和长效机制，努力把职工创新工作室建设成职工成长的大课';
    const text = Array.from({ length: 50_000 }, () => line).join('\n\n');
    expect(rejoinBrokenLines(text)).toBe(Array.from({ length: 50_000 }, () => line).join(''));
  });

  it('compares quotes regardless of whitespace and character width', () => {
    expect(comparable('４.３５万个， 净增')).toBe(comparable('4.35万个,净增'));
  });
});
