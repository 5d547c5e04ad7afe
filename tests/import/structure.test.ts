/** Reading a report's layout: title block, bylines, headings, captions and page furniture. */
import { describe, expect, it } from 'vitest';
import { textLines } from '../../src/lib/normalize.ts';
import {
  firstLineTitle,
  markedTitle,
  parseByline,
  PLACEHOLDER_TITLE,
  readStructure,
  titleAboveSubtitle,
  titleWithSubtitle,
} from '../../tools/importer/structure.ts';

const doc = (...lines: string[]) => lines.join('\n');
const kinds = (text: string) => readStructure(text).blocks.map((b) => `${b.kind}:${b.text}`);

describe('parseByline', () => {
  it.each([
    ['□ 张奎', [{ name: '张奎' }]],
    ['（张玺 郭静）', [{ name: '张玺' }, { name: '郭静' }]],
    ['(李玉波)', [{ name: '李玉波' }]],
    [
      '本报记者 王小明 通讯员 李华',
      [
        { name: '王小明', role: '本报记者' },
        { name: '李华', role: '通讯员' },
      ],
    ],
    [
      '本报记者张三 李四',
      [
        { name: '张三', role: '本报记者' },
        { name: '李四', role: '本报记者' },
      ],
    ],
    [
      '新华社记者 王五、赵六',
      [
        { name: '王五', role: '新华社记者' },
        { name: '赵六', role: '新华社记者' },
      ],
    ],
    ['文/图 阿不都·热合曼', [{ name: '阿不都·热合曼', role: '文/图' }]],
  ])('%s', (line, authors) => {
    expect(parseByline(line)).toEqual(authors);
  });

  it.each([
    '（试行）',
    '（完）',
    '（待续）',
    '张三 李四',
    '本报记者',
    '□ 全区各级工会积极开展活动取得实效',
    '（2015年）',
  ])('not a byline: %s', (line) => {
    expect(parseByline(line)).toBeUndefined();
  });
});

describe('the title block', () => {
  it('takes a `#` line as the title and a `——` line under it as the subtitle', () => {
    const s = readStructure(doc('# 服务转型 推进维权', '', '## ——辽宁省阜新市总工会纪实', '', '正文第一句。'));
    expect([s.title, s.subtitle, s.titleSource]).toEqual(['服务转型 推进维权', '辽宁省阜新市总工会纪实', 'marked']);
    expect(kinds(doc('# 服务转型 推进维权', '', '## ——辽宁省阜新市总工会纪实', '', '正文第一句。'))).toEqual([
      'paragraph:正文第一句。',
    ]);
  });

  it('takes the first line as the title, and a second headline line above the text as the subtitle', () => {
    const s = readStructure(
      doc(
        '十件实事掷地有声',
        '',
        '内蒙古自治区总工会扎实为职工做好事办实事解难事',
        '',
        '内蒙古自治区总工会自2013年推出服务职工办实事计划以来，成效明显。',
      ),
    );
    expect([s.title, s.subtitle, s.titleSource]).toEqual([
      '十件实事掷地有声',
      '内蒙古自治区总工会扎实为职工做好事办实事解难事',
      'first-line',
    ]);
  });

  it('splits a headline and its subtitle printed on one line, and moves a series banner above them out', () => {
    const s = readStructure(
      doc(
        '实干实干 闯出新路',
        '',
        '全 / 媒 / 体 / 主 / 题',
        '',
        '贡献工会力量 ——凝心聚力推动高质量发展',
        '',
        '9月11日，大会开幕。',
      ),
    );
    expect([s.title, s.subtitle]).toEqual(['贡献工会力量', '凝心聚力推动高质量发展']);
    expect(s.banners.map((b) => b.text)).toEqual(['实干实干 闯出新路', '全 / 媒 / 体 / 主 / 题']);
  });

  it('finds a title printed under a preface and marks its place in the body', () => {
    const text = doc(
      '前言',
      '',
      '11月初，全市工会开展了观摩考评活动。',
      '',
      '',
      '',
      '围绕中心，服务大局',
      '',
      '——某市总工会亮点工作扫描',
      '',
      '',
      '',
      '全市各级工会积极开展“送温暖”活动，走访慰问困难职工家庭，发放慰问金和慰问品，帮助他们解决实际困难，受到职工群众好评。',
    );
    const s = readStructure(text);
    expect([s.title, s.subtitle, s.titleLines]).toEqual(['围绕中心，服务大局', '某市总工会亮点工作扫描', [7]]);
    expect(kinds(text)).toEqual([
      'heading:前言',
      'paragraph:11月初，全市工会开展了观摩考评活动。',
      'note:原文此处印报道标题（见篇首），以下为正文',
      'paragraph:全市各级工会积极开展“送温暖”活动，走访慰问困难职工家庭，发放慰问金和慰问品，帮助他们解决实际困难，受到职工群众好评。',
    ]);
  });

  it('makes up a placeholder title when the file starts with prose, keeping the prose in the body', () => {
    const first = '全区各级工会坚持以职工为中心，扎实推进各项工作，取得了明显成效，受到职工群众的欢迎。';
    const s = readStructure(doc(first, '', '第二段。'));
    expect(s.titleSource).toBe('placeholder');
    expect(s.title).toBe(`${[...first].slice(0, 30).join('')}……`);
    expect(s.blocks[0]).toMatchObject({ kind: 'paragraph', text: first });
    expect(readStructure('#').title).toBe(PLACEHOLDER_TITLE);
  });

  it('takes bylines under the title, and a signatory with their position', () => {
    const s = readStructure(doc('# 标题在此', '', '南通市人大副主任、南通市总工会主席 陆玉明', '', '正文。'));
    expect(s.authors).toEqual([{ name: '陆玉明', role: '南通市人大副主任、南通市总工会主席' }]);
    expect(s.bylines).toEqual([{ line: 3, text: '南通市人大副主任、南通市总工会主席 陆玉明', reason: '署名' }]);
  });
});

