/**
 * Each seed file imports to an article whose body is the source after normalisation: nothing lost,
 * nothing invented, nothing moved; every candidate statistic is quoted verbatim and states its value;
 * the MDX compiles (with GFM, as the site builds it) and renders the same text.
 */
import { describe, expect, it } from 'vitest';
import { bylineForms, keptText, piecesMissingFrom, sourceSegment } from '../../src/lib/faithfulness.ts';
import { buildDraft } from '../../tools/importer/draft.ts';
import { comparable } from '../../src/lib/normalize.ts';
import { parseQuantity, statesNumber } from '../../src/lib/numbers.ts';
import { checkStats } from '../../src/lib/report-checks.ts';
import { splitFrontmatter } from '../../tools/shared/content.ts';
import { bodyText, FIXTURES, normalizedSource, SEEDS, seedBytes, vocabularies } from './helpers.ts';
import { renderMdx } from './mdx.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { RawReport } from '../../tools/shared/content.ts';

interface Case {
  name: string;
  raw: string;
  source: string;
  mdx: string;
}

function importCase(name: string, bytes: Buffer, source: (raw: string) => string): Case {
  const raw = bytes.toString('utf8');
  return { name, raw, source: source(raw), mdx: buildDraft(bytes, vocabularies).mdx };
}

const cases: Case[] = [
  ...SEEDS.map((name) => importCase(name, seedBytes(name), (raw) => sourceSegment(raw))),
  // A report full of characters MDX and Markdown would interpret (its `#话题#` line is text, see helpers).
  importCase('hostile-report.txt', readFileSync(join(FIXTURES, 'hostile-report.txt')), (raw) => normalizedSource(raw)),
];

/** What left the body for the metadata, in the forms the source prints them. */
function removedTexts(data: RawReport['data']): string[] {
  const authors = data.authors ?? [];
  // A byline is printed in one of its forms, most specific first.
  const bylines = authors.length ? [bylineForms(authors).join('\u0000')] : [];
  // A subtitle is printed with or without its dashes.
  const subtitle = data.subtitle ? [`——${data.subtitle}\u0000${data.subtitle}`] : [];
  return [data.title, ...subtitle, ...bylines, ...(data.source.furniture ?? [])];
}

describe.each(cases.map((c) => [c.name, c] as const))('importing %s', (_name, c) => {
  const { frontmatter, body } = splitFrontmatter(c.mdx);
  const data = parse(frontmatter) as RawReport['data'] & { reviewed: boolean; summary: string };
  const text = bodyText(body);

  it('keeps every sentence of the source (nothing lost)', () => {
    const kept = keptText({ ...data, body: text, furniture: data.source.furniture });
    expect(piecesMissingFrom(c.source, kept)).toEqual([]);
  });

  it('adds no sentence the source lacks (nothing invented)', () => {
    expect(piecesMissingFrom(text, c.source)).toEqual([]);
  });

  it('has a body equal to the normalised source without its title block, bylines and page furniture', () => {
    let expected = comparable(c.source);
    for (const removed of removedTexts(data)) {
      // A byline may stand in any of its printed forms: take the first that occurs.
      const form = removed
        .split('\u0000')
        .map(comparable)
        .find((f) => f !== '' && expected.includes(f));
      expect(form, `“${removed}” is not in the source`).toBeDefined();
      const at = expected.indexOf(form as string);
      expected = expected.slice(0, at) + expected.slice(at + (form as string).length);
    }
    expect(comparable(text)).toBe(expected);
  });

  it('compiles as MDX and renders exactly the body text', async () => {
    const rendered = await renderMdx(body);
    expect(rendered.blocks.join('\n')).toBe(text);
    // No Markdown construct was made from the text: only paragraphs, headings and captions.
    expect([...rendered.types].filter((t) => !/^(fragment|p|h[234]|figcaption|a)$/.test(t))).toEqual([]);
  });

  it('quotes every candidate statistic verbatim from the body, with the value the number module parses', () => {
    const stats = data.stats ?? [];
    expect(stats.length).toBeGreaterThan(0);
    expect(checkStats(stats, text)).toEqual([]);
    for (const stat of stats) {
      expect(text).toContain(stat.quote);
      expect(statesNumber(stat.quote, stat.value)).toBe(true);
      expect(vocabularies.metrics.some((m) => m.id === stat.metric)).toBe(true);
      // The value is what parseQuantity makes of a quantity printed in the quote.
      const printed = [
        ...stat.quote.matchAll(
          /(?:近|约|超过)?(?:百分之)?(?:\d[\d,.]*|[零〇一二两俩三四五六七八九十百千万亿点]+)(?:多|余)?(?:万亿|亿|万)?(?:多|余)?[^\d，、；。\s]{0,4}/gu,
        ),
      ].some((m) => {
        for (let end = m[0].length; end > 0; end--) {
          try {
            const q = parseQuantity(m[0].slice(0, end));
            if (q.value === stat.value && q.unit === stat.unit && q.qualifier === stat.qualifier) return true;
          } catch {
            // not a quantity at this length
          }
        }
        return false;
      });
      expect(printed, `${stat.value}${stat.unit} in “${stat.quote}”`).toBe(true);
    }
  });

  it('is a draft: not reviewed, summary to be written, region, year and topics from the vocabularies', () => {
    expect(data.reviewed).toBe(false);
    expect(data.summary).toMatch(/待.*摘要/);
    expect(vocabularies.regions.some((r) => r.id === data.region)).toBe(true);
    expect(data.year).toBeGreaterThanOrEqual(1949);
    expect(data.topics.length).toBeGreaterThan(0);
    for (const topic of data.topics) expect(vocabularies.topics.some((t) => t.id === topic)).toBe(true);
  });
});

