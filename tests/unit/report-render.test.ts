/** The report renderer: what it refuses (with file line and column), and what it makes of an allowed body. */
import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReportBody } from '../../src/lib/report-render.ts';

const render = (body: string, stats: { quote: string }[] = [], base = '/archive/') =>
  renderReportBody(body, { stats, base });

/** The problems of a body as `line:column message-start`, for compact expectations. */
function refusals(body: string): string[] {
  const result = render(body);
  if (result.ok) throw new Error('expected the body to be refused');
  return result.problems.map((p) => `${/第 ([\d:?]+) 行/.exec(p.field)?.[1]} ${p.message.split(/[ /：（]/)[0]}`);
}

function rendered(body: string, stats: { quote: string }[] = []) {
  const result = render(body, stats);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  return result.report;
}

describe('renderReportBody refuses code and unknown markup, naming line and column', () => {
  it.each([
    ['import', "正文\n\nimport fs from 'node:fs'\n", ['3:1 报道中不允许']],
    ['export', '正文\n\nexport const x = 1\n', ['3:1 报道中不允许']],
    ['a flow expression', '正文\n\n{fs.writeFileSync("x", "")}\n', ['3:1 报道中不允许表达式']],
    ['a text expression', '正文{1 + 1}继续\n', ['1:3 报道中不允许表达式']],
    ['an attribute expression', '甲<Sic reading={x}>乙</Sic>\n', ['1:2 <Sic']],
    ['a spread attribute', '<Note {...props} />\n', ['1:1 <Note>', '1:1 <Note>']],
    ['a script element', '正文\n\n<script>alert(1)</script>\n', ['3:1 不允许的元素']],
    ['an iframe', '正文<iframe src="https://example.org" />\n', ['1:3 不允许的元素']],
    ['HTML written as JSX', '<div>正文</div>\n', ['1:1 不允许的元素']],
    ['a fragment', '<>正文</>\n', ['1:1 不允许的元素']],
    ['a missing required attribute', '甲<Sic>乙</Sic>\n', ['1:2 <Sic>']],
    ['an unknown attribute', '<Lacuna onclick="x" />\n', ['1:1 <Lacuna>']],
    ['content in a mark that takes none', '<Lacuna>丢失的文字</Lacuna>\n', ['1:1 <Lacuna>']],
    ['a script link', '[点此](javascript:alert(1))\n', ['1:1 不允许的链接']],
    ['a script URL in an attribute', '<Note text="javascript:alert(1)" />\n', ['1:1 不允许的链接']],
    ['an MDX syntax error', '第一行\n\n{ 未闭合\n', ['4:1 MDX']],
  ])('%s', (_, body, expected) => {
    expect(refusals(body)).toEqual(expected);
  });

  it('names every problem of a body, not only the first', () => {
    expect(refusals('<script />\n\n正文{x}\n\n<Sic>甲</Sic>\n')).toEqual([
      '1:1 不允许的元素',
      '3:3 报道中不允许表达式',
      '5:1 <Sic>',
    ]);
  });
});

describe('renderReportBody renders an allowed body', () => {
  it('gives each editorial mark its HTML, with the remark visible', () => {
    const { html } = rendered('工会<Sic reading="和">and</Sic>职工<Lacuna />\n\n<Note text="原文如此" />\n');
    const $ = load(html);
    expect($('.ed--sic .ed__original').text()).toBe('and');
    expect($('.ed--sic .ed-note').text()).toBe('〔编者注：疑为OCR错误，当作“和”〕');
    expect($('.ed--lacuna').text()).toBe('……〔编者注：原文此处有缺漏〕');
    // A mark alone on its line stands as a block, not inside a paragraph (as MDX unravels it).
    expect($('body > .ed--note').length + $(':root > .ed--note').length).toBe(1);
  });

  it('takes the reading text without remarks, and the search text with them but without the caption label', () => {
    const report = rendered(
      '## 标题<Sic reading="和">and</Sic>\n\n正文<Note text="注文" />。\n\n<Caption>图中人物</Caption>\n',
    );
    expect(report.text).toBe('标题and\n正文。\n图中人物');
    expect(report.searchText).toBe('标题and〔编者注：疑为OCR错误，当作“和”〕\n正文〔编者注：注文〕。\n图中人物');
    expect(load(report.html)('.caption__label').text()).toBe('图片说明');
  });

  it('numbers headings section-N for the table of contents, with the text a reader sees of the source', () => {
    const report = rendered('## 一、就业\n\n文\n\n### 小节<Sic reading="和">and</Sic>\n\n## 二、培训\n');
    expect(report.headings).toEqual([
      { depth: 2, slug: 'section-1', text: '一、就业' },
      { depth: 3, slug: 'section-2', text: '小节and' },
      { depth: 2, slug: 'section-3', text: '二、培训' },
    ]);
    expect(load(report.html)('h3').attr('id')).toBe('section-2');
  });

  it("anchors each statistic's quote, and prefixes the base path to root-relative links", () => {
    const { html } = rendered('全年培训职工3000人次，[见另文](/reports/x/)。\n', [{ quote: '培训职工3000人次' }]);
    const $ = load(html);
    expect($('mark#quote-1').text()).toBe('培训职工3000人次');
    expect($('a').attr('href')).toBe('/archive/reports/x/');
  });

  it('keeps any escaped text as written (oracle: the text itself, paragraph by paragraph)', () => {
    const paragraph = fc
      .array(fc.constantFrom('工', '会', '职', '“', '”', '{', '}', '<', '>', '*', '_', '#', '1', '%', '&'), {
        minLength: 1,
        maxLength: 12,
      })
      .map((chars) => chars.join(''))
      .filter((text) => text.trim() !== '');
    // The importer's escaping: a backslash before every character MDX or Markdown would read as syntax.
    const escape = (text: string) => text.replace(/[\\{}<>*_#&%[\]]/g, (c) => `\\${c}`);
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const report = rendered(paragraphs.map(escape).join('\n\n'));
        expect(report.text).toBe(paragraphs.join('\n'));
        expect(
          load(report.html)('p')
            .map((_, p) => load(p).text())
            .get(),
        ).toEqual(paragraphs);
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
