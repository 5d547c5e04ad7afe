/**
 * Bad content fails the real content pipeline (`astro sync`, which `astro build` runs first) with a
 * message naming the file and the field.
 */
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../tools/shared/sandbox.ts';

const FILE = 'content/reports/bad-report.mdx';

const valid = {
  title: '测试报道',
  region: 'inner-mongolia',
  year: 2014,
  period: '{ from: 2013, to: 2014 }',
  topics: '[organising]',
  metric: 'grassroots-unions',
  value: '73700',
  quote: 'quote: 全区工会基层组织增加到2013年底的7.37万个',
};

function report(overrides: Partial<Record<keyof typeof valid, string | number | null>> = {}): string {
  const f = { ...valid, ...overrides };
  const line = (key: string, value: unknown) => (value === null ? '' : `${key}: ${value}\n`);
  const head = `${line('title', f.title)}${line('region', f.region)}${line('year', f.year)}`;
  return `---
${head}${line('period', f.period)}${line('topics', f.topics)}summary: 测试用摘要。
source:
  file: 000_4679e7e55b2209a2.txt
  extent: 测试。
stats:
  - metric: ${f.metric}
    label: 基层组织数
    value: ${f.value}
    unit: 个
    ${f.quote ?? ''}
---

全区工会基层组织增加到2013年底的7.37万个。
`;
}

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox();
});
afterAll(() => sandbox.remove());

function sync(text: string): { status: number | null; output: string } {
  sandbox.write(FILE, text);
  return sandbox.astro(['sync']);
}

describe('the content pipeline', () => {
  it('accepts the valid fixture (so the failures below are caused by the one change each makes)', () => {
    const { status, output } = sync(report());
    expect(output).not.toMatch(/error/i);
    expect(status).toBe(0);
  });

  it('finds its content folders from the project root, whatever the working directory', () => {
    sandbox.write(FILE, report());
    const { status, output } = sandbox.astro(['sync', '--root', sandbox.dir], {}, tmpdir());
    expect(output).not.toMatch(/error/i);
    expect(status).toBe(0);
  });

  it.each([
    ['a missing title', { title: null }, /bad-report data does not match collection schema[\s\S]*title/],
    ['a year written as text', { year: '二〇一四年' }, /bad-report data does not match collection schema[\s\S]*year/],
    ['an unknown region', { region: 'atlantis' }, /bad-report\.mdx → region: .*atlantis/],
    ['an unknown topic', { topics: '[organising, astrology]' }, /bad-report\.mdx → topics\[1\]: .*astrology/],
    ['an unknown metric', { metric: 'moon-landings' }, /bad-report\.mdx → stats\[0\]\.metric: .*moon-landings/],
    ['a statistic without a quote', { quote: null }, /bad-report data does not match collection schema[\s\S]*stats\W+0\W+quote/],
    ['a quote that is not in the body', { quote: 'quote: 全区工会基层组织增加到9.99万个' }, /bad-report\.mdx → stats\[0\]\.quote/],
    ['a non-numeric value', { value: '七万三千七百' }, /bad-report data does not match collection schema[\s\S]*stats\W+0\W+value/],
    ['a value the quote does not state', { value: '73800' }, /bad-report\.mdx → stats\[0\]\.value/],
  ])('rejects %s, naming file and field', (_case, overrides, message) => {
    const { status, output } = sync(report(overrides));
    expect(status).not.toBe(0);
    expect(output).toMatch(message);
  });
});
