/**
 * Exact search over the archive's Pagefind index (built by tools/index-search.ts; text model in
 * src/lib/search-text.ts), shared by the search page and the Node tests. Pure logic: Pagefind, the
 * search table and the converter come in as arguments.
 *
 * - A query is terms separated by spaces; a report matches when its text contains every term (after
 *   folding). Each term is one Pagefind phrase search; the results are intersected here.
 * - A term found nowhere is retried in simplified characters (the converter loads only then); a term
 *   still found nowhere leaves no results and is named.
 * - Facets (region with its sub-regions, year, topics), counts, sorting and ranking come from the
 *   search table, so no result's fragment is ever loaded; only the excerpts of the results shown are.
 * - Ranking: title hits first, then occurrences per character of text, then report order.
 * - A year range (`from`, `to`) filters as the facets do; the outcome keeps each term's own reports
 *   (before filters) for the trend of the search page (src/lib/search-trend.ts).
 */
import {
  HAN,
  createFolder,
  groupLayout,
  indexedOffsets,
  locateInGroup,
  queryTerms,
  termWords,
  TITLE_ZONE,
  type Converter,
  type Group,
} from './search-text.ts';

/** Pagefind sort key holding each record's group number. */
export const SORT_KEY = 'n';
/**
 * Excerpt blocks: characters per block and extra characters each block repeats from the next (enough
 * for a whole excerpt window after a match near the block's end). A result loads one block: larger
 * blocks mean fewer files in the bundle but more bytes per result shown.
 */
export const EXCERPT_BLOCK = 240;
export const EXCERPT_OVERLAP = 80;
/**
 * Folder of index shard `k` under the bundle (see tools/search-index/shards.ts): shard 0 is the bundle
 * itself (it holds Pagefind's script and wasm); the page merges the others into it (`mergeIndex`).
 */
export const shardFolder = (k: number) => (k === 0 ? '' : `shard-${k}/`);

/** Merges the table's other shards into the Pagefind instance of shard 0, whose bundle is at `bundle` (a URL path ending in /). */
export async function mergeShards(
  pagefind: { mergeIndex(path: string): Promise<void> },
  bundle: string,
  table: SearchTable,
): Promise<void> {
  for (let k = 1; k < table.shards; k++) await pagefind.mergeIndex(`${bundle}${shardFolder(k)}`);
}
/** Path of an excerpt block under the Pagefind bundle: JSON, stored gzipped as Pagefind's own files are. */
export const excerptPath = (report: number, block: number) => `excerpt/${report}/${block}.json.gz`;

export interface ExcerptBlock {
  url: string;
  title: string;
  /** Offset of `text` in the report's indexed body (whitespace and quotation marks left out). */
  start: number;
  /** As printed, whitespace removed: from the character at `start` (and the quotation marks before it). */
  text: string;
}

/** Columns indexed by report number (columns compress better than rows): what facets, sorting and ranking need. */
export interface SearchTable {
  regions: string[];
  topics: string[];
  /** Region lineage (indices into `regions`, province first). */
  region: number[][];
  year: number[];
  /** Topics (indices into `topics`). */
  topic: number[][];
  /** Characters of indexed text after the title (its folded form has as many). */
  length: number[];
  /** Distinct characters of the folded text after the title. */
  distinct: number[];
  /** Index shards the page merges: each holds a record per group. */
  shards: number;
}

