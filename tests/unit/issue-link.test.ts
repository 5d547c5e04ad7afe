/** The correction link: the repository from GITHUB_REPOSITORY, and the new-issue URL with the reader's selection. */
import { describe, expect, it } from 'vitest';
import {
  correctionIssueUrl,
  parseRepository,
  SELECTION_LIMIT,
  URL_LIMIT,
  type CorrectionTarget,
} from '../../src/lib/issue-link.ts';

describe('parseRepository', () => {
  it('takes owner/repo as GitHub Actions gives it', () => {
    expect(parseRepository('union-archive/reports')).toEqual({ owner: 'union-archive', repo: 'reports' });
    expect(parseRepository('Owner9/my.repo_name-2')).toEqual({ owner: 'Owner9', repo: 'my.repo_name-2' });
    expect(parseRepository(' owner/repo\n')).toEqual({ owner: 'owner', repo: 'repo' });
  });

  it.each([
    undefined,
    '',
    'owner',
    'owner/',
    '/repo',
    'owner/repo/extra',
    'https://github.com/owner/repo',
    'github.com/owner/repo',
    '-owner/repo',
    'owner-/repo',
    'own--er/repo',
    'own_er/repo',
    'owner/re po',
    'owner/..',
    'owner/.',
    'owner/repo?x=1',
    'owner/repo#x',
    'owner/仓库',
    `${'a'.repeat(40)}/repo`,
    `owner/${'r'.repeat(101)}`,
  ])('refuses %j (no link)', (raw) => {
    expect(parseRepository(raw)).toBeUndefined();
  });
});

const target: CorrectionTarget = {
  repository: { owner: 'union-archive', repo: 'reports' },
  id: 'nantong-2008-bridge-port',
  title: '架起职工与企业的连心桥 & 港口“工会”',
  url: 'https://archive.example.org/union-archive/reports/nantong-2008-bridge-port/',
};

function parts(url: string): { base: string; title: string; body: string } {
  const parsed = new URL(url);
  return {
    base: `${parsed.origin}${parsed.pathname}`,
    title: parsed.searchParams.get('title') ?? '',
    body: parsed.searchParams.get('body') ?? '',
  };
}

describe('correctionIssueUrl', () => {
  it("opens a new issue on the repository with the report's title, id and URL", () => {
    const url = correctionIssueUrl(target);
    const { base, title, body } = parts(url);
    expect(base).toBe('https://github.com/union-archive/reports/issues/new');
    expect(title).toBe('纠错：架起职工与企业的连心桥 & 港口“工会”（nantong-2008-bridge-port）');
    expect(body).toContain('编号：nantong-2008-bridge-port\n');
    expect(body).toContain(`网址：${target.url}\n`);
    expect(body).toContain('（请粘贴有误的原句）');
    // Only the query's own separators are unescaped: the title's & and spaces are percent-encoded.
    expect(url).toMatch(/^https:\/\/github\.com\/union-archive\/reports\/issues\/new\?title=[^&]+&body=[^&]+$/);
    expect(url).toContain(encodeURIComponent('架起职工'));
  });

  it('quotes the selection line by line, without blank lines around it', () => {
    const { body } = parts(correctionIssueUrl(target, '  全市新建职工之家128个，\n\n  覆盖职工3.5万人。 \n'));
    expect(body).toContain('有误的文字：\n> 全市新建职工之家128个，\n> 覆盖职工3.5万人。\n');
    expect(body).not.toContain('请粘贴');
    expect(body).not.toContain('只保留');
  });

  it('keeps a selection under the limits whole', () => {
    const selection = 'abc '.repeat(SELECTION_LIMIT / 4).trim();
    const { body } = parts(correctionIssueUrl(target, selection));
    expect(body).toContain(`> ${selection}\n`);
    expect(body).not.toContain('只保留');
  });

  it(`cuts a selection to ${SELECTION_LIMIT} characters and says so`, () => {
    const selection = 'x'.repeat(SELECTION_LIMIT + 500);
    const url = correctionIssueUrl(target, selection);
    const { body } = parts(url);
    expect(body).toContain(`> ${'x'.repeat(SELECTION_LIMIT)}\n（所选文字较长，只保留了前 ${SELECTION_LIMIT} 字。）`);
    expect(url.length).toBeLessThanOrEqual(URL_LIMIT);
  });

  it('cuts Chinese text further so the URL stays under GitHub’s limit, whole characters only', () => {
    // 9 bytes per character encoded: 1,000 would need 9,000 bytes.
    const selection = '职工之家建设𠀀'.repeat(200);
    const url = correctionIssueUrl(target, selection);
    expect(url.length).toBeLessThanOrEqual(URL_LIMIT);
    expect(url.length).toBeGreaterThan(URL_LIMIT - 20);
    const { body } = parts(url);
    const quoted = /^> (.*)$/m.exec(body)![1]!;
    expect(selection.startsWith(quoted)).toBe(true);
    const kept = Array.from(quoted).length;
    expect(kept).toBeLessThan(SELECTION_LIMIT);
    expect(body).toContain(`（所选文字较长，只保留了前 ${kept} 字。）`);
  });

  it('gives the same URL for no selection and a blank one', () => {
    expect(correctionIssueUrl(target, ' \n\t ')).toBe(correctionIssueUrl(target));
  });

  it('encodes a lone surrogate from a broken selection instead of throwing', () => {
    expect(() => correctionIssueUrl(target, 'a\uD800b')).not.toThrow();
  });
});
