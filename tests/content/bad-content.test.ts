/**
 * Content that must not publish fails `astro sync` (which `astro build` runs first) with a message naming
 * the file and the line or field; a merely suspicious one (a very long body) warns. Each bad report
 * differs from a valid one (see the first test) by one change. Defects the loader collects share one run,
 * told apart by file name, and the schema's field errors of one file share another: an Astro run costs
 * seconds, a shared run tests the same messages.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_SIZE_WARNING } from '../../src/lib/report-checks.ts';
import { FIXTURE_ROOT } from '../../tools/shared/content.ts';
import { createSandbox, type Sandbox } from '../../tools/shared/sandbox.ts';

const ORIGINAL = '000_4679e7e55b2209a2.txt';
const OTHER_ORIGINAL = '001_381268ad6dad7814.txt';
const SENTENCE = '全区工会基层组织增加到2013年底的7.37万个。';
const STAT = { metric: 'grassroots-unions', value: '73700', quote: '全区工会基层组织增加到2013年底的7.37万个' };

interface Options {
  title?: string | null;
  year?: number | string;
  region?: string;
  topics?: string;
  file?: string;
  /** Line range of the original, so that reports of one original are not duplicates of each other. */
  lines?: number;
  body?: string;
  /** Statistics as YAML fields; a missing `quote` is left out. */
  stats?: Partial<typeof STAT>[];
}

/** A report that passes every check (see the first test); each case changes one thing. */
function report({
  title = '测试报道',
  year = 2014,
  region = 'inner-mongolia',
  topics = '[organising]',
  file = ORIGINAL,
  lines,
  // A paragraph of its own per title: reports with the same text are one report twice.
  body = `${SENTENCE}\n\n${title ?? ''}\n`,
  stats = [STAT],
}: Options = {}): string {
  const statYaml = stats
    .map((s) => {
      const fields = [`metric: ${s.metric}`, 'label: 基层组织数', `value: ${s.value}`, 'unit: 个'];
      if (s.quote !== undefined) fields.push(`quote: ${s.quote}`);
      return `  - ${fields.join('\n    ')}\n`;
    })
    .join('');
  return `---
${title === null ? '' : `title: ${title}\n`}region: ${region}
year: ${year}
period: { from: 2013, to: 2014 }
topics: ${topics}
summary: 测试用摘要。
source:
  file: ${file}
  extent: 测试。${lines ? `\n  lines: { from: ${lines}, to: ${lines} }` : ''}
${stats.length ? `stats:\n${statYaml}` : ''}---

${body}`;
}

/** The line of the body's first paragraph: after the frontmatter (given its statistics) and a blank line. */
const BODY_LINE = report().split('\n').indexOf(SENTENCE) + 1;

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox();
});
afterAll(() => sandbox.remove());

/** Replaces the sandbox's reports with these (file name without .mdx → text) and runs `astro sync`. */
function sync(reports: Record<string, string>, cwd?: string): { status: number | null; output: string } {
  rmSync(join(sandbox.dir, 'content/reports'), { recursive: true, force: true });
  mkdirSync(join(sandbox.dir, 'content/reports'));
  for (const [name, text] of Object.entries(reports)) sandbox.write(`content/reports/${name}.mdx`, text);
  return cwd ? sandbox.astro(['sync', '--root', sandbox.dir], {}, cwd) : sandbox.astro(['sync']);
}