describe('the title strategies, each on its own', () => {
  const linesOf = (...text: string[]) => textLines(doc(...text)).lines;
  const found = (match: ReturnType<typeof markedTitle>) =>
    match && {
      title: match.title,
      subtitle: match.subtitle,
      lines: match.titleLines.map((l) => l.number),
      start: match.start,
      end: match.end,
    };

  it('markedTitle takes the first `# ` line of the top, with what lies above it left for banners', () => {
    expect(found(markedTitle(linesOf('专 题 报 道 之 一', '', '# 服务转型 推进维权', '正文。')))).toEqual({
      title: '服务转型 推进维权',
      subtitle: undefined,
      lines: [3],
      start: 1,
      end: 2,
    });
    expect(markedTitle(linesOf('## 小标题', '#话题# 不是标题', '正文。'))).toBeNull();
  });

  it('titleWithSubtitle splits `标题 ——副题` when that is the first subtitle-like line', () => {
    expect(found(titleWithSubtitle(linesOf('栏目', '贡献工会力量 ——凝心聚力推动高质量发展', '正文。')))).toEqual({
      title: '贡献工会力量',
      subtitle: '凝心聚力推动高质量发展',
      lines: [2],
      start: 1,
      end: 2,
    });
    // A `——` subtitle on its own line comes first: that is the next strategy's case.
    expect(titleWithSubtitle(linesOf('标题', '——副题在此', '又一标题 ——又一副题'))).toBeNull();
  });

  it('titleAboveSubtitle takes up to two headline lines above a `——` line, and leaves that line to the caller', () => {
    expect(found(titleAboveSubtitle(linesOf('前言', '十件实事', '掷地有声', '——副题', '正文。')))).toEqual({
      title: '十件实事 掷地有声',
      subtitle: undefined,
      lines: [2, 3],
      start: 1,
      end: 3,
    });
    expect(found(titleAboveSubtitle(linesOf('标题', '——副题')))?.lines).toEqual([1]);
    // Prose right above the dashes is no title, nor is a subtitle on the first line.
    expect(titleAboveSubtitle(linesOf('全市各级工会积极开展活动，走访慰问困难职工。', '——副题'))).toBeNull();
    expect(titleAboveSubtitle(linesOf('——副题', '标题'))).toBeNull();
  });

  it('firstLineTitle takes the first line under spaced banners and a date line, when it is headline-shaped', () => {
    expect(
      found(firstLineTitle(linesOf('全 / 媒 / 体 / 主 / 题', '2024年1月24日', '十件实事掷地有声', '正文。'))),
    ).toEqual({
      title: '十件实事掷地有声',
      subtitle: undefined,
      lines: [3],
      start: 2,
      end: 3,
    });
    expect(
      firstLineTitle(linesOf('全区各级工会坚持以职工为中心，扎实推进各项工作，取得了明显成效。', '第二段。')),
    ).toBeNull();
    expect(firstLineTitle(linesOf('本报记者 张三', '正文。'))).toBeNull();
  });
});

