/**
 * Property tests: random Unicode text, full of characters MDX and Markdown would interpret, always
 * becomes MDX that compiles and renders exactly that text; random documents import without losing,
 * adding or moving a character of the normalised source.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/lib/article-text.ts';
import { buildDraft } from '../../tools/importer/draft.ts';
import { escapeMdxText } from '../../tools/importer/escape-mdx.ts';
import {
  comparable,
  fullWidthPunctuation,
  normalizeLineEndings,
  normalizeText,
  removeCjkSpaces,
  straightenQuotes,
} from '../../src/lib/normalize.ts';
import { splitFrontmatter } from '../../tools/shared/content.ts';
import { normalizedSource, vocabularies } from './helpers.ts';
import { renderMdx } from './mdx.ts';
import { parse } from 'yaml';

const HOSTILE = [
  '{',
  '}',
  '{}',
  '{{5}}',
  '<',
  '>',
  '<<',
  '>>',
  '<b>',
  '</Caption>',
  '<Caption>',
  '<!--',
  '-->',
  '{/*',
  '*/}',
  '<>',
  '#',
  '## ',
  '*',
  '**',
  '_',
  '__',
  '|',
  '`',
  '```',
  '~',
  '~~',
  '[',
  ']',
  '](x)',
  '![',
  '[^1]',
  '\\',
  '&',
  '&amp;',
  '&#123;',
  '-',
  '- ',
  '+',
  '=',
  '1.',
  '1) ',
  'import ',
  'export ',
  ':',
  '---',
  '***',
  '===',
  'www.',
  'http://',
  'a@b.co',
  '$',
  '^',
  '"',
  "'",
  ' ',
  '  ',
  '　',
  '\t',
  '\u00A0',
  '\u2028',
  '\u200B',
  '\uFEFF',
  '，',
  '。',
  '、',
  '：',
  '；',
  '“',
  '”',
  '（',
  '）',
  '—',
  '……',
  ',',
  ';',
  '(',
  ')',
  '?',
];
const CJK = [...'中国工会职工全区各级组织开展活动年月日万亿元个人家次'];
/** Characters a decoded text file can hold: no control characters (refused as binary), no lone surrogates. */
const isTextChar = (s: string) => s.isWellFormed() && !/[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/u.test(s);

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.constantFrom(...CJK) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter(isTextChar) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
);
const lineText = fc.array(piece, { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));

describe('escapeMdxText', () => {
  it('makes any line compile and render as itself, as a paragraph, a heading and a caption', async () => {
    await fc.assert(
      fc.asyncProperty(lineText, async (line) => {
        const text = line.trim();
        fc.pre(text !== '');
        const escaped = escapeMdxText(line);
        const mdx = [escaped, `## ${escaped}`, `<Caption>${escaped}</Caption>`].join('\n\n');
        const rendered = await renderMdx(mdx);
        expect(rendered.blocks).toEqual([text, text, text]);
        expect(bodyText(mdx)).toBe([text, text, text].join('\n'));
      }),
      { numRuns: 400 },
    );
  });
});

/** A random OCR-like document: prose, headings, captions after wide gaps, bylines, page furniture. */
const documentLine = fc.oneof(
  { weight: 6, arbitrary: lineText },
  { weight: 2, arbitrary: fc.tuple(lineText, fc.constantFrom('。', '', '，', '、')).map(([t, end]) => `${t}${end}`) },
  { weight: 1, arbitrary: fc.constantFrom('一、促进就业', '## 小标题', '# 标题', '——副题', '▶▶ 维权服务质效彰显') },
  { weight: 1, arbitrary: fc.constantFrom('□ 张奎', '(张玺 郭静)', '本报记者 王小明 通讯员 李华', '（完）') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '(下转第2版)',
      '责任编辑:赵六',
      '上期(北京)开印时间:3:00 印完时间:4:30',
      '全 / 媒 / 体 / 主 / 题',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('#职工心声#话题', '> 引文', '- 列表', '1. 条目', 'import 进口', '{三有}标准'),
  },
);
const document = fc
  .array(fc.tuple(documentLine, fc.integer({ min: 0, max: 3 }), fc.constantFrom('\n', '\r\n')), {
    minLength: 1,
    maxLength: 30,
  })
  .map((lines) => lines.map(([text, gap, eol]) => `${eol.repeat(gap)}${text}`).join('\n'));

describe('the importer on random documents', () => {
  it('always writes MDX that compiles, whose body is the normalised source minus the lines it took out', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (source) => {
        // Only marks (`#`) and spaces: refused as empty (the test below).
        fc.pre(comparable(normalizedSource(source)) !== '');
        const draft = buildDraft(Buffer.from(source, 'utf8'), vocabularies, {
          region: 'nantong',
          year: 2020,
          topics: ['organising'],
        });
        const { frontmatter, body } = splitFrontmatter(draft.mdx);
        const data = parse(frontmatter) as { title: string; reviewed: boolean };
        expect(data.title).toBe(draft.structure.title);
        expect(data.reviewed).toBe(false);
        const text = bodyText(body);
        const rendered = await renderMdx(body);
        expect(rendered.blocks.join('\n')).toBe(text);

        // Expected body: the normalised source without the lines that went to the metadata.
        const s = draft.structure;
        const removed = new Set([
          ...(s.titleSource === 'placeholder' ? [] : s.titleLines),
          ...(s.subtitleLine ? [s.subtitleLine] : []),
          ...s.banners.map((l) => l.line),
          ...s.furniture.map((l) => l.line),
          ...s.bylines.filter((b) => b.reason !== '文末署名').map((b) => b.line),
        ]);
        const lines = normalizedSource(source).split('\n');
        const kept = lines.map((line, i) => {
          if (removed.has(i + 1)) return '';
          const trailing = s.bylines.find((b) => b.reason === '文末署名' && b.line === i + 1);
          return trailing ? line.slice(0, line.lastIndexOf(normalizeText(trailing.text).trim())) : line;
        });
        expect(comparable(text)).toBe(comparable(kept.join('\n')));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a document of only marks and spaces as empty, like an empty file', () => {
    for (const source of ['#', '# \n\n ## ', '\r\n#\r\n\r\n#\t']) {
      expect(comparable(normalizedSource(source)), JSON.stringify(source)).toBe('');
      expect(() => buildDraft(Buffer.from(source, 'utf8'), vocabularies, { region: 'nantong', year: 2020 })).toThrow(
        /没有可导入的文字/,
      );
    }
  });
});

describe('normalisation rules 2–4', () => {
  it('give the same result applied line by line (as the importer does) as on the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(lineText, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 20 }), (lines) => {
        const text = lines.map(([t, eol]) => `${t}${eol}`).join('');
        const perLine = normalizeLineEndings(text)
          .split('\n')
          .map((line) => removeCjkSpaces(fullWidthPunctuation(straightenQuotes(line))))
          .join('\n');
        expect(perLine).toBe(normalizeText(text));
      }),
      { numRuns: 500 },
    );
  });
});
