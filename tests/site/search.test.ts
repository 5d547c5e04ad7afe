/**
 * Exact search in Node with Pagefind's own browser code, over the built test site and over a
 * generated archive of 300 reports: every sampled query returns exactly the reports whose text
 * contains it (the oracle: the article text readers see on the built pages, or the generated
 * sources — never what the indexer read), plus what it relies on in Pagefind 1.6.0.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateReports } from '../../tools/bench/generate.ts';
import { loadSeedCorpus } from '../../tools/bench/seeds.ts';
import { readIndexedReports, type IndexedReport } from '../../tools/search-index/read-source.ts';
import { writeSearchBundle } from '../../tools/search-index/write-bundle.ts';
import { excerptBlockIndex, excerptText, highlight, runSearch, shardFolder } from '../../src/lib/search-engine.ts';
import { createRandom } from '../../tools/shared/prng.ts';
import { codedReport, createFolder, GROUP_SIZE, queryTerms, stripSpace } from '../../src/lib/search-text.ts';
import {
  createOracle,
  loadPagefind,
  sampleQueries,
  toSimplified,
  type NodeSearch,
  type QuerySource,
} from '../helpers/pagefind.ts';
import { readPageTexts, type PageText } from '../helpers/page-text.ts';
import { page, siteDir } from '../helpers/site.ts';
import { readSearchSource, searchSourcePath, writeSearchSource } from '../../src/lib/search-source.ts';
import { vocabulary as readVocabulary } from '../../tools/shared/content.ts';
import type { VocabularyFolder } from '../../src/lib/content-paths.ts';

const base = inject('siteBase');

/** Queries whose results differ from the oracle's over `reports` (numbered as indexed), described. */
async function mismatches(
  search: NodeSearch,
  reports: readonly { title: string; body: string }[],
  queries: readonly string[],
): Promise<string[]> {
  const oracle = createOracle(reports);
  const wrong: string[] = [];
  for (const query of queries) {
    const expected = oracle(query);
    const actual = (await runSearch(search.context, { query })).results.map((r) => r.report).sort((a, b) => a - b);
    if (actual.join() !== expected.join())
      wrong.push(`${query}: ${actual.length} results [${actual}], oracle ${expected.length} [${expected}]`);
  }
  return wrong;
}

/**
 * The queries found only because quotation marks are ignored: in no report's folded text with its
 * quotation marks, but in some without them (the oracle's).
 */
function acrossQuotes(reports: readonly { title: string; body: string }[], queries: readonly string[]): string[] {
  const fold = createFolder(toSimplified());
  const printed = reports.map((r) => [fold(r.title), fold(r.body)]);
  const oracle = createOracle(reports);
  return queries.filter(
    (query) =>
      oracle(query).length > 0 &&
      !printed.some((texts) => queryTerms(query, fold).every((term) => texts.some((text) => text.includes(term)))),
  );
}

/** The names of a vocabulary of the archive the test site is built from. */
const vocabulary = (folder: VocabularyFolder) =>
  [...readVocabulary(folder, inject('archiveRoot')).values()].map((entry) => String(entry.name));

/** The oracle's reports: each page's article text, whitespace removed as search ignores it. */
const oracleReports = (pages: readonly PageText[]) =>
  pages.map((page) => ({ url: page.url, title: stripSpace(page.title), body: stripSpace(page.text) }));

/** The search source the site's build wrote (in its project's Astro cache, beside dist/). */
const builtSearchSource = () => searchSourcePath(join(siteDir(), '..', 'node_modules/.astro'));