describe('the body', () => {
  it('recognises marked, numbered and plain headings; marked levels start at h2', () => {
    const text = doc(
      '# 标题',
      '',
      '### 一级小标题',
      '',
      '正文一。',
      '',
      '#### 二级小标题',
      '',
      '正文二。',
      '',
      '二、技能提升',
      '',
      '正文三。',
      '',
      '以真情服务职工，当好职工群众的贴心人',
      '',
      '正文四。',
    );
    expect(
      readStructure(text)
        .blocks.filter((b) => b.kind === 'heading')
        .map((b) => [b.text, 'level' in b && b.level]),
    ).toEqual([
      ['一级小标题', 2],
      ['二级小标题', 3],
      ['二、技能提升', 2],
      ['以真情服务职工，当好职工群众的贴心人', 2],
    ]);
  });

  it('keeps photo captions (set apart by wide gaps) in place, as captions', () => {
    const text = doc(
      '# 标题',
      '',
      '正文一。',
      '',
      '',
      '',
      '求职者在招聘会现场签订意向性就业协议',
      '',
      '',
      '',
      '为生产一线职工送清凉',
      '',
      '全区建成职工服务中心9个，其中县级6个、市级3个，实现了县级全覆盖，为职工提供就业、维权、帮扶等服务。',
    );
    expect(kinds(text)).toEqual([
      'paragraph:正文一。',
      'caption:求职者在招聘会现场签订意向性就业协议',
      'caption:为生产一线职工送清凉',
      'paragraph:全区建成职工服务中心9个，其中县级6个、市级3个，实现了县级全覆盖，为职工提供就业、维权、帮扶等服务。',
    ]);
  });

  it('moves page furniture to the source notes, verbatim', () => {
    const text = doc(
      '# 标题',
      '',
      '正文。',
      '',
      '(下转第2版)',
      '',
      '责任编辑:赵六',
      '',
      '上期(北京)开印时间:3:00 印完时间:4:30',
      '',
      '（本版图片由市总工会提供）',
      '',
      '第3版',
    );
    const s = readStructure(text);
    expect(s.furniture.map((f) => [f.line, f.text, f.reason])).toEqual([
      [5, '(下转第2版)', '转版提示'],
      [7, '责任编辑:赵六', '编辑署名'],
      [9, '上期(北京)开印时间:3:00 印完时间:4:30', '印刷时间行'],
      [11, '（本版图片由市总工会提供）', '版面署名'],
      [13, '第3版', '版次'],
    ]);
    expect(kinds(text)).toEqual(['paragraph:正文。']);
  });

  it('takes a bracketed byline only at the end, not with text after it', () => {
    const s = readStructure(
      doc('# 标题', '', '第一段。', '', '（图片）', '', '正文，全市工会开展了活动。', '', '(张玺 郭静)'),
    );
    expect(s.authors).toEqual([{ name: '张玺' }, { name: '郭静' }]);
    expect(s.blocks.map((b) => b.text)).toEqual(['第一段。', '（图片）', '正文，全市工会开展了活动。']);
  });

  it('takes a byline from the end of the last paragraph, but not from an earlier one', () => {
    const s = readStructure(doc('# 标题', '', '第一段。（张三）', '', '第二段，帮助顺利完成学业。(李玉波)'));
    expect(s.authors).toEqual([{ name: '李玉波' }]);
    expect(s.blocks.map((b) => b.text)).toEqual(['第一段。（张三）', '第二段，帮助顺利完成学业。']);
  });

  it('rejoins lines broken by OCR, applies rule 4 to body text only, and records each join', () => {
    const s = readStructure(
      doc(
        '# 标题 甲 乙',
        '',
        '各级工会以创建“工人先锋号”为载体，以提高班组职工的创新能力为目标，开展了创建 “工人先锋号”',
        '',
        '竞赛活动。',
      ),
    );
    expect(s.title).toBe('标题 甲 乙');
    expect(s.blocks).toEqual([
      {
        kind: 'paragraph',
        text: '各级工会以创建“工人先锋号”为载体，以提高班组职工的创新能力为目标，开展了创建“工人先锋号”竞赛活动。',
        lines: [3, 5],
      },
    ]);
    expect(s.joins).toEqual([{ lines: [3, 5], before: '工人先锋号”', after: '竞赛活动。' }]);
  });

  it('reads form feeds as line breaks and says so', () => {
    const s = readStructure('# 标题\n\n第一页的文字。\f第二页的文字。');
    expect(s.pageBreaks).toBe(true);
    expect(s.blocks.map((b) => b.text)).toEqual(['第一页的文字。', '第二页的文字。']);
  });
});

