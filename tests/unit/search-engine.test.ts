/**
 * The search logic with a fake Pagefind that does what Pagefind does with the coded group records
 * (every position of an unquoted word listed per record; ids in sort-key order for a null search), over
 * random texts from a small alphabet, against a substring oracle.
 */
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../tools/shared/prng.ts';
import { excerptBlocks, searchTable } from '../../tools/search-index/write-bundle.ts';
import {
  EXCERPT_BLOCK,
  EXCERPT_OVERLAP,
  excerptText,
  highlight,
  openSearch,
  paramsFromRequest,
  requestFromParams,
  runSearch,
  type PagefindApi,
  type SearchRequest,
  type SearchTable,
} from '../../src/lib/search-engine.ts';
import {
  bodyShape,
  codedReport,
  createFolder,
  groupLayout,
  GROUP_SIZE,
  locateInGroup,
  queryTerms,
  reportSpan,
  stripSpace,
  withoutQuotes,
} from '../../src/lib/search-text.ts';

const toSimplified = Converter({ from: 't', to: 'cn' });
const fold = createFolder(toSimplified);

interface Doc {
  title: string;
  body: string;
  regions: string[];
  year: number;
  topics: string[];
}

/** Index shards of the fake: every record is in each, a word in one (as tools/search-index/shards.ts splits). */
const SHARDS = 3;
const shardOfWord = (word: string) => word.charCodeAt(1) % SHARDS;

/**
 * Pagefind over the coded group records, merged from SHARDS vocabulary shards, as far as this module
 * relies on it: an unquoted word lists every position of that word in each record of its shard; a null
 * search lists the records in sort-key order, each group's records of all shards together.
 */
function fakePagefind(docs: readonly Doc[]): PagefindApi {
  const records: string[][] = [];
  for (let first = 0; first < docs.length; first += GROUP_SIZE) {
    const group = docs.slice(first, first + GROUP_SIZE);
    records.push(group.flatMap((d) => codedReport(fold(d.title), fold(d.body)).split(' ')));
  }
  const id = (shard: number, n: number) => `zh-cn_${(shard * 104729 + n * 7919).toString(16)}`;
  return {
    async search(term) {
      if (term === null) {
        const all = records.map((_, n) =>
          Array.from({ length: SHARDS }, (_, shard) => ({ id: id(shard, n), words: [] })),
        );
        return { results: all.flat() };
      }
      const results = records.flatMap((words, n) => {
        const positions = words.flatMap((word, i) => (word === term ? [i] : []));
        return positions.length ? [{ id: id(shardOfWord(term), n), words: positions.reverse() }] : [];
      });
      // Pagefind's own order is by its score; this module must not depend on it.
      return { results: results.reverse() };
    },
  };
}

/** The table the indexer writes for these documents. */
const tableOf = (docs: readonly Doc[]): SearchTable =>
  searchTable(
    docs.map((d, n) => ({ ...d, url: `/r/${n}/` })),
    docs.map((d) => ({ title: fold(d.title), body: fold(d.body) })),
    SHARDS,
  );

const folded = new WeakMap<Doc, string[]>();
const oracle = (docs: readonly Doc[], query: string) => {
  const terms = queryTerms(query, fold);
  const texts = (d: Doc) =>
    folded.get(d) ?? folded.set(d, [withoutQuotes(fold(d.title)), withoutQuotes(fold(d.body))]).get(d)!;
  return docs.flatMap((d, n) => (terms.every((t) => texts(d).some((text) => text.includes(t))) ? [n] : []));
};

// A small alphabet so substrings repeat across documents: simplified and traditional forms, full-width
// digits and letters, punctuation, quotation marks.
const ALPHABET = [...'内蒙古工会职工书屋劳动竞赛內職書勞動競賽2.6%5０１２％APPａｐp，。、“”‘’「」『』"\'＂'];

