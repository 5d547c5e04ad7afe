/**
 * Every common byline round-trips: a report printed with it imports with the right names and roles, and
 * the draft passes the content test's "nothing lost, nothing invented" check (faithfulness.ts).
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { keptText, piecesMissingFrom, sourceSegment } from '../../src/lib/faithfulness.ts';
import { buildDraft } from '../../tools/importer/draft.ts';
import type { Author } from '../../tools/importer/structure.ts';
import { splitFrontmatter, type RawReport } from '../../tools/shared/content.ts';
import { bodyText, vocabularies } from './helpers.ts';

const TITLE = '全市工会开展职工技能竞赛';
const PARAGRAPHS = [
  '今年以来，全市各级工会组织职工参加技能竞赛，取得明显成效。',
  '竞赛带动了职工学技术、练本领的热情。',
];

type Position = 'start' | 'end-line' | 'end-paragraph';

/** A report with its byline under the title, on its own line at the end, or at the end of the last paragraph. */
function report(byline: string, position: Position): string {
  const body = [...PARAGRAPHS];
  if (position === 'end-paragraph') body[body.length - 1] += byline;
  if (position === 'end-line') body.push(byline);
  return [TITLE, ...(position === 'start' ? [byline] : []), '', body.join('\n\n'), ''].join('\n');
}

/** Imports a report and runs the content test's checks on the draft; returns its authors. */
function importChecked(text: string, authors?: string[]): Author[] {
  const draft = buildDraft(Buffer.from(text, 'utf8'), vocabularies, {
    region: 'nantong',
    year: 2024,
    topics: ['organising'],
    authors,
  });
  const { frontmatter, body } = splitFrontmatter(draft.mdx);
  const data = parse(frontmatter) as RawReport['data'];
  const article = bodyText(body);
  const source = sourceSegment(text);
  expect(piecesMissingFrom(source, keptText({ ...data, body: article, furniture: data.source.furniture }))).toEqual([]);
  expect(piecesMissingFrom(article, source)).toEqual([]);
  // The byline left the body.
  for (const author of data.authors ?? []) expect(article).not.toContain(author.name);
  return data.authors ?? [];
}

describe('bylines', () => {
  it.each([
    ['□ 本报记者 乌云', 'start', [{ name: '乌云', role: '本报记者' }]],
    ['□本报记者乌云', 'start', [{ name: '乌云', role: '本报记者' }]],
    ['本报通讯员 张三', 'start', [{ name: '张三', role: '本报通讯员' }]],
    [
      '新华社记者 王五、赵六',
      'start',
      [
        { name: '王五', role: '新华社记者' },
        { name: '赵六', role: '新华社记者' },
      ],
    ],
    ['特约记者 李四', 'start', [{ name: '李四', role: '特约记者' }]],
    [
      '记者 张三 通讯员 李四',
      'start',
      [
        { name: '张三', role: '记者' },
        { name: '李四', role: '通讯员' },
      ],
    ],
    [
      '本报记者 张三 实习生 李四',
      'start',
      [
        { name: '张三', role: '本报记者' },
        { name: '李四', role: '实习生' },
      ],
    ],
    ['（记者 张三）', 'end-paragraph', [{ name: '张三', role: '记者' }]],
    [
      '（本报记者 李四 通讯员 王五）',
      'end-line',
      [
        { name: '李四', role: '本报记者' },
        { name: '王五', role: '通讯员' },
      ],
    ],
    ['（张玺 郭静）', 'end-line', [{ name: '张玺' }, { name: '郭静' }]],
    ['□ 张奎', 'start', [{ name: '张奎' }]],
  ] as const)('%s (%s)', (byline, position, expected) => {
    expect(importChecked(report(byline, position))).toEqual(expected);
  });

  it('keeps the printed role when the manifest names the authors', () => {
    expect(importChecked(report('□ 本报记者 乌云', 'start'), ['乌云'])).toEqual([{ name: '乌云', role: '本报记者' }]);
  });

  /** A byline as printed: groups of names under a role, with any of the separators and spaces in use. */
  const byline = fc
    .record({
      groups: fc.array(
        fc.record({
          role: fc.constantFrom('本报记者', '本报通讯员', '新华社记者', '特约记者', '记者', '通讯员', '实习生'),
          names: fc.uniqueArray(fc.constantFrom('乌云', '张三', '李四', '王五', '欧阳明', '阿不都·热合曼'), {
            minLength: 1,
            maxLength: 3,
          }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      separator: fc.constantFrom(' ', '、', '，', ',', '　'),
      space: fc.constantFrom('', ' ', '　'),
      box: fc.constantFrom('', '□', '□ ', '■'),
      position: fc.constantFrom<Position>('start', 'end-line', 'end-paragraph'),
      roleless: fc.boolean(),
    })
    // The same name twice is no byline; a role is printed once for the names under it.
    .filter(({ groups }) => {
      const names = groups.flatMap((g) => g.names);
      return new Set(names).size === names.length && groups.every((g, i) => g.role !== groups[i - 1]?.role);
    })
    .map(({ groups, separator, space, box, position, roleless }) => {
      // Without a role a byline is told by its □ or brackets (□ 张奎, （张玺 郭静）).
      const printedGroups = roleless ? [{ role: '', names: groups.flatMap((g) => g.names) }] : groups;
      const text = printedGroups.map((g) => `${g.role}${space}${g.names.join(separator)}`).join(space || ' ');
      const start = position === 'start';
      const printed = start ? `${roleless && !box ? '□' : box}${text}` : `（${text}）`;
      const authors = printedGroups.flatMap((g) => g.names.map((name) => (g.role ? { name, role: g.role } : { name })));
      return { printed, position, authors };
    });

  it('round-trip in every form: start or end, one or several names, with and without □ and spaces', () => {
    fc.assert(
      fc.property(byline, ({ printed, position, authors }) => {
        expect(importChecked(report(printed, position))).toEqual(authors);
      }),
      { numRuns: 300, seed: 20260119 },
    );
  });
});
