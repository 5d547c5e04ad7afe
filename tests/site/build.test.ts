/** The built site: one page per article with its title as the only h1, Chinese everywhere. */
import { describe, expect, it } from 'vitest';
import { builtReports, htmlFiles, page } from '../helpers/site.ts';

const reports = builtReports();

describe('npm run build output', () => {
  it('has one page per article, titled by an h1', () => {
    const reportPages = htmlFiles().filter((f) => /^reports\/[^/]+\/index\.html$/.test(f));
    expect(reportPages.sort()).toEqual(reports.map((r) => `reports/${r.id}/index.html`).sort());
    for (const report of reports) {
      const $ = page(`reports/${report.id}/index.html`);
      expect($('h1')).toHaveLength(1);
      expect($('h1').text().trim()).toBe(report.data.title);
    }
  });

  it('declares lang="zh-CN" on every page', () => {
    for (const file of htmlFiles()) {
      expect(page(file)('html').attr('lang'), file).toBe('zh-CN');
    }
  });
});
