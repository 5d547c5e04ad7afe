/** The pure checks behind the content loader (the loader itself runs in tests/content/bad-content.test.ts). */
import { describe, expect, it } from 'vitest';
import {
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

describe('findDuplicates and checkRegionParents', () => {
  it('pairs reports with the same original passage or the same text, naming both files; a shared title is no sign', () => {
    const r = (file: string, original: string, text: string) => ({ file, original, text });
    expect(
      findDuplicates([
        r('d.mdx', 'h2:all', 't3'),
        r('a.mdx', 'h1:all', 't1'),
        r('b.mdx', 'h1:all', 't2'),
        r('c.mdx', 'h1:1-9', 't1'),
        r('e.mdx', 'h3:all', 't4'),
      ]),
    ).toEqual([
      'a.mdx 与 / and b.mdx: 出自同一原件的同一部分（字节相同）/ the same original passage (identical bytes): one report twice',
      'a.mdx 与 / and c.mdx: 正文相同 / the same text: one report twice',
    ]);
  });

  it('refuses a parent that is not a region', () => {
    expect(checkRegionParents([{ id: 'china' }, { id: 'jiangsu', parent: 'china' }, { id: 'x', parent: 'y' }])).toEqual(
      [{ field: 'x.parent', message: '未知上级地区“y” / unknown parent region "y"' }],
    );
  });
});