describe('what the importer recognises in the seeds', () => {
  const draft = (name: string) => buildDraft(seedBytes(name), vocabularies);
  const seed = (prefix: string) => SEEDS.find((s) => s.startsWith(prefix)) as string;

  it('takes a `#` title, a `——` subtitle and a □ byline (000)', () => {
    const { structure } = draft(seed('000'));
    expect(structure.title).toBe('落实“8337”发展思路 打造祖国北疆亮丽风景线');
    expect(structure.subtitle).toBe('内蒙古工会5年工作亮点回眸');
    expect(structure.authors).toEqual([{ name: '张奎' }]);
    expect(structure.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      '创新劳动竞赛机制，为落实“8337”发展思路建功立业',
      '推进职工文化阵地建设，提升职工队伍整体素质',
      '构建维权工作服务体系，满足职工多样化需求',
      '加强工会自身改革创新，落实新要求',
    ]);
    expect(structure.blocks.filter((b) => b.kind === 'caption')).toHaveLength(11);
  });

  it('moves the series banner to the source notes and splits a title from its subtitle on one line (001)', () => {
    const d = draft(seed('001'));
    expect(d.structure.title).toBe('在奋力书写中国式现代化内蒙古新篇章中贡献工会力量');
    expect(d.structure.subtitle).toBe('凝心聚力推动新时代工会工作高质量发展');
    const { data } = { data: parse(splitFrontmatter(d.mdx).frontmatter) as RawReport['data'] };
    expect(data.source.furniture).toEqual([
      '实干实干 在中国式现代化建设中闯出新路',
      '全 / 媒 / 体 / 主 / 题 / 宣 / 传 / 活 / 动',
      '(本版文图均由自治区总工会提供)',
    ]);
    expect(d.year).toMatchObject({ value: 2024, source: 'body' });
  });

  it('finds a title printed under a preface, the (names) byline and the print-time line (002)', () => {
    const d = draft(seed('002'));
    expect(d.structure.title).toBe('围绕中心，服务大局，构建和谐劳动关系 团结各族职工发挥新常态下工人阶级主力军作用');
    expect(d.structure.authors).toEqual([{ name: '张玺' }, { name: '郭静' }]);
    expect(d.structure.furniture.map((f) => f.text)).toEqual(['上期(北京)开印时间:3:00 印完时间:4:30']);
    expect(d.region.id).toBe('hohhot');
    expect(d.mdx).toContain('<Note text="原文此处印报道标题（见篇首），以下为正文" />');
    // The column heading set into a broken sentence stays a heading between the two halves.
    expect(d.mdx).toMatch(/工作方\n\n## 工会“大学校”：“中国梦”的主题\n\n案、启动了/);
  });

  it('takes a byline at the end of the last paragraph and numbered section headings (003)', () => {
    const d = draft(seed('003'));
    expect(d.structure.authors).toEqual([{ name: '李玉波' }]);
    expect(d.mdx).not.toContain('李玉波）\n');
    expect(d.structure.blocks.filter((b) => b.kind === 'heading')).toHaveLength(10);
  });

  it('imports one article of a file that holds two, with its signatory (004, --lines)', () => {
    const d = buildDraft(seedBytes(seed('004')), vocabularies, { lines: { from: 55, to: 107 } });
    expect(d.structure.title).toBe('确立桥港时代思维 凝聚全市职工力量');
    expect(d.structure.authors).toEqual([{ role: '南通市人大副主任、南通市总工会主席', name: '陆玉明' }]);
    expect(d.region.id).toBe('nantong');
    const data = parse(splitFrontmatter(d.mdx).frontmatter) as RawReport['data'];
    expect(data.source.lines).toEqual({ from: 55, to: 107 });
    const source = sourceSegment(seedBytes(seed('004')).toString('utf8'), data.source.lines);
    expect(piecesMissingFrom(bodyText(splitFrontmatter(d.mdx).body), source)).toEqual([]);
  });
});
