/**
 * Citations with hostile titles, authors and sources. Oracles independent of citation.ts: a real BibTeX
 * parser (@retorquere/bibtex-parser, the one Zotero's Better BibTeX uses, which reads TeX commands back
 * to Unicode) must read every entry back to the report's own text, and a GB/T 7714—2015 [EB/OL] pattern
 * must split the reference into its parts.
 */
import { parse, type Creator } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtex, gbt7714, type CitableReport } from '../../src/lib/citation.ts';

const URL_ = 'https://archive.example.org/union-archive/reports/hohhot-2015-review/';

const HOSTILE = [
  ...'%&#_$~^{}\\',
  ...'"\'`<>@,-!?',
  '--',
  '---',
  "''",
  '``',
  '!`',
  ' and ',
  '\\\\',
  '\\par',
  '$x^2$',
  '}{',
  '@misc{',
  '\n',
  '\r\n',
  '\n\n',
  '\u2028',
  '\t',
  '  ',
  '\u3000',
  '“”‘’',
  '，。：；！？、（）《》【】——……·',
  '｛｝％＃＿＄～＾＼',
  '工会',
  '𠀀',
  'é',
  '69.5%',
  '2.65亿元',
];

/** TeX reads any run of spaces and line breaks as one space, and none at either end of a value. */
const asTeXReads = (text: string) => text.replace(/[ \t\r\n\u2028\u2029]+/g, ' ').trim();

/** Text without its white space, for comparisons where only the spacing may differ. */
const withoutSpace = (text: string) => text.replace(/\s+/g, '');

/**
 * A name as the parser reads it (first, von part, last; a braced name whole). Which white space separates
 * name parts (U+3000 or not) is the parser's guess, so names are compared without their spacing.
 */
const nameOf = (c: Creator) =>
  withoutSpace(c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(''));

function readBack(entry: string) {
  // english: false — no sentence casing: the parser must return the text exactly as TeX prints it.
  const library = parse(entry, { english: false });
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(1);
  return library.entries[0]!;
}

function expectBibtexReadsBack(report: CitableReport, accessed?: string) {
  const entry = readBack(bibtex(report, URL_, accessed));
  const fields = entry.fields;
  const title = report.subtitle ? `${report.title}：${report.subtitle}` : report.title;
  expect(entry.type).toBe('misc');
  expect(entry.key).toBe(report.id);
  expect(fields.title).toBe(asTeXReads(title));
  expect((fields.author ?? []).map(nameOf)).toEqual(report.authors.map((a) => withoutSpace(a.name)));
  expect(fields.year).toBe(String(report.year));
  expect(fields.url).toBe(URL_);
  expect(fields.note).toBe(asTeXReads(`刊出日期：${report.dateText}`));
  const archive = report.publication ? `${report.publication}（工会报告档案存档）` : '工会报告档案';
  expect(fields.howpublished).toBe(asTeXReads(archive));
  expect(fields.urldate).toBe(accessed);
  expect(fields.language).toBe('chinese');
}

/**
 * GB/T 7714—2015, electronic resource: `主要责任者. 题名[EB/OL]. 出版者, 出版年[引用日期]. 获取和访问路径.`
 * Here the archive is the publisher and the original newspaper follows the type mark (原载…).
 */
const GBT_EB_OL =
  /^(?:(?<authors>[^\n]+?)\. )?(?<title>[^\n]+)\[EB\/OL\](?:（原载(?<publication>[^\n]+)）)?\. 工会报告档案, (?<year>\d{4})\[(?<accessed>[^\]\n]+)\]\. (?<url>https?:\/\/\S+)\.$/u;

/** Line breaks are the only change a reference may make to the text (it is one line). */
function expectGbtParts(report: CitableReport, accessed?: string) {
  const citation = gbt7714(report, URL_, accessed);
  expect(citation).not.toMatch(/[\r\n\u2028\u2029]/);
  const match = GBT_EB_OL.exec(citation);
  expect(match, citation).not.toBeNull();
  const { authors = '', title, publication, year, url } = match!.groups!;
  const names = report.authors.map((a) => a.name);
  const expectedAuthors = names.length > 3 ? [...names.slice(0, 3), '等'] : names;
  const expectedTitle = report.subtitle ? `${report.title}：${report.subtitle}` : report.title;
  // The pattern takes authors lazily, and a title may hold “. ” too: compare the two parts together.
  expect(withoutSpace(`${authors}. ${title}`)).toBe(withoutSpace(`${expectedAuthors.join(', ')}. ${expectedTitle}`));
  expect(publication && withoutSpace(publication)).toBe(report.publication && withoutSpace(report.publication));
  expect(year).toBe(String(report.year));
  expect(match!.groups!.accessed).toBe(accessed ?? '引用日期');
  expect(url).toBe(URL_);
}

const ordinary: CitableReport = {
  id: 'hohhot-2015-review',
  title: '围绕中心，服务大局，构建和谐劳动关系 团结各族职工发挥新常态下工人阶级主力军作用',
  subtitle: '内蒙古呼和浩特市总工会亮点工作扫描',
  authors: [{ name: '张玺' }, { name: '郭静' }],
  year: 2015,
  dateText: '2015年',
};