describe('headlines of any length, signatures and page credits', () => {
  it('takes a long headline set apart by a blank line as the title, not as text glued to the first paragraph', () => {
    const headline = `关于${'进一步加强新时代产业工人队伍建设改革'.repeat(4)}的实施意见`;
    expect([...headline].length).toBeGreaterThan(60);
    const s = readStructure(doc(headline, '', '各级工会要认真贯彻落实。'));
    expect([s.title, s.titleSource]).toEqual([headline, 'first-line']);
    expect(kinds(doc(headline, '', '各级工会要认真贯彻落实。'))).toEqual(['paragraph:各级工会要认真贯彻落实。']);
  });

  it('keeps signature lines as text, never as headings', () => {
    const text = doc(
      '关于做好职工服务工作的通知',
      '',
      '各级工会要认真贯彻落实。',
      '',
      '中共中央　国务院',
      '',
      '2024年1月24日',
      '',
      '中华人民共和国主席　习近平',
    );
    expect(kinds(text)).toEqual([
      'paragraph:各级工会要认真贯彻落实。',
      'paragraph:中共中央　国务院',
      'paragraph:2024年1月24日',
      'paragraph:中华人民共和国主席　习近平',
    ]);
    expect(kinds(doc('标题', '', '正文一句。', '', '中共中央', '国务院'))).toEqual([
      'paragraph:正文一句。',
      'paragraph:中共中央',
      'paragraph:国务院',
    ]);
  });

  it('takes editor, layout and page credits as page furniture, never as authors', () => {
    expect(parseByline('(本版责任编辑 张明 版式 李华)')).toBeUndefined();
    const s = readStructure(doc('标题', '', '正文一句。', '', '(本版责任编辑 张明 版式 李华)'));
    expect(s.authors).toEqual([]);
    expect(s.furniture.map((f) => [f.text, f.reason])).toEqual([['(本版责任编辑 张明 版式 李华)', '编辑署名']]);
    const trailing = readStructure(doc('标题', '', '正文最后一句完成了。（本版责任编辑 张明 版式 李华）'));
    expect(trailing.authors).toEqual([]);
    expect(trailing.blocks.map((b) => b.text)).toEqual(['正文最后一句完成了。']);
    expect(trailing.furniture.map((f) => [f.text, f.reason])).toEqual([
      ['（本版责任编辑 张明 版式 李华）', '编辑署名'],
    ]);
  });
});
