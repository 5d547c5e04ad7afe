/**
 * The "纠错 / 报告问题" link: on every report page of a build that knows its GitHub repository, pointing
 * at a new issue there with the report's id and canonical URL; on no page of a build that does not. The
 * builds set GITHUB_REPOSITORY themselves (to a repository or to nothing), whatever the environment holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIXTURE_ROOT } from '../../tools/shared/content.ts';
import { createSandbox, type Sandbox } from '../../tools/shared/sandbox.ts';
import { builtReports, htmlFiles, page } from '../helpers/site.ts';
import { TEST_REPOSITORY, TEST_SITE } from '../setup/build-site.ts';

const base = inject('siteBase');
const reports = builtReports();

/** The issue a page's correction link opens: repository path, title and body. */
function issueOf(href: string) {
  const url = new URL(href);
  return {
    page: `${url.origin}${url.pathname}`,
    title: url.searchParams.get('title'),
    body: url.searchParams.get('body'),
  };
}

describe('the correction link of a build with GITHUB_REPOSITORY', () => {
  it.each(reports.map((r) => r.id))('is on /reports/%s/ with its id and canonical URL', (id) => {
    const $ = page(`reports/${id}/index.html`);
    const links = $('a[data-correction]');
    expect(links).toHaveLength(1);
    expect(links.text().trim()).toBe('纠错 / 报告问题');
    const canonical = $('link[rel="canonical"]').attr('href');
    expect(canonical).toBe(`${TEST_SITE}${base}reports/${id}/`);
    const issue = issueOf(links.attr('href')!);
    expect(issue.page).toBe(`https://github.com/${TEST_REPOSITORY}/issues/new`);
    expect(issue.title).toContain(id);
    expect(issue.body).toContain(`编号：${id}\n`);
    expect(issue.body).toContain(`网址：${canonical}\n`);
    // What the script rebuilds the link from, with the selection.
    expect(JSON.parse(links.attr('data-correction')!)).toMatchObject({ id, url: canonical });
  });

  it('is on no other page', () => {
    const reportPages = new Set(reports.map((r) => `reports/${r.id}/index.html`));
    const others = htmlFiles().filter((f) => !reportPages.has(f));
    for (const file of others) expect(page(file)('a[data-correction]').length, file).toBe(0);
  });
});

describe('a build without a repository', () => {
  let sandbox: Sandbox;
  const build = (repository: string) => {
    const { status, output } = sandbox.astro(['build'], { BASE_PATH: base, GITHUB_REPOSITORY: repository });
    expect(status, output).toBe(0);
    return output;
  };
  const reportPage = (id: string) => load(readFileSync(join(sandbox.dir, `dist/reports/${id}/index.html`), 'utf8'));

  beforeAll(() => {
    sandbox = createSandbox({ archive: FIXTURE_ROOT });
  });
  afterAll(() => sandbox.remove());

  it('has no correction link and no link to GitHub', () => {
    build('');
    for (const report of reports) {
      const $ = reportPage(report.id);
      expect($('a[data-correction]')).toHaveLength(0);
      expect($('a[href*="github.com"]')).toHaveLength(0);
    }
  });

  it('gets the link on every report page when the next build knows the repository (no page restored)', () => {
    const output = build('someone/another-archive');
    for (const report of reports) {
      expect(output).not.toContain(`/reports/${report.id}/index.html (restored)`);
      const href = reportPage(report.id)('a[data-correction]').attr('href') ?? '';
      expect(issueOf(href).page).toBe('https://github.com/someone/another-archive/issues/new');
    }
  });
});