function randomDocs(seed: string, count: number): Doc[] {
  const random = createRandom(seed);
  const text = (min: number, max: number) =>
    Array.from({ length: random.int(min, max) }, () =>
      random.next() < 0.05 ? random.pick([' ', '\n']) : random.pick(ALPHABET),
    ).join('');
  return Array.from({ length: count }, () => ({
    title: stripSpace(text(3, 12)),
    body: stripSpace(text(20, 200)),
    regions: random.pick([['内蒙古自治区', '呼和浩特市'], ['内蒙古自治区'], ['江苏省', '南通市']]),
    year: random.int(2000, 2004),
    topics: random.sample(['就业服务', '劳动竞赛', '职工书屋'], random.int(1, 2)),
  }));
}

describe('runSearch against a substring oracle', () => {
  // Three Pagefind records: matches are mapped to reports from positions in several groups.
  const docs = randomDocs('unit', 2 * GROUP_SIZE + 17);

  it('returns exactly the documents containing every term, for 500 random queries', async () => {
    const context = await openSearch(fakePagefind(docs), tableOf(docs), async () => toSimplified);
    const random = createRandom('queries');
    const mismatches: string[] = [];
    for (let i = 0; i < 500; i++) {
      const doc = random.pick(docs);
      const source = random.next() < 0.2 ? doc.title : doc.body;
      const pick = () => {
        const length = random.int(1, 8);
        const at = random.int(0, Math.max(0, [...source].length - length));
        return [...source].slice(at, at + length).join('');
      };
      // Some typed without the quotation marks of the text, as readers do.
      const query =
        random.next() < 0.2
          ? `${pick()} ${pick()}`
          : random.next() < 0.1
            ? `${pick()}鲸`
            : random.next() < 0.2
              ? withoutQuotes(fold(pick()))
              : pick();
      const expected = oracle(docs, query);
      const outcome = await runSearch(context, { query });
      const actual = outcome.results.map((r) => r.report).sort((a, b) => a - b);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${query}: ${actual} ≠ ${expected}`);
      expect(outcome.unfilteredCount).toBe(expected.length);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('finds traditional and full-width forms of the text', async () => {
    const context = await openSearch(fakePagefind(docs), tableOf(docs), async () => toSimplified);
    for (const [typed, stored] of [
      ['職工', '职工'],
      ['ＡＰＰ', 'app'],
      ['２.６', '2.6'],
      ['６％', '6%'],
    ] as const) {
      const outcome = await runSearch(context, { query: typed });
      expect(outcome.results.map((r) => r.report).sort((a, b) => a - b)).toEqual(oracle(docs, stored));
    }
    const converted = await runSearch(context, { query: '職工書屋' });
    expect(converted.convertedFrom).toBe('職工書屋');
    expect(converted.terms).toEqual(['职工书屋']);
  });

  it('ignores quotation marks in text and query alike', async () => {
    const make = (body: string): Doc => ({
      title: '标题',
      body,
      regions: ['江苏省'],
      year: 2000,
      topics: ['就业服务'],
    });
    const docs = [make('南通地处“长三角”黄金地带，依江'), make('长三角地区'), make("『工人先锋号』和'职工书屋'")];
    const context = await openSearch(fakePagefind(docs), tableOf(docs));
    for (const [query, expected] of [
      ['长三角黄金地带', [0]],
      ['“长三角”黄金地带', [0]],
      ['角黄', [0]],
      ['"长三角"', [0, 1]],
      ['＂长三角＂ 黄金', [0]],
      ['先锋号和职工', [2]],
      ['「工人先锋号」', [2]],
    ] as const) {
      const outcome = await runSearch(context, { query });
      expect(
        outcome.results.map((r) => r.report).sort((a, b) => a - b),
        query,
      ).toEqual(expected);
    }
    // A term of quotation marks alone is no term: the query browses everything.
    expect((await runSearch(context, { query: '“” ‘’' })).terms).toEqual([]);
  });

  it('keeps each term’s own reports, before filters, in the order of the terms', async () => {
    const context = await openSearch(fakePagefind(docs), tableOf(docs), async () => toSimplified);
    const random = createRandom('term reports');
    for (let i = 0; i < 50; i++) {
      const body = [...random.pick(docs).body];
      const pick = (): string => {
        const at = random.int(0, body.length - 4);
        const term = body.slice(at, at + random.int(1, 4)).join('');
        // A term of quotation marks alone is no term.
        return withoutQuotes(fold(term)) ? term : pick();
      };
      const terms = [pick(), pick(), '鲸鱼'];
      const outcome = await runSearch(context, { query: terms.join(' '), filters: { year: ['2001'] } });
      expect(outcome.termReports.map((reports) => [...reports].sort((a, b) => a - b))).toEqual(
        terms.map((term) => oracle(docs, term)),
      );
    }
    expect((await runSearch(context, { query: '' })).termReports).toEqual([]);
  });

  it('names the term found nowhere and returns nothing', async () => {
    const context = await openSearch(fakePagefind(docs), tableOf(docs), async () => toSimplified);
    const outcome = await runSearch(context, { query: '工会 鲸鱼' });
    expect(outcome.results).toEqual([]);
    expect(outcome.missingTerms).toEqual(['鲸鱼']);
  });
});

describe('facets, counts and order', () => {
  const docs = randomDocs('facets', 60);

  it('filters by region lineage, year and topics, and counts facets over the results', async () => {
    const context = await openSearch(fakePagefind(docs), tableOf(docs), async () => toSimplified);
    const filters = { region: ['内蒙古自治区'], topic: ['劳动竞赛'] };
    const outcome = await runSearch(context, { query: '工', filters });
    const expected = oracle(docs, '工').filter(
      (n) => docs[n]!.regions.includes('内蒙古自治区') && docs[n]!.topics.includes('劳动竞赛'),
    );
    expect(outcome.results.map((r) => r.report).sort((a, b) => a - b)).toEqual(expected);
    expect(outcome.unfilteredCount).toBe(oracle(docs, '工').length);
    const years: Record<string, number> = {};
    for (const n of expected) years[docs[n]!.year] = (years[docs[n]!.year] ?? 0) + 1;
    expect(outcome.facets.year).toEqual(years);
    expect(outcome.facets.topic['劳动竞赛']).toBe(expected.length);
  });

  it('filters by a year range, with the year facet inside it, and counts facets within it', async () => {
    const context = await openSearch(fakePagefind(docs), tableOf(docs), async () => toSimplified);
    const inRange = (n: number) => docs[n]!.year >= 2001 && docs[n]!.year <= 2003;
    const cases: [Omit<SearchRequest, 'query'>, number[]][] = [
      [{ from: 2001, to: 2003 }, oracle(docs, '工').filter(inRange)],
      [{ from: 2003 }, oracle(docs, '工').filter((n) => docs[n]!.year >= 2003)],
      [{ to: 2001 }, oracle(docs, '工').filter((n) => docs[n]!.year <= 2001)],
      [{ from: 2001, to: 2003, filters: { year: ['2002'] } }, oracle(docs, '工').filter((n) => docs[n]!.year === 2002)],
    ];
    for (const [request, expected] of cases) {
      const outcome = await runSearch(context, { query: '工', ...request });
      expect(outcome.results.map((r) => r.report).sort((a, b) => a - b)).toEqual(expected);
      const years: Record<string, number> = {};
      for (const n of expected) years[docs[n]!.year] = (years[docs[n]!.year] ?? 0) + 1;
      expect(outcome.facets.year).toEqual(years);
      expect(outcome.facets.topic['劳动竞赛'] ?? 0).toBe(
        expected.filter((n) => docs[n]!.topics.includes('劳动竞赛')).length,
      );
    }
  });

  it('puts title hits first, then more occurrences per character', async () => {
    const make = (title: string, body: string): Doc => ({
      title,
      body,
      regions: ['江苏省'],
      year: 2000,
      topics: ['就业服务'],
    });
    const ranked = [
      make('其他', '书屋书屋书屋'),
      make('职工书屋', '其他文字'),
      make('其他', `书屋${'其他'.repeat(40)}`),
      make('其他', '书屋书屋其他文字'),
    ];
    const context = await openSearch(fakePagefind(ranked), tableOf(ranked));
    const outcome = await runSearch(context, { query: '书屋' });
    expect(outcome.results.map((r) => r.report)).toEqual([1, 0, 3, 2]);
    expect(outcome.results[1]).toMatchObject({ titleHit: false, occurrences: 3, offset: 0 });
  });

  it('sorts by year, and browses everything without a query', async () => {
    const context = await openSearch(fakePagefind(docs), tableOf(docs), async () => toSimplified);
    const years = (await runSearch(context, { query: '', sort: 'year-asc' })).results.map((r) => docs[r.report]!.year);
    expect(years).toHaveLength(docs.length);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });
});

describe('group layout', () => {
  it('gives each report exactly its span of words, so positions map back to reports', () => {
    const docs = randomDocs('layout', 3 * GROUP_SIZE);
    const shapes = docs.map((d) => bodyShape(d.body));
    docs.forEach((d, n) => expect(codedReport(d.title, d.body).split(' ')).toHaveLength(reportSpan(shapes[n]!)));
    const groups = groupLayout(shapes);
    expect(groups.map((g) => g.first)).toEqual([0, GROUP_SIZE, 2 * GROUP_SIZE]);
    for (const group of groups) {
      group.starts.forEach((start, i) => {
        const last = start + reportSpan(shapes[group.first + i]!) - 1;
        expect(locateInGroup(group, start)).toEqual({ report: group.first + i, word: 0 });
        expect(locateInGroup(group, last)).toEqual({ report: group.first + i, word: last - start });
      });
    }
  });
});

describe('highlights and excerpts', () => {
  it('marks exactly the matched characters, in the original text', () => {
    const basic = createFolder();
    expect(highlight('职工书屋和ＡＰＰ<b>', ['工书', 'app'], basic)).toEqual({
      html: '职<mark>工书</mark>屋和<mark>ＡＰＰ</mark>&#60;b&#62;',
      marks: 2,
    });
    expect(highlight('內蒙古', ['内蒙'], fold).html).toBe('<mark>內蒙</mark>古');
  });

  it('skips quotation marks inside a match, leaving them unmarked', () => {
    const basic = createFolder();
    expect(highlight('南通地处“长三角”黄金地带，依江', ['长三角黄金地带'], basic)).toEqual({
      html: '南通地处“<mark>长三角</mark>”<mark>黄金地带</mark>，依江',
      marks: 1,
    });
    expect(highlight('「工人』先锋号', ['工人先锋'], basic).html).toBe('「<mark>工人</mark>』<mark>先锋</mark>号');
  });

  it('maps the offset, counted in indexed characters, past the quotation marks of the block', () => {
    // Indexed: 职工书屋 at 0 and 44; printed at 80 and 124.
    const text = `${'“”'.repeat(40)}职工书屋${'甲'.repeat(40)}职工书屋${'丙'.repeat(100)}`;
    const excerpt = excerptText({ url: '/r/', title: 't', start: 0, text }, ['职工书屋'], createFolder(), 44);
    expect(excerpt).toMatch(/^…甲/);
    expect(excerpt.split('职工书屋')).toHaveLength(2);
  });

  it('cuts excerpt blocks by indexed characters, each with its printed text and quotation marks', () => {
    const random = createRandom('blocks');
    const body = Array.from({ length: 1500 }, () => random.pick([...'工会职工“”‘’「」『』'])).join('');
    const indexed = [...withoutQuotes(fold(body))];
    const blocks = excerptBlocks({ url: '/r/', title: 't', body, regions: [], year: 2000, topics: [] }, fold(body), 0);
    expect(blocks).toHaveLength(Math.ceil(indexed.length / EXCERPT_BLOCK));
    for (const [, block] of blocks) {
      const expected = indexed.slice(block.start, block.start + EXCERPT_BLOCK + EXCERPT_OVERLAP).join('');
      expect(withoutQuotes(fold(block.text))).toBe(expected);
    }
    // Every printed character is in some block: the first starts the body, the last ends it.
    expect(body.startsWith(blocks[0]![1].text)).toBe(true);
    expect(body.endsWith(blocks.at(-1)![1].text)).toBe(true);
  });

  it('cuts the excerpt around the first match at or after the offset', () => {
    const block = { url: '/r/', title: 't', start: 400, text: `${'甲'.repeat(100)}职工书屋${'乙'.repeat(200)}` };
    const excerpt = excerptText(block, ['职工书屋'], createFolder(), 480);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt).toContain('职工书屋');
    expect(excerpt.indexOf('职工书屋')).toBeGreaterThan(20);
  });
});

describe('query terms and URL state', () => {
  it('splits terms at whitespace only, folded, dropping quotation marks', () => {
    const basic = createFolder();
    expect(queryTerms('  劳模  疗休养 ', basic)).toEqual(['劳模', '疗休养']);
    expect(queryTerms('"职工书屋" 2.65亿元 69.5%', basic)).toEqual(['职工书屋', '2.65亿元', '69.5%']);
    expect(queryTerms('中国梦·劳动美', basic)).toEqual(['中国梦·劳动美']);
    expect(queryTerms('“长三角”黄金地带', basic)).toEqual(['长三角黄金地带']);
    expect(queryTerms("‘四送’ 「职工」『书屋』 ＂ＡＰＰ＂ workers' ” “", basic)).toEqual([
      '四送',
      '职工书屋',
      'app',
      'workers',
    ]);
  });

  it('round-trips query, facets and sort', () => {
    const request = {
      query: '金秋助学',
      filters: { region: ['内蒙古自治区'], topic: ['就业服务', '劳动竞赛'] },
      sort: 'year-desc' as const,
    };
    expect(requestFromParams(new URLSearchParams(paramsFromRequest(request).toString()))).toEqual(request);
  });

  it('round-trips a year range, alone, with a year inside it, and with one open end', () => {
    for (const request of [
      { query: '职工书屋', filters: {}, from: 2013, to: 2017, sort: 'relevance' as const },
      { query: '', filters: { year: ['2015'] }, from: 2013, to: 2017, sort: 'relevance' as const },
      { query: 'x', filters: { region: ['江苏省'] }, from: 2013, sort: 'year-asc' as const },
      { query: 'x', filters: {}, to: 2017, sort: 'relevance' as const },
    ]) {
      const params = paramsFromRequest(request);
      expect(requestFromParams(new URLSearchParams(params.toString())), params.toString()).toEqual(request);
    }
    expect(paramsFromRequest({ query: '职工', from: 2013, to: 2017 }).toString()).toBe(
      `q=${encodeURIComponent('职工')}&from=2013&to=2017`,
    );
  });

  it('ignores invalid or empty years, swaps reversed ends and drops a chosen year outside the range', () => {
    const read = (query: string) => requestFromParams(new URLSearchParams(query));
    expect(read('q=x&from=&to=abc')).toEqual({ query: 'x', filters: {}, sort: 'relevance' });
    expect(read('from=20130&to=17')).toEqual({ query: '', filters: {}, sort: 'relevance' });
    expect(read('from=%202013%20&to=2017.5')).toMatchObject({ from: 2013 });
    expect(read('from=2013&to=2017.5')).not.toHaveProperty('to');
    expect(read('from=2017&to=2013')).toMatchObject({ from: 2013, to: 2017 });
    expect(read('from=2013&to=2017&year=2012&year=2015')).toMatchObject({ filters: { year: ['2015'] } });
    expect(read('from=2013&year=2012')).toEqual({ query: '', filters: {}, from: 2013, sort: 'relevance' });
    // Without a range, the year facet is as before.
    expect(read('year=2012')).toMatchObject({ filters: { year: ['2012'] } });
  });

  it('ignores unknown sort values and empty facets', () => {
    expect(requestFromParams(new URLSearchParams('q=x&sort=random&year='))).toEqual({
      query: 'x',
      filters: {},
      sort: 'relevance',
    });
  });
});
