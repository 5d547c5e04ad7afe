/**
 * Content that must not publish fails `astro sync` (which `astro build` runs first) with a message naming
 * the file and the line or field; a merely suspicious one (a very long body) warns. Several independent
 * defects share one run where the message names each file, to keep the number of Astro runs small.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_SIZE_WARNING } from '../../src/lib/report-checks.ts';
import { ROOT } from '../../tools/shared/content.ts';
import { createSandbox, type Sandbox } from '../../tools/shared/sandbox.ts';

const ORIGINAL = '000_4679e7e55b2209a2.txt';
const OTHER_ORIGINAL = '001_381268ad6dad7814.txt';
const SENTENCE = '全区工会基层组织增加到2013年底的7.37万个。';

interface Options {
  title?: string;
  year?: number;
  file?: string;
  body?: string;
}

/** A report that passes every check (see the first test); each case changes one thing. */
function report({ title = '测试报道', year = 2014, file = ORIGINAL, body = `${SENTENCE}\n` }: Options = {}): string {
  return `---
title: ${title}
region: inner-mongolia
year: ${year}
period: { from: 2013, to: 2014 }
topics: [organising]
summary: 测试用摘要。
source:
  file: ${file}
  extent: 测试。
---

${body}`;
}

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox();
});
afterAll(() => sandbox.remove());

function clearReports(): void {
  rmSync(join(sandbox.dir, 'content/reports'), { recursive: true, force: true });
  mkdirSync(join(sandbox.dir, 'content/reports'));
}

describe('bad content', () => {
  it('builds a valid report, and warns about (only) a body over the size limit, naming file and size', () => {
    clearReports();
    sandbox.write('content/reports/valid.mdx', report());
    const long = `${SENTENCE}\n\n${'职工'.repeat(BODY_SIZE_WARNING / 2 + 10)}\n`;
    sandbox.write('content/reports/long.mdx', report({ title: '长篇', file: OTHER_ORIGINAL, body: long }));
    const { status, output } = sandbox.astro(['sync']);
    expect(output).not.toMatch(/error/i);
    expect(status).toBe(0);
    // The loader's body is the text after the frontmatter without its surrounding blank lines.
    const size = Number(/content\/reports\/long\.mdx: 正文 (\d+) 字符/.exec(output)?.[1]);
    expect(size).toBe(long.trim().length);
    expect(output).not.toMatch(/valid\.mdx: 正文/);
  });

  it('fails naming every bad file: MDX syntax (with the line), missing original, empty body, duplicates, fixity', () => {
    clearReports();
    const w = (name: string, text: string) => sandbox.write(`content/reports/${name}.mdx`, text);
    w('unclosed', report({ title: '一', body: `${SENTENCE}\n\n第二段 <Lacuna\n\n第三段\n` }));
    w('brace', report({ title: '二', file: OTHER_ORIGINAL, body: `${SENTENCE}\n\n职工 { 之家\n` }));
    w('no-original', report({ title: '三', file: 'nowhere.txt' }));
    w('empty', report({ title: '四', file: '002_c0bebb80c56cd7b1.txt', body: '\n\n' }));
    w('same-original-a', report({ title: '五', file: '003_cac313f8d2c25a32.txt' }));
    w('same-original-b', report({ title: '六', year: 2015, file: '003_cac313f8d2c25a32.txt' }));
    w('same-title-a', report({ title: '同题', year: 2016, file: '004_214ee2ef5971fb18.txt' }));
    const sameTitleB = report({ title: '同题', year: 2016, file: ORIGINAL + '' });
    w('same-title-b', sameTitleB.replace('extent: 测试。', 'extent: 测试。\n  lines: { from: 1, to: 3 }'));
    // Fixity: one original changed, one not listed, one listed but gone.
    appendFileSync(join(sandbox.dir, 'public/originals', OTHER_ORIGINAL), '改动');
    writeFileSync(join(sandbox.dir, 'public/originals/extra.txt'), '多出的文件\n');
    appendFileSync(join(sandbox.dir, 'public/SHA256SUMS'), `${'0'.repeat(64)}  originals/gone.txt\n`);

    const { status, output } = sandbox.astro(['sync']);
    for (const file of [`originals/${OTHER_ORIGINAL}`, 'SHA256SUMS']) cpSync(join(ROOT, 'public', file), join(sandbox.dir, 'public', file));
    rmSync(join(sandbox.dir, 'public/originals/extra.txt'));
    expect(status).not.toBe(0);
    // Line 15 of each file: the frontmatter takes lines 1-11, a blank line, the sentence, a blank line.
    expect(output).toMatch(/content\/reports\/unclosed\.mdx → body（第 15:12 行 \/ line 15:12）: MDX 语法错误/);
    expect(output).toMatch(/content\/reports\/brace\.mdx → body（第 15:\d+ 行 \/ line 15:\d+）: MDX 语法错误/);
    expect(output).toMatch(/content\/reports\/no-original\.mdx → source\.file: .*public\/originals\/nowhere\.txt/);
    expect(output).toMatch(/content\/reports\/empty\.mdx → body: 正文为空/);
    expect(output).toMatch(/content\/reports\/same-original-a\.mdx 与 \/ and content\/reports\/same-original-b\.mdx: 出自同一原件/);
    expect(output).toMatch(/content\/reports\/same-title-a\.mdx 与 \/ and content\/reports\/same-title-b\.mdx: 标题与日期相同/);
    expect(output).toMatch(new RegExp(`public/originals/${OTHER_ORIGINAL}: sha256 与 public/SHA256SUMS 不符`));
    expect(output).toMatch(/public\/originals\/extra\.txt: 未登记在 public\/SHA256SUMS 中/);
    expect(output).toMatch(/public\/originals\/gone\.txt: 清单中有而文件不存在/);
    // The two reports of one file with different line ranges are not duplicates of each other.
    expect(output).not.toMatch(/same-title-b\.mdx[^\n]*出自同一原件/);
  });

  it('prints schema errors naming the file, each field once, without Markdown asterisks', () => {
    clearReports();
    sandbox.write('content/reports/schema.mdx', report({ year: '二〇一四' as unknown as number }).replace(/^title: .*\n/m, ''));
    const { status, output } = sandbox.astro(['sync']);
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/reports\/schema\.mdx: reports → schema data does not match collection schema/);
    expect(output).toMatch(/^ +title: Required$/m);
    expect(output).toMatch(/^ +year: Expected type/m);
    expect(output).not.toContain('**');
  });

  it('fails on a region whose parent does not exist, naming the file and field', () => {
    clearReports();
    const regionsFile = join(sandbox.dir, 'content/regions.json');
    const regions = readFileSync(regionsFile, 'utf8');
    const withAtlantis = { ...JSON.parse(regions), atlantis: { name: '亚特兰蒂斯', level: 'province', parent: 'lemuria' } };
    writeFileSync(regionsFile, JSON.stringify(withAtlantis));
    const { status, output } = sandbox.astro(['sync']);
    writeFileSync(regionsFile, regions);
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/regions\.json → atlantis\.parent: .*lemuria/);
  });
});
