/** Quality gates on the built site: valid HTML, page-weight budget, no render-blocking or foreign scripts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { builtReports, htmlFiles, page, siteDir } from '../helpers/site.ts';

const base = inject('siteBase');
const config = JSON.parse(readFileSync(new URL('../../.htmlvalidate.json', import.meta.url), 'utf8'));

/** The files a page loads at once: itself, its stylesheets and its scripts (not lazy chunks). */
function loadedAtStart(file: string): string[] {
  const $ = page(file);
  const refs = [
    ...$('link[rel="stylesheet"]')
      .map((_, el) => el.attribs.href)
      .get(),
    ...$('script[src]')
      .map((_, el) => el.attribs.src)
      .get(),
  ];
  return [file, ...refs.map((ref) => ref.replace(base, ''))];
}

describe('HTML', () => {
  it('is valid on every page (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate(config);
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const report = await validator.validateFile(join(siteDir(), file));
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('budgets', () => {
  it('keeps every report page at load (HTML + CSS + JS, gzip) within 40 KB', () => {
    for (const report of builtReports()) {
      const file = `reports/${report.id}/index.html`;
      const bytes = loadedAtStart(file).reduce((sum, f) => sum + gzipSync(readFileSync(join(siteDir(), f))).length, 0);
      expect(bytes, file).toBeLessThanOrEqual(40 * 1024);
    }
  });

  it('has no render-blocking external script and nothing from another origin', () => {
    for (const file of htmlFiles()) {
      const $ = page(file);
      $('script[src]').each((_, el) => {
        const { type, defer, async } = el.attribs;
        expect(type === 'module' || defer !== undefined || async !== undefined, `${file}: ${el.attribs.src}`).toBe(
          true,
        );
      });
      $('script[src], link[rel="stylesheet"], link[rel="icon"], link[rel="preload"], img[src], iframe[src]').each(
        (_, el) => {
          const ref = el.attribs.src ?? el.attribs.href ?? '';
          expect(/^(https?:)?\/\//.test(ref), `${file}: ${ref}`).toBe(false);
        },
      );
    }
  });
});