describe('the content pipeline', () => {
  it('accepts valid reports, from any working directory, and warns (only) about a body over the size limit', () => {
    const long = `${SENTENCE}\n\n${'职工'.repeat(BODY_SIZE_WARNING / 2 + 10)}\n`;
    const { status, output } = sync(
      { valid: report(), long: report({ title: '长篇', file: OTHER_ORIGINAL, body: long }) },
      // Content folders are found from the project root, not the working directory.
      tmpdir(),
    );
    expect(output).not.toMatch(/error/i);
    expect(status).toBe(0);
    // The loader's body is the text after the frontmatter without its surrounding blank lines.
    const size = Number(/content\/reports\/long\.mdx: 正文 (\d+) 字符/.exec(output)?.[1]);
    expect(size).toBe(long.trim().length);
    expect(output).not.toMatch(/valid\.mdx: 正文/);
  });

  it('fails naming every bad file and its field or line: references, quotes, values, MDX, code, originals, duplicates, fixity', () => {
    const lined = (lines: number, title: string, options: Options) => report({ ...options, lines, title });
    const reports = {
      'unknown-region': lined(11, '地区', { region: 'atlantis' }),
      'unknown-topic': lined(12, '主题', { topics: '[organising, astrology]' }),
      'unknown-metric': lined(13, '指标', { stats: [{ ...STAT, metric: 'moon-landings' }] }),
      'quote-not-in-body': lined(14, '引文', { stats: [{ ...STAT, quote: '全区工会基层组织达到7.37万个' }] }),
      'value-not-quoted': lined(15, '数值', { stats: [{ ...STAT, value: '73800' }] }),
      unclosed: report({ title: '一', body: `${SENTENCE}\n\n第二段 <Lacuna\n\n第三段\n` }),
      brace: report({ title: '二', file: OTHER_ORIGINAL, body: `${SENTENCE}\n\n职工 { 之家\n` }),
      'no-original': report({ title: '三', file: 'nowhere.txt' }),
      empty: report({ title: '四', file: '002_c0bebb80c56cd7b1.txt', body: '\n\n', stats: [] }),
      'same-original-a': report({ title: '五', file: '003_cac313f8d2c25a32.txt' }),
      'same-original-b': report({ title: '六', year: 2015, file: '003_cac313f8d2c25a32.txt' }),
      'same-title-a': report({ title: '国内联播快讯', year: 2016, file: '004_214ee2ef5971fb18.txt' }),
      'same-title-b': lined(3, '国内联播快讯', { year: 2016, body: `${SENTENCE}\n\n另一则快讯。\n` }),
      'same-text-a': lined(4, '甲', { body: `${SENTENCE}\n\n同一篇报道。\n` }),
      'same-text-b': lined(5, '乙', { body: `${SENTENCE}\n\n同一篇报道。\n` }),
      'code-import': lined(6, '码一', { body: `${SENTENCE}\n\nimport fs from 'node:fs'\n` }),
      'code-expression': lined(7, '码二', { body: `${SENTENCE}\n\n职工{fs.writeFileSync('x', '')}\n` }),
      'code-attribute': lined(8, '码三', { body: `${SENTENCE}\n\n甲<Sic reading={x}>乙</Sic>\n` }),
      'code-script': lined(9, '码四', { body: `${SENTENCE}\n\n<script>alert(1)</script>\n` }),
      'code-iframe': lined(10, '码五', { body: `${SENTENCE}\n\n见<iframe src="https://example.org" />\n` }),
      'code-missing-attribute': lined(16, '码六', { body: `${SENTENCE}\n\n甲<Sic>乙</Sic>\n` }),
    };
    // Fixity: one original changed, one not listed, one listed but gone.
    appendFileSync(join(sandbox.dir, 'public/originals', OTHER_ORIGINAL), '改动');
    writeFileSync(join(sandbox.dir, 'public/originals/extra.txt'), '多出的文件\n');
    appendFileSync(join(sandbox.dir, 'public/SHA256SUMS'), `${'0'.repeat(64)}  originals/gone.txt\n`);

    const { status, output } = sync(reports);
    for (const file of [`originals/${OTHER_ORIGINAL}`, 'SHA256SUMS']) {
      cpSync(join(FIXTURE_ROOT, 'public', file), join(sandbox.dir, 'public', file));
    }
    rmSync(join(sandbox.dir, 'public/originals/extra.txt'));
    expect(status).not.toBe(0);
    const at = (name: string) => `content/reports/${name}\\.mdx`;
    expect(output).toMatch(new RegExp(`${at('unknown-region')} → region: .*atlantis`));
    expect(output).toMatch(new RegExp(`${at('unknown-topic')} → topics\\[1\\]: .*astrology`));
    expect(output).toMatch(new RegExp(`${at('unknown-metric')} → stats\\[0\\]\\.metric: .*moon-landings`));
    expect(output).toMatch(new RegExp(`${at('quote-not-in-body')} → stats\\[0\\]\\.quote`));
    expect(output).toMatch(new RegExp(`${at('value-not-quoted')} → stats\\[0\\]\\.value`));
    // The MDX defects stand two lines below the sentence (after a blank line), given as line:column of the file.
    const line = `${BODY_LINE + 2}:\\d+`;
    expect(output).toMatch(new RegExp(`${at('unclosed')} → body（第 ${BODY_LINE + 2}:12 行 / line ${BODY_LINE + 2}:12）: MDX 语法错误`));
    expect(output).toMatch(new RegExp(`${at('brace')} → body（第 ${line} 行 / line ${line}）: MDX 语法错误`));
    expect(output).toMatch(new RegExp(`${at('no-original')} → source\\.file: .*public/originals/nowhere\\.txt`));
    expect(output).toMatch(new RegExp(`${at('empty')} → body: 正文为空`));
    expect(output).toMatch(new RegExp(`${at('same-original-a')} 与 / and ${at('same-original-b')}: 出自同一原件`));
    expect(output).toMatch(new RegExp(`${at('same-text-a')} 与 / and ${at('same-text-b')}: 正文相同`));
    // Column titles recur every day: the same title and date is no error.
    expect(output).not.toMatch(/same-title-[ab]\.mdx/);
    // Code in a report is refused at its line and column, saying what is allowed instead.
    // (Their frontmatter has a line range: one line more than the others'.)
    const codeLine = report({ lines: 1 }).split('\n').indexOf(SENTENCE) + 3;
    const code = (name: string, column: number, message: string) =>
      expect(output).toMatch(new RegExp(`${at(name)} → body（第 ${codeLine}:${column} 行 / line ${codeLine}:${column}）: ${message}`));
    code('code-import', 1, '报道中不允许 import/export');
    code('code-expression', 3, '报道中不允许表达式');
    code('code-attribute', 2, '<Sic reading> 的值须为带引号的文字');
    code('code-script', 1, '不允许的元素 <script>.*可用的编辑标记');
    code('code-iframe', 2, '不允许的元素 <iframe>');
    code('code-missing-attribute', 2, '<Sic> 缺少属性 reading');
    expect(output).toMatch(new RegExp(`public/originals/${OTHER_ORIGINAL}: sha256 与 public/SHA256SUMS 不符`));
    expect(output).toMatch(/public\/originals\/extra\.txt: 未登记在 public\/SHA256SUMS 中/);
    expect(output).toMatch(/public\/originals\/gone\.txt: 清单中有而文件不存在/);
    // Reports of one original with different line ranges are not duplicates of each other.
    expect(output).not.toMatch(/same-title-b\.mdx[^\n]*出自同一原件/);
    // Each defect is reported for its own file only: the other files of the run differ from the valid report elsewhere.
    for (const name of [
      'unknown-region',
      'unknown-topic',
      'unknown-metric',
      'quote-not-in-body',
      'value-not-quoted',
      'code-import',
      'code-script',
    ]) {
      expect(output.match(new RegExp(`${at(name)} → `, 'g')), name).toHaveLength(1);
    }
  });

  it('prints schema errors naming the file, each field once, without Markdown asterisks', () => {
    const text = report({
      title: null,
      year: '二〇一四年',
      stats: [
        { metric: STAT.metric, value: STAT.value },
        { ...STAT, value: '七万三千七百' },
      ],
    });
    const { status, output } = sync({ schema: text });
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/reports\/schema\.mdx: reports → schema data does not match collection schema/);
    expect(output).toMatch(/^ +title: Required$/m);
    expect(output).toMatch(/^ +year: Expected type/m);
    expect(output).toMatch(/^ +stats\W+0\W+quote: /m);
    expect(output).toMatch(/^ +stats\W+1\W+value: /m);
    for (const field of ['title', 'year', 'stats\\W+0\\W+quote', 'stats\\W+1\\W+value']) {
      expect(output.match(new RegExp(`^ +${field}: `, 'gm')), field).toHaveLength(1);
    }
    expect(output).not.toContain('**');
  });

  it('fails on a region whose parent does not exist, naming the file and field', () => {
    const regionsFile = join(sandbox.dir, 'content/regions.json');
    const regions = readFileSync(regionsFile, 'utf8');
    const withAtlantis = { ...JSON.parse(regions), atlantis: { name: '亚特兰蒂斯', level: 'province', parent: 'lemuria' } };
    writeFileSync(regionsFile, JSON.stringify(withAtlantis));
    const { status, output } = sync({ valid: report() });
    writeFileSync(regionsFile, regions);
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/regions\.json → atlantis\.parent: .*lemuria/);
  });
});
