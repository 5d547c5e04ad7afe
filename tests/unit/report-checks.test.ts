/** The pure checks behind the content loader (the loader itself runs in tests/content/bad-content.test.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyFirstLine,
  checkBody,
  checkReferences,
  checkRegionParents,
  findDuplicates,
  readableSchemaMessage,
} from '../../src/lib/report-checks.ts';

const known = { regions: new Set(['china']), topics: new Set(['organising']), metrics: new Set(['members']) };

describe('checkReferences', () => {
  it('names one unknown reference in the singular', () => {
    const problems = checkReferences(
      { region: 'atlantis', topics: ['organising', 'astrology'], stats: [{ metric: 'moon' }] },
      known,
    );
    expect(problems.map((p) => p.message)).toEqual([
      '未知地区“atlantis” / unknown region "atlantis"',
      '未知主题“astrology” / unknown topic "astrology"',
      '未知指标“moon” / unknown metric "moon"',
    ]);
  });
});

describe('readableSchemaMessage', () => {
  it("drops Astro's Markdown asterisks and the repeated path", () => {
    expect(
      readableSchemaMessage(
        '**reports → x** data does not match.\n  **title**: **title**: Required\n  **stats.0.value**: Expected number',
      ),
    ).toBe('reports → x data does not match.\n  title: Required\n  stats.0.value: Expected number');
  });
});

describe('bodyFirstLine', () => {
  it('finds the line the body starts on (oracle: count the lines of what precedes it)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '\n', '---', '工'), { maxLength: 20 }),
        fc.string({ minLength: 1 }),
        (head, tail) => {
          const before = `---\ntitle: x\n---\n${head.join('')}\n`;
          const body = `正文${tail}`;
          expect(bodyFirstLine(before + body, body)).toBe(before.split('\n').length);
        },
      ),
      { seed: 20261201 },
    );
  });
});

describe('findDuplicates and checkRegionParents', () => {
  it('pairs reports with the same original passage or the same title and date, naming both files', () => {
    const r = (file: string, title: string, date: string, original: string) => ({ file, title, date, original });
    expect(
      findDuplicates([
        r('a.mdx', 'A', '2020', 'h1:all'),
        r('b.mdx', 'B', '2020', 'h1:all'),
        r('c.mdx', 'A', '2020', 'h1:1-9'),
        r('d.mdx', 'A', '2021', 'h2:all'),
      ]),
    ).toEqual([
      'a.mdx 与 / and b.mdx: 出自同一原件的同一部分（字节相同）/ the same original passage (identical bytes): one report twice',
      'a.mdx 与 / and c.mdx: 标题与日期相同 / the same title and date: one report twice',
    ]);
  });

  it('refuses a parent that is not a region', () => {
    expect(checkRegionParents([{ id: 'china' }, { id: 'jiangsu', parent: 'china' }, { id: 'x', parent: 'y' }])).toEqual(
      [{ field: 'x.parent', message: '未知上级地区“y” / unknown parent region "y"' }],
    );
  });
});

describe('checkBody', () => {
  it('refuses links and images that would run script, with their file line, and keeps ordinary ones', () => {
    const body =
      '正文[甲](https://example.org/)。\n\n[乙](javascript:alert(1)) ![丙](data:text/html,x)\n\n<a href="JavaScript:alert(2)">丁</a>\n';
    const { text, problems } = checkBody(body, 10);
    expect(text).toContain('正文甲。');
    expect(problems).toEqual([
      {
        field: 'body（第 12 行 / line 12）',
        message: '不允许的链接 / a link that would run script: javascript:alert(1)',
      },
      { field: 'body（第 12 行 / line 12）', message: '不允许的链接 / a link that would run script: data:text/html,x' },
      {
        field: 'body（第 14 行 / line 14）',
        message: '不允许的链接 / a link that would run script: JavaScript:alert(2)',
      },
    ]);
  });

  it('reports an empty body and an MDX syntax error at its file line', () => {
    expect(checkBody('\n\n', 5).problems).toEqual([{ field: 'body', message: '正文为空 / the body is empty' }]);
    // The unclosed brace is reported where the file ends with it still open: body line 4, file line 23.
    expect(checkBody('第一行\n\n{ 未闭合\n', 20).problems[0]?.field).toBe('body（第 23:1 行 / line 23:1）');
    expect(checkBody('第一行\n\n二 <Lacuna 三\n\n四\n', 20).problems[0]?.field).toMatch(/^body（第 22:\d+ 行/);
  });
});
