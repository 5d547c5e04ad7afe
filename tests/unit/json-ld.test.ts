/**
 * JSON-LD inside <script>: whatever text a report carries, the script element ends where it should, the
 * JSON parses back to the same data, and no line or paragraph separator is left raw.
 * Oracle: a real HTML parser (cheerio/parse5) reading the serialised block inside a page, and JSON.parse.
 */
import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportJsonLd, serializeJsonLd, type JsonLdReport } from '../../src/lib/json-ld.ts';

const HOSTILE = [
  '</script>',
  '<script>alert(1)</script>',
  '<!--',
  '-->',
  '</SCRIPT >',
  '<',
  '>',
  '&',
  '"',
  '\\',
  '\u2028',
  '\u2029',
  '{',
  '}',
  '工会',
  '“',
  ']]>',
  '\u0000',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 3 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

const report = (t: string, u: string): JsonLdReport => ({
  title: t,
  subtitle: u,
  url: 'https://archive.example.org/reports/x/',
  datePublished: '2024-09',
  authors: [{ name: u, role: t }],
  place: [t, u],
  topics: [u],
  summary: t + u,
  site: { name: '工会报告档案', url: 'https://archive.example.org/' },
});

describe('serializeJsonLd', () => {
  it('keeps the script element closed only by its own end tag, and parses back to the same data', () => {
    fc.assert(
      fc.property(text, text, (t, u) => {
        const data = reportJsonLd(report(t, u));
        const json = serializeJsonLd(data);
        const $ = load(
          `<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body><p id="after">ok</p></body></html>`,
        );
        expect($('script').length).toBe(1);
        expect($('script').text()).toBe(json);
        expect($('#after').text()).toBe('ok');
        expect(JSON.parse($('script').text())).toEqual(JSON.parse(JSON.stringify(data)));
        expect(json).not.toMatch(/[<>\u2028\u2029]/);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('escapes the classic breakout', () => {
    expect(serializeJsonLd({ headline: '</script><script>alert(1)</script>' })).toBe(
      '{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}',
    );
  });
});