/** What this module needs of a Pagefind instance: hits with their word positions, before any data(). */
export interface PagefindHit {
  id: string;
  words: number[];
}
export interface PagefindApi {
  search(
    term: string | null,
    options?: { sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindHit[] } | null>;
}

export const FACETS = ['region', 'year', 'topic'] as const;
export type Facet = (typeof FACETS)[number];
export type FilterCounts = Record<Facet, Record<string, number>>;
export type SortOrder = 'relevance' | 'year-desc' | 'year-asc';

export interface SearchRequest {
  query: string;
  /** Chosen facet values; a report must have every one (a report has one region lineage and year). */
  filters?: Partial<Record<Facet, string[]>>;
  /** Year range, both ends included; either may be open. */
  from?: number;
  to?: number;
  sort?: SortOrder;
}

export interface SearchResult {
  /** Report number (index into the search table). */
  report: number;
  titleHit: boolean;
  /** Matches of all terms together (a single character counts once per title and body). */
  occurrences: number;
  /** Body offset of the first match of the first term that has one (terms of two or more characters). */
  offset?: number;
}

export interface SearchOutcome {
  /** The folded terms searched (simplified when converted). */
  terms: string[];
  /** The reader's query when some term was converted from traditional characters. */
  convertedFrom?: string;
  /** Terms found in no report (then there are no results). */
  missingTerms: string[];
  /** Reports matching the query before facet filters. */
  unfilteredCount: number;
  /** Per term (as `terms`), the reports containing it, before filters; none without terms. */
  termReports: number[][];
  results: SearchResult[];
  /** Facet counts over `results`. */
  facets: FilterCounts;
}

export interface SearchContext {
  api: PagefindApi;
  table: SearchTable;
  /** The group of reports each Pagefind page id (record) holds: one record per group in each shard. */
  groups: Map<string, Group>;
  loadToSimplified?: () => Promise<Converter>;
}

/**
 * Maps Pagefind's page ids to groups of reports through the sort key: one metadata-only search. With
 * merged shards, each group's records come together, shard by shard: Pagefind 1.6.0 scores a sorted
 * search's results by rank (0, −1, −2 …) and sorts the merged indexes' results by score, keeping the
 * shards' order among equal scores.
 */
export async function openSearch(
  api: PagefindApi,
  table: SearchTable,
  loadToSimplified?: () => Promise<Converter>,
): Promise<SearchContext> {
  const layout = groupLayout(table.length.map((length, n) => ({ length, distinct: table.distinct[n]! })));
  const all = (await api.search(null, { sort: { [SORT_KEY]: 'asc' } }))?.results ?? [];
  if (all.length !== layout.length * table.shards) {
    throw new Error(
      `search index holds ${all.length} records but the search table's ${table.year.length} reports make ` +
        `${layout.length} in each of ${table.shards} shards`,
    );
  }
  return {
    api,
    table,
    groups: new Map(all.map((hit, n) => [hit.id, layout[Math.floor(n / table.shards)]!])),
    loadToSimplified,
  };
}

const foldBasic = createFolder();

interface TermHits {
  term: string;
  hits: Map<number, number[]>;
}

/**
 * The reports containing a term, with the start positions of its matches within each report. Each
 * coded word is searched on its own, unquoted: Pagefind then lists every position of the word in each
 * record (a quoted phrase would list only a record's first match, and a record holds many reports).
 */
async function searchTerm(context: SearchContext, term: string): Promise<Map<number, number[]>> {
  const words = termWords(term);
  const unique = [...new Set(words)];
  // By group, not by Pagefind's record id: the words of one term may lie in different index shards.
  const found = await Promise.all(
    unique.map(async (word) => {
      const results = (await context.api.search(word))?.results ?? [];
      return new Map(results.map((hit) => [context.groups.get(hit.id)!, new Set(hit.words)]));
    }),
  );
  const byWord = words.map((word) => found[unique.indexOf(word)]!);
  const hits = new Map<number, number[]>();
  for (const [group, firstWords] of byWord[0]!) {
    const positions = byWord.map((groups) => groups.get(group));
    if (positions.some((p) => !p)) continue;
    for (const start of firstWords) {
      if (!positions.every((p, i) => p!.has(start + i))) continue;
      const { report, word } = locateInGroup(group, start);
      const starts = hits.get(report);
      if (starts) starts.push(word);
      else hits.set(report, [word]);
    }
  }
  return hits;
}

/** Searches each folded term; a term found nowhere is retried converted to simplified characters. */
async function searchTerms(
  context: SearchContext,
  terms: string[],
): Promise<{ found: TermHits[]; converted: boolean }> {
  let convert: ((text: string) => string) | undefined;
  let converted = false;
  const found = await Promise.all(
    terms.map(async (term) => {
      const hits = await searchTerm(context, term);
      if (!hits.size && HAN.test(term) && context.loadToSimplified) {
        convert ??= createFolder(await context.loadToSimplified());
        const simplified = convert(term);
        if (simplified !== term) {
          converted = true;
          return { term: simplified, hits: await searchTerm(context, simplified) };
        }
      }
      return { term, hits };
    }),
  );
  return { found, converted };
}

/** Occurrences of a term in one report from its matches' start positions (a character counts once per zone). */
function occurrences(term: string, starts: readonly number[]): { count: number; titleHit: boolean; offset?: number } {
  const body = starts.filter((w) => w >= TITLE_ZONE);
  return {
    count: starts.length,
    titleHit: starts.some((w) => w < TITLE_ZONE),
    ...([...term].length > 1 && body.length ? { offset: Math.min(...body) - TITLE_ZONE } : {}),
  };
}

const emptyCounts = (): FilterCounts => ({ region: {}, year: {}, topic: {} });

/** A report's facet values. */
export function facetValues(table: SearchTable, report: number): Record<Facet, string[]> {
  return {
    region: table.region[report]!.map((i) => table.regions[i]!),
    year: [String(table.year[report])],
    topic: table.topic[report]!.map((i) => table.topics[i]!),
  };
}

export function countFacets(table: SearchTable, reports: Iterable<number>): FilterCounts {
  const counts = emptyCounts();
  for (const report of reports) {
    const values = facetValues(table, report);
    for (const facet of FACETS)
      for (const value of values[facet]) counts[facet][value] = (counts[facet][value] ?? 0) + 1;
  }
  return counts;
}

/** Whether a year lies in the request's range (an open end holds every year). */
export function inYearRange(year: number, { from, to }: Pick<SearchRequest, 'from' | 'to'>): boolean {
  return (from === undefined || year >= from) && (to === undefined || year <= to);
}

/**
 * Whether a report passes the request's facet filters and year range; with `years` false, the year
 * facet and range are left out (the trend shows every year of the other filters).
 */
export function passes(table: SearchTable, report: number, request: SearchRequest, years = true): boolean {
  const values = facetValues(table, report);
  return (
    FACETS.every(
      (facet) =>
        (facet === 'year' && !years) ||
        (request.filters?.[facet] ?? []).every((value) => values[facet].includes(value)),
    ) &&
    (!years || inYearRange(table.year[report]!, request))
  );
}

function order(table: SearchTable, results: SearchResult[], sort: SortOrder, query: boolean): SearchResult[] {
  const year = (r: SearchResult) => table.year[r.report]!;
  const density = (r: SearchResult) => r.occurrences / Math.max(1, table.length[r.report]!);
  const relevance = (a: SearchResult, b: SearchResult) =>
    query
      ? Number(b.titleHit) - Number(a.titleHit) || density(b) - density(a) || a.report - b.report
      : year(b) - year(a) || a.report - b.report;
  if (sort === 'relevance') return results.sort(relevance);
  const direction = sort === 'year-asc' ? 1 : -1;
  return results.sort((a, b) => direction * (year(a) - year(b)) || relevance(a, b));
}

export async function runSearch(context: SearchContext, request: SearchRequest): Promise<SearchOutcome> {
  const { table } = context;
  const terms = queryTerms(request.query, foldBasic);
  let matched: SearchResult[];
  let outcome: Pick<SearchOutcome, 'terms' | 'convertedFrom' | 'missingTerms' | 'termReports'>;
  if (!terms.length) {
    matched = table.year.map((_, report) => ({ report, titleHit: false, occurrences: 0 }));
    outcome = { terms: [], missingTerms: [], termReports: [] };
  } else {
    const { found, converted } = await searchTerms(context, terms);
    outcome = {
      terms: found.map((f) => f.term),
      missingTerms: found.filter((f) => !f.hits.size).map((f) => f.term),
      termReports: found.map((f) => [...f.hits.keys()]),
      ...(converted ? { convertedFrom: request.query.trim() } : {}),
    };
    const [first, ...others] = found;
    matched = [];
    for (const report of first!.hits.keys()) {
      if (!others.every((f) => f.hits.has(report))) continue;
      const each = found.map((f) => occurrences(f.term, f.hits.get(report)!));
      const offset = each.find((e) => e.offset !== undefined)?.offset;
      matched.push({
        report,
        titleHit: each.some((e) => e.titleHit),
        occurrences: each.reduce((sum, e) => sum + e.count, 0),
        ...(offset === undefined ? {} : { offset }),
      });
    }
  }
  const results = matched.filter((r) => passes(table, r.report, request));
  return {
    ...outcome,
    unfilteredCount: matched.length,
    results: order(table, results, request.sort ?? 'relevance', terms.length > 0),
    facets: countFacets(
      table,
      results.map((r) => r.report),
    ),
  };
}

/** Which excerpt block to load for a result: the one holding its first match with some context before. */
export function excerptBlockIndex(result: SearchResult): number {
  return result.offset === undefined ? 0 : Math.max(0, Math.floor((result.offset - CONTEXT_BEFORE) / EXCERPT_BLOCK));
}

const CONTEXT_BEFORE = 30;
const EXCERPT_LENGTH = 110;

/** Text made safe inside HTML text and quoted attributes (the search page builds its markup with it too). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Where the folded terms occur in a text: each occurrence's characters, as printed-text offsets. Matched
 * as the index matches, quotation marks skipped, so a match may enclose some (left unmarked). `fold`
 * must fold as the index did (per code point, so offsets agree).
 */
function occurrencesIn(text: string, terms: readonly string[], fold: (text: string) => string): number[][] {
  const whole = fold(text);
  const folded = [...whole];
  const offsets = indexedOffsets(whole);
  const found: number[][] = [];
  for (const term of terms) {
    const t = [...term];
    for (let i = 0; i + t.length <= offsets.length; i++) {
      if (t.every((c, j) => folded[offsets[i + j]!] === c)) found.push(offsets.slice(i, i + t.length));
    }
  }
  return found;
}

/** Text as HTML with every occurrence of the folded terms wrapped in <mark>: exactly the matched characters. */
export function highlight(
  text: string,
  terms: readonly string[],
  fold: (text: string) => string,
): { html: string; marks: number } {
  const chars = [...text];
  const marked = new Array<boolean>(chars.length).fill(false);
  const found = occurrencesIn(text, terms, fold);
  for (const occurrence of found) for (const i of occurrence) marked[i] = true;
  let html = '';
  for (let i = 0; i < chars.length; i++) {
    if (marked[i] && !marked[i - 1]) html += '<mark>';
    html += escapeHtml(chars[i]!);
    if (marked[i] && !marked[i + 1]) html += '</mark>';
  }
  return { html, marks: found.length };
}

/**
 * The excerpt window of a block: around the first match at or after `offset` (in indexed characters,
 * as the block's start), or the block's start.
 */
export function excerptText(
  block: ExcerptBlock,
  terms: readonly string[],
  fold: (text: string) => string,
  offset?: number,
): string {
  const chars = [...block.text];
  const from =
    offset === undefined ? 0 : (indexedOffsets(fold(block.text))[Math.max(0, offset - block.start)] ?? chars.length);
  const first = Math.min(
    ...occurrencesIn(block.text, terms, fold)
      .map((o) => o[0]!)
      .filter((i) => i >= from),
  );
  const start = Number.isFinite(first) ? Math.max(0, first - CONTEXT_BEFORE) : 0;
  const slice = chars.slice(start, start + EXCERPT_LENGTH).join('');
  return `${block.start + start > 0 ? '…' : ''}${slice}${start + EXCERPT_LENGTH < chars.length ? '…' : ''}`;
}

/** A year parameter: four digits (surrounding spaces allowed), else none. */
function yearParam(value: string | null): number | undefined {
  const year = value?.trim() ?? '';
  return /^\d{4}$/.test(year) ? Number(year) : undefined;
}

/**
 * Search state in the URL (`?q=…&region=…&year=…&topic=…&from=…&to=…&sort=…`), so searches can be
 * bookmarked. `from`/`to` (a year range, ends included) other than four-digit years are ignored; ends
 * given the wrong way round are swapped. A chosen year outside the range is dropped: the range wins, so
 * a range chosen after a year is never ignored (the page lists only the years within it).
 */
export function requestFromParams(params: URLSearchParams): SearchRequest {
  const ends = [yearParam(params.get('from')), yearParam(params.get('to'))];
  const [from, to] = ends[0] !== undefined && ends[1] !== undefined && ends[0] > ends[1] ? ends.reverse() : ends;
  const range = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  const filters: Partial<Record<Facet, string[]>> = {};
  for (const facet of FACETS) {
    const values = params
      .getAll(facet)
      .filter((value) => value && (facet !== 'year' || inYearRange(Number(value), range)));
    if (values.length) filters[facet] = values;
  }
  const sort = params.get('sort');
  return {
    query: params.get('q') ?? '',
    filters,
    ...range,
    sort: sort === 'year-desc' || sort === 'year-asc' ? sort : 'relevance',
  };
}

export function paramsFromRequest(request: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.query) params.set('q', request.query);
  for (const [facet, values] of Object.entries(request.filters ?? {})) {
    for (const value of values) params.append(facet, value);
  }
  if (request.from !== undefined) params.set('from', String(request.from));
  if (request.to !== undefined) params.set('to', String(request.to));
  if (request.sort && request.sort !== 'relevance') params.set('sort', request.sort);
  return params;
}
