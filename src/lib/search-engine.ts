/**
 * The archive's search rules on top of Pagefind, shared by the search page and the Node test harness.
 * A query is one or more terms separated by spaces; all terms must match (AND).
 * - Exact phrases first: the pages that contain every term verbatim.
 * - Only when no page does, the word-by-word fallback: the terms split into words as Pagefind splits
 *   them, every word required. Single Chinese characters are left out (nearly every page holds them),
 *   and each candidate is checked against its text, because Pagefind's own AND of Chinese words also
 *   returns pages that lack a word.
 * - No false hits: a word that matches nothing in the archive leaves no results (Pagefind silently drops
 *   such a word, so `职工足球` would otherwise return pages with only `职工`).
 * - A query with no results that contains Chinese characters is retried in simplified characters; the
 *   converter is loaded only then.
 */

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
  unfilteredResultCount: number;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string[] | { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindApi {
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
}

export type SortOrder = 'relevance' | 'year-desc' | 'year-asc';

export interface SearchRequest {
  query: string;
  /** Facet values chosen per filter; values of one filter are ANDed (a report has one region lineage). */
  filters?: Record<string, string[]>;
  sort?: SortOrder;
}

export interface SearchOutcome {
  /** The query actually run (simplified when converted). */
  query: string;
  /** The reader's query when it was converted from traditional characters. */
  convertedFrom?: string;
  /** Terms or words that match nothing in the archive (then `results` is empty). */
  missingWords: string[];
  /** How many results contain every term verbatim (all of them, or none when the fallback ran). */
  exactCount: number;
  results: PagefindResult[];
  /** Facet counts for the results. */
  filters: FilterCounts;
}

const HAN = /\p{Script=Han}/u;

/** The words of one term as Pagefind's browser side splits them (Intl.Segmenter, zh-CN). */
export function queryWords(term: string): string[] {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return [...segmenter.segment(term)].filter((s) => s.isWordLike).map((s) => s.segment.toLowerCase());
}

function options(request: SearchRequest): PagefindSearchOptions {
  // An explicit (even empty) filter object makes Pagefind return facet counts.
  const opts: PagefindSearchOptions = { filters: request.filters ?? {} };
  // Pagefind sorts by the `year` sort key itself, so no result's fragment is loaded to sort.
  if (request.sort === 'year-desc') opts.sort = { year: 'desc' };
  if (request.sort === 'year-asc') opts.sort = { year: 'asc' };
  return opts;
}

const emptyResponse: PagefindResponse = { results: [], filters: {}, totalFilters: {}, unfilteredResultCount: 0 };

/**
 * Query terms: split at spaces and at punctuation (a phrase search across punctuation is unreliable);
 * `.` and `%` stay, so 2.65亿元 and 69.5% remain one term.
 */
export function queryTerms(query: string): string[] {
  return query.split(/[\s"“”‘’'、，。；：？！（）《》〈〉【】「」·•—…,;:?!()[\]{}<>/\\|]+/u).filter((term) => term !== '');
}

/**
 * Words for the fallback, or none when a term splits into stray single Chinese characters (a name
 * such as 乌兰察布 split into 乌兰/察/布 would match pages about something else). A single character
 * after a number is its unit (17.15万, 20个) and stays.
 */
function fallbackWords(query: string): string[] {
  const words = queryTerms(query).flatMap(queryWords);
  const stray = words.some((word, i) => HAN.test(word) && [...word].length === 1 && !/^[\d.]+$/.test(words[i - 1] ?? ''));
  return stray ? [] : words;
}

/** Facet counts over a result list, from each result's own filter values. */
async function countFilters(results: PagefindResult[]): Promise<FilterCounts> {
  const counts: FilterCounts = {};
  for (const data of await Promise.all(results.map((r) => r.data()))) {
    for (const [facet, values] of Object.entries(data.filters)) {
      counts[facet] ??= {};
      for (const value of values) counts[facet][value] = (counts[facet][value] ?? 0) + 1;
    }
  }
  return counts;
}

/** Pages containing every term verbatim, best combined score first. */
async function exactMatches(api: PagefindApi, terms: string[], opts: PagefindSearchOptions) {
  const responses = await Promise.all(terms.map(async (term) => (await api.search(`"${term}"`, opts)) ?? emptyResponse));
  const [first, ...others] = responses;
  if (!first) return { results: [], filters: {} };
  const scores = new Map(first.results.map((r) => [r.id, r.score]));
  for (const response of others) {
    const here = new Map(response.results.map((r) => [r.id, r.score]));
    for (const [id, score] of scores) {
      const more = here.get(id);
      if (more === undefined) scores.delete(id);
      else scores.set(id, score + more);
    }
  }
  const kept = first.results.filter((r) => scores.has(r.id));
  // Sorted by year, Pagefind's order stands; by relevance, the combined score decides.
  const results = opts.sort ? kept : kept.sort((a, b) => scores.get(b.id)! - scores.get(a.id)!);
  return { results, filters: others.length ? await countFilters(results) : first.filters };
}

async function wordByWord(api: PagefindApi, query: string, opts: PagefindSearchOptions) {
  const words = fallbackWords(query);
  if (!words.length) return { missingWords: queryTerms(query), results: [], filters: {} };
  // Cheap first: a word Pagefind cannot find at all leaves no results.
  const found = await Promise.all(words.map(async (word) => ((await api.search(word))?.results.length ?? 0) > 0));
  const absent = words.filter((_, i) => !found[i]);
  if (absent.length) return { missingWords: absent, results: [], filters: {} };
  const candidates = ((await api.search(words.join(' '), opts)) ?? emptyResponse).results;
  const texts = await Promise.all(candidates.map(async (r) => (await r.data()).content.toLowerCase()));
  const results = candidates.filter((_, i) => words.every((word) => texts[i]?.includes(word)));
  const missingWords = results.length ? [] : words.filter((word) => !texts.some((text) => text.includes(word)));
  return { missingWords, results, filters: await countFilters(results) };
}

async function searchOnce(api: PagefindApi, query: string, request: SearchRequest): Promise<SearchOutcome> {
  const opts = options(request);
  const exact = await exactMatches(api, queryTerms(query), opts);
  if (exact.results.length) {
    return { query, missingWords: [], exactCount: exact.results.length, results: exact.results, filters: exact.filters };
  }
  const fallback = await wordByWord(api, query, opts);
  return { query, exactCount: 0, ...fallback };
}

export async function runSearch(
  api: PagefindApi,
  request: SearchRequest,
  loadToSimplified?: () => Promise<(text: string) => string>,
): Promise<SearchOutcome> {
  const query = request.query.trim();
  if (query === '') {
    const all = (await api.search(null, options(request))) ?? emptyResponse;
    return { query, missingWords: [], exactCount: 0, results: all.results, filters: all.filters };
  }
  const outcome = await searchOnce(api, query, request);
  if (!outcome.results.length && loadToSimplified && HAN.test(query)) {
    const simplified = (await loadToSimplified())(query);
    if (simplified !== query) return { ...(await searchOnce(api, simplified, request)), convertedFrom: query };
  }
  return outcome;
}

/** Search state in the URL (`?q=…&region=…&year=…&topic=…&sort=…`), so searches can be bookmarked. */
export const FACETS = ['region', 'year', 'topic'] as const;

export function requestFromParams(params: URLSearchParams): SearchRequest {
  const filters: Record<string, string[]> = {};
  for (const facet of FACETS) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length) filters[facet] = values;
  }
  const sort = params.get('sort');
  return {
    query: params.get('q') ?? '',
    filters,
    sort: sort === 'year-desc' || sort === 'year-asc' ? sort : 'relevance',
  };
}

export function paramsFromRequest(request: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.query) params.set('q', request.query);
  for (const [facet, values] of Object.entries(request.filters ?? {})) {
    for (const value of values) params.append(facet, value);
  }
  if (request.sort && request.sort !== 'relevance') params.set('sort', request.sort);
  return params;
}