describe('citations of ordinary reports', () => {
  it('are the same as before the escaping was extended (byte for byte)', () => {
    expect(bibtex(ordinary, URL_)).toBe(
      [
        '@misc{hohhot-2015-review,',
        '  author = {张玺 and 郭静},',
        '  title = {围绕中心，服务大局，构建和谐劳动关系 团结各族职工发挥新常态下工人阶级主力军作用：内蒙古呼和浩特市总工会亮点工作扫描},',
        '  year = {2015},',
        '  howpublished = {工会报告档案},',
        `  url = {${URL_}},`,
        '  note = {刊出日期：2015年},',
        '  language = {chinese}',
        '}',
      ].join('\n'),
    );
    expect(gbt7714(ordinary, URL_)).toBe(
      `张玺, 郭静. 围绕中心，服务大局，构建和谐劳动关系 团结各族职工发挥新常态下工人阶级主力军作用：内蒙古呼和浩特市总工会亮点工作扫描[EB/OL]. 工会报告档案, 2015[引用日期]. ${URL_}.`,
    );
  });

  it('read back in both formats, with and without authors, subtitle, source and access date', () => {
    const variants: CitableReport[] = [
      ordinary,
      { ...ordinary, authors: [] },
      { ...ordinary, subtitle: undefined },
      { ...ordinary, subtitle: '' },
      { ...ordinary, publication: '工人日报' },
    ];
    for (const report of variants) {
      for (const accessed of [undefined, '2025-01-31']) {
        expectBibtexReadsBack(report, accessed);
        expectGbtParts(report, accessed);
      }
    }
  });

  it('an empty subtitle adds no separator', () => {
    expect(gbt7714({ ...ordinary, subtitle: '' }, URL_)).toContain('主力军作用[EB/OL]');
    expect(bibtex({ ...ordinary, subtitle: '' }, URL_)).toContain('主力军作用},');
  });

  it('GB/T 7714 lists three authors at most, then 等 (§8.1.2)', () => {
    const four = { ...ordinary, authors: ['甲', '乙', '丙', '丁'].map((name) => ({ name })) };
    expect(gbt7714(four, URL_)).toMatch(/^甲, 乙, 丙, 等\. 围绕中心/);
    expect(gbt7714({ ...four, authors: four.authors.slice(0, 3) }, URL_)).toMatch(/^甲, 乙, 丙\. 围绕中心/);
    expectGbtParts(four);
    // BibTeX keeps every author: styles cut the list themselves.
    expectBibtexReadsBack(four);
  });
});

describe('citations of hostile reports', () => {
  it.each([
    ['TeX specials', String.raw`工会 % & # _ $ ~ ^ { } \ 职工`],
    ['a lone brace', '职工{书屋'],
    ['a backslash before a brace', '\\{'],
    ['TeX commands', '\\par \\input{/etc/passwd} \\def\\x{}'],
    ['math', '$x^2$ and $$'],
    ['ligatures', "2001--2008---''``!`?`<<>>,,"],
    ['quotes', `"职工" “职工” ‘职工’ 'x' \`y\``],
    ['line breaks', '第一行\n第二行\r\n\n第三行\u2028完'],
    ['Chinese punctuation', '《工会法》：“职工之家”（试行）——【要闻】、……！？·'],
    ['full-width specials', '｛｝％＃＿＄～＾＼＜＞'],
    ['an entry in the title', '}, note = {injected}, x = {'],
    ['a second entry', '}\n}\n@misc{evil,\n  title = {x'],
    ['very long', '工会%_'.repeat(2_000)],
  ])('%s', (_name, title) => {
    const report: CitableReport = { ...ordinary, title, subtitle: title, publication: title, dateText: title };
    expectBibtexReadsBack(report);
    expectBibtexReadsBack(report, '2025-01-31');
    expectGbtParts(report);
  });

  it('authors holding `and`, commas or TeX specials stay one name each, as written', () => {
    const report: CitableReport = {
      ...ordinary,
      authors: ['Smith and Jones', '王, 李', 'AND', '张_三 50%', 'Wang Wei', '欧阳 修', '{张}', 'van der Berg'].map(
        (name) => ({ name }),
      ),
    };
    expectBibtexReadsBack(report);
    expectGbtParts(report);
  });

  // No control characters: TeX refuses them and the archive's text has none.
  const piece = fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.string({ unit: 'grapheme', maxLength: 4 }).filter((s) => !/[\p{Cc}]/u.test(s) || /^[\t\n\r]*$/.test(s)),
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
  /** A name TeX does not read as nothing (the schema requires a name). */
  const name = text.filter((s) => asTeXReads(s) !== '');

  it('any title, subtitle, source and authors read back (property)', () => {
    fc.assert(
      fc.property(
        text.filter((s) => asTeXReads(s) !== ''),
        fc.option(text, { nil: undefined }),
        fc.option(
          text.filter((s) => asTeXReads(s) !== ''),
          { nil: undefined },
        ),
        fc.array(name, { maxLength: 4 }),
        (title, subtitle, publication, names) => {
          const report: CitableReport = {
            ...ordinary,
            title,
            subtitle,
            publication,
            authors: names.map((n) => ({ name: n })),
          };
          expectBibtexReadsBack(report);
          expectGbtParts(report);
        },
      ),
      { numRuns: 500, seed: 22 },
    );
  });
});