describe('the built site', () => {
  let search: NodeSearch;
  let pages: PageText[];
  let reports: { url: string; title: string; body: string }[];

  beforeAll(async () => {
    pages = readPageTexts(siteDir(), base);
    reports = oracleReports(pages);
    search = await loadPagefind(siteDir(), base);
  });

  it('indexes every report page, numbered as the search table and excerpt blocks are', async () => {
    expect(reports.length).toBeGreaterThan(0);
    expect(search.table.year).toHaveLength(reports.length);
    for (const [n, report] of reports.entries()) expect((await search.block(n, 0)).url).toBe(report.url);
  });

  it('indexes of each report exactly the text its page shows as the article (headline apart)', () => {
    const indexed = readIndexedReports(builtSearchSource(), base, join(siteDir(), '..'));
    expect(indexed.map(({ url, title, body }) => ({ url, title, body }))).toEqual(reports);
  });

  it('returns exactly the reports containing each of 320 sampled queries', async () => {
    const queries = sampleQueries(pages, 'site-search', 320);
    expect(queries.length).toBeGreaterThanOrEqual(300);
    expect(await mismatches(search, reports, queries)).toEqual([]);
    // Some samples cross quoted terms, typed without the quotation marks, and are found only so.
    expect(acrossQuotes(reports, queries).length).toBeGreaterThanOrEqual(20);
  });

  it('ignores quotation marks: 长三角黄金地带 finds “长三角”黄金地带, whose excerpt marks exactly those characters', async () => {
    const printed = reports.findIndex((r) => r.body.includes('“长三角”黄金地带'));
    expect(printed).toBeGreaterThanOrEqual(0);
    for (const query of ['长三角黄金地带', '“长三角”黄金地带', '"长三角"黄金地带', '长三角 『黄金地带』']) {
      const outcome = await runSearch(search.context, { query });
      expect(
        outcome.results.map((r) => r.report),
        query,
      ).toContain(printed);
      const result = outcome.results.find((r) => r.report === printed)!;
      const block = await search.block(printed, excerptBlockIndex(result));
      const fold = createFolder();
      const { html } = highlight(excerptText(block, outcome.terms, fold, result.offset), outcome.terms, fold);
      expect(html, query).toContain('“<mark>长三角</mark>”<mark>黄金地带</mark>');
    }
  });

  it('returns exactly the reports containing every region name, topic name and title, and the issue’s examples', async () => {
    const queries = [
      ...vocabulary('regions'),
      ...vocabulary('topics'),
      ...reports.map((r) => r.title),
      ...[
        '内',
        '内蒙古',
        '内蒙古自治区',
        '乌兰察布',
        '8337',
        '2.65亿元',
        '69.5%',
        'APP',
        '12351',
        '職工書屋',
        '技能大赛',
        '呼和浩特',
        '1.2万亿元',
        '长三角黄金地带',
        '“长三角”黄金地带',
      ],
    ];
    expect(await mismatches(search, reports, queries)).toEqual([]);
    // Not vacuous: the archive's main region is found.
    expect(createOracle(reports)('内蒙古').length).toBeGreaterThan(0);
  });

  it('says which term is found nowhere, and finds nothing then', async () => {
    const outcome = await runSearch(search.context, { query: '职工 鲸鱼座' });
    expect(outcome.results).toEqual([]);
    expect(outcome.missingTerms).toEqual(['鲸鱼座']);
  });

  it('puts a report whose title holds the query first', async () => {
    for (const [n, report] of reports.entries()) {
      const fragment = [...report.title].slice(0, 6).join('');
      const outcome = await runSearch(search.context, { query: fragment });
      expect(outcome.results[0]?.titleHit, fragment).toBe(true);
      expect(
        outcome.results.filter((r) => r.titleHit).map((r) => r.report),
        fragment,
      ).toContain(n);
    }
  });

  it('loads Pagefind’s metadata and index chunks but never a fragment', () => {
    expect(search.fetched.some((path) => path.startsWith('index/'))).toBe(true);
    expect(search.fetched.filter((path) => path.startsWith('fragment/'))).toEqual([]);
  });

  it('keeps site furniture out of the article text the oracle reads', () => {
    for (const report of pages) {
      const $ = page(`${report.url.slice(base.length)}index.html`);
      const text = stripSpace(report.text);
      // Draft banner, statistics, summary, source notes, citation, navigation: none of their text.
      for (const selector of ['.badge--warning', '.stats-panel', '.summary', '.source-notes', '.citation', 'nav']) {
        $(selector).each((_, element) => {
          expect(text, `${report.url} ${selector}`).not.toContain(stripSpace($(element).text()));
        });
      }
      // The archive's labels inside the article (作者：, 图片说明), and only they, are left out: the words
      // may stand in the report's own text (an editorial note may mention a caption).
      const article = stripSpace($('.report__subtitle, .report__byline, .report__body').text());
      for (const [label, selector] of [
        ['作者：', '.report__byline-label'],
        ['图片说明', '.caption__label'],
      ] as const) {
        const count = (t: string) => t.split(label).length - 1;
        expect(count(text), `${report.url} ${label}`).toBe(count(article) - $(selector).length);
      }
    }
  });

  it('fails when the index lacks a paragraph the page shows (the oracle does not share the indexer’s text)', async () => {
    const source = [...readSearchSource(builtSearchSource()).values()];
    const victim = source.findIndex((record) => record.text.includes('\n'));
    const paragraphs = source[victim]!.text.split('\n');
    const dropped = paragraphs.reduce((longest, p) => (p.length > longest.length ? p : longest), '');
    const dir = mkdtempSync(join(tmpdir(), 'search-dropped-'));
    try {
      const path = join(dir, 'search-source.jsonl');
      source[victim] = { ...source[victim]!, text: paragraphs.filter((p) => p !== dropped).join('\n') };
      writeSearchSource(path, source);
      const indexed = readIndexedReports(path, base, join(siteDir(), '..'));
      await writeSearchBundle(indexed.length, indexed, join(dir, 'pagefind'));
      const reduced = await loadPagefind(dir, base);
      const queries = [
        ...new Set([...stripSpace(dropped)].map((_, i, chars) => chars.slice(i, i + 6).join(''))),
      ].filter((q) => [...q].length === 6 && !reports.some((r, n) => n !== victim && r.body.includes(q)));
      expect(queries.length).toBeGreaterThan(0);
      expect(await mismatches(reduced, reports, queries)).not.toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what exact search relies on in Pagefind 1.6.0', () => {
  let search: NodeSearch;
  let reports: IndexedReport[];

  beforeAll(async () => {
    reports = readIndexedReports(builtSearchSource(), base, join(siteDir(), '..'));
    search = await loadPagefind(siteDir(), base);
  });

  it('writes index shards in the search page’s language (zh-cn), each with a record per group of reports', () => {
    expect(search.table.shards).toBeGreaterThan(1);
    for (let k = 0; k < search.table.shards; k++) {
      const entryPath = join(siteDir(), 'pagefind', shardFolder(k), 'pagefind-entry.json');
      const entry = JSON.parse(readFileSync(entryPath, 'utf8'));
      expect(entry.version).toBe('1.6.0');
      expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
      expect(entry.languages['zh-cn'].page_count).toBe(Math.ceil(reports.length / GROUP_SIZE));
    }
  });

  it('loads index chunks of one shard only for a word (the one whose range holds it)', async () => {
    const fold = createFolder(toSimplified());
    const words = [...new Set(reports.flatMap((r) => codedReport(fold(r.title), fold(r.body)).split(' ')))];
    const shardOf = (path: string) => /^shard-(\d+)\//.exec(path)?.[1] ?? '0';
    const owners = new Set<string>();
    for (const word of createRandom('shard-words').sample(
      words.filter((w) => w !== '-'),
      40,
    )) {
      const before = search.fetched.length;
      await search.pagefind.search(word);
      const chunks = search.fetched.slice(before).filter((path) => path.includes('index/'));
      // A chunk loaded before (by an earlier word) is not fetched again, so some words load none.
      expect(new Set(chunks.map(shardOf)).size, word).toBeLessThanOrEqual(1);
      for (const chunk of chunks) owners.add(shardOf(chunk));
    }
    expect(owners.size).toBeGreaterThan(1);
  });

  it('lists every position of an unquoted coded word in each record, before data() is loaded', async () => {
    const fold = createFolder(toSimplified());
    const words = reports.slice(0, GROUP_SIZE).flatMap((r) => codedReport(fold(r.title), fold(r.body)).split(' '));
    const counts = new Map<string, number>();
    for (const word of words) if (word !== '-') counts.set(word, (counts.get(word) ?? 0) + 1);
    // The most frequent words of the first record (a quoted phrase would list only the first match).
    for (const [word] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3)) {
      const response = await search.pagefind.search(word);
      const hit = response?.results.find((r) => search.context.groups.get(r.id)?.first === 0);
      const expected = words.flatMap((w, i) => (w === word ? [i] : []));
      expect(expected.length).toBeGreaterThan(1);
      expect([...hit!.words].sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it('offers createInstance with the noWorker option, which the search page uses', () => {
    const script = readFileSync(join(siteDir(), 'pagefind', 'pagefind.js'), 'utf8');
    expect(script).toContain('createInstance');
    expect(script).toContain('noWorker');
  });
});

describe('a generated archive of 300 reports', () => {
  const GENERATED_BASE = '/generated/';
  let dir: string;
  let search: NodeSearch;
  let reports: IndexedReport[];
  let sources: QuerySource[];

  beforeAll(async () => {
    const generated = generateReports(loadSeedCorpus(), { count: 300, seed: 'search-oracle' });
    sources = generated.map((r) => ({
      title: r.data.title,
      text: [r.data.subtitle, ...r.data.authors.map((a) => a.name), r.body].join('\n'),
    }));
    reports = generated.map((r, n) => ({
      url: `${GENERATED_BASE}reports/${r.id}/`,
      title: stripSpace(sources[n]!.title),
      body: stripSpace(sources[n]!.text),
      regions: [r.data.region],
      year: r.data.year,
      topics: r.data.topics,
    }));
    dir = mkdtempSync(join(tmpdir(), 'search-generated-'));
    // Split as an archive of about 3,000 reports would be by default.
    await writeSearchBundle(reports.length, reports, join(dir, 'pagefind'), { shardPositions: 400_000 });
    search = await loadPagefind(dir, GENERATED_BASE);
  }, 600_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('returns exactly the reports containing each of 320 sampled queries', async () => {
    const queries = sampleQueries(sources, 'generated-search', 320);
    expect(queries.length).toBeGreaterThanOrEqual(300);
    expect(await mismatches(search, reports, queries)).toEqual([]);
    expect(acrossQuotes(reports, queries).length).toBeGreaterThanOrEqual(20);
  });

  it('returns exactly the reports containing every region name, topic name and title', async () => {
    expect(
      await mismatches(search, reports, [
        ...vocabulary('regions'),
        ...vocabulary('topics'),
        ...reports.map((r) => r.title),
      ]),
    ).toEqual([]);
  });
});
