/** Escaping source text for MDX (the property test in fuzz.test.ts checks it on random text). */
import { describe, expect, it } from 'vitest';
import { escapeMdxText, jsxAttribute } from '../../tools/importer/escape-mdx.ts';
import { renderMdx } from './mdx.ts';

describe('escapeMdxText', () => {
  it.each([
    ['全区工会基层组织达到7.37万个。', '全区工会基层组织达到7.37万个。'],
    ['开印时间：3:00，1,000人', '开印时间：3:00，1,000人'],
    ['{三有}标准', '\\{三有\\}标准'],
    ['<<工会法>>', '\\<\\<工会法\\>\\>'],
    ['#职工心声#', '\\#职工心声\\#'],
    ['a*b_c', 'a\\*b\\_c'],
    ['事业单位 | 机关 ~ 企业', '事业单位 \\| 机关 \\~ 企业'],
    ['- 一类', '\\- 一类'],
    ['1. 二类', '1\\. 二类'],
    ['import 设备', '&#x69;mport 设备'],
    ['&amp;', '\\&amp;'],
    ['www.example.org', 'www\\.example.org'],
  ])('%s', (text, escaped) => {
    expect(escapeMdxText(text)).toBe(escaped);
  });

  it('renders each example as written', async () => {
    const lines = [
      '{三有}标准',
      '<<工会法>>',
      '#职工心声#',
      '- 一类',
      '1. 二类',
      'import 设备',
      '> 引',
      '&amp;',
      '`代码`',
      '[附件](http://x.org/a_b)',
    ];
    const rendered = await renderMdx(lines.map(escapeMdxText).join('\n\n'));
    expect(rendered.blocks).toEqual(lines);
  });
});

describe('jsxAttribute', () => {
  it('quotes with whichever quote the value lacks', async () => {
    expect(jsxAttribute('text', '原文此处印标题')).toBe('text="原文此处印标题"');
    expect(jsxAttribute('text', 'a "b"')).toBe(`text='a "b"'`);
    expect(jsxAttribute('text', `a "b" 'c'`)).toBe(`text={"a \\"b\\" 'c'"}`);
    await expect(renderMdx(`<Note ${jsxAttribute('text', `a "b" 'c' {d} <e>`)} />`)).resolves.toBeDefined();
  });
});
