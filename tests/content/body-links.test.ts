/**
 * How article bodies compile: links inside an MDX body get the base path like every other internal link,
 * and CJK emphasis works (remark-cjk-friendly: `**“8337”**发展思路` is bold without a space after it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../tools/shared/sandbox.ts';

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox();
  sandbox.write(
    'content/reports/linking.mdx',
    `---
title: 链接测试
region: inner-mongolia
year: 2014
period: { from: 2014, to: 2014 }
topics: [organising]
summary: 测试。
source:
  file: 000_4679e7e55b2209a2.txt
  extent: 测试。
---

落实**“8337”**发展思路。

见[地区页](/regions/inner-mongolia/)、[原文](/originals/000_4679e7e55b2209a2.txt)、[本页小节](#section-1)与[外部](https://example.org/)。
`,
  );
});
afterAll(() => sandbox.remove());

it('prefixes root-relative body links with the base path and leaves others alone', () => {
  const { status, output } = sandbox.astro(['build'], { BASE_PATH: '/union-archive/' });
  expect(status, output).toBe(0);
  const html = readFileSync(join(sandbox.dir, 'dist/reports/linking/index.html'), 'utf8');
  expect(html).toContain('href="/union-archive/regions/inner-mongolia/"');
  expect(html).toContain('href="/union-archive/originals/000_4679e7e55b2209a2.txt"');
  expect(html).toContain('href="#section-1"');
  expect(html).toContain('href="https://example.org/"');
});

it('renders CJK emphasis next to full-width punctuation', () => {
  const html = readFileSync(join(sandbox.dir, 'dist/reports/linking/index.html'), 'utf8');
  expect(html).toContain('落实<strong>“8337”</strong>发展思路。');
});
