/**
 * The archive's search rules on top of Pagefind, shared by the search page and the Node test harness:
 * - every word of the query must exist in the index, else there are no results (Pagefind silently drops
 *   a word that matches nothing, so `职工足球` would otherwise return pages with only `职工`);
 * - an exact phrase ranks first, then the word-by-word (ANDed) matches;
 * - a query whose words are missing is retried in simplified characters, the converter loaded only then.
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
  /** Query words that match nothing in the archive (then `results` is empty). */
  missingWords: string[];
  /** How many leading results match the query as an exact phrase. */
  exactCount: number;
  results: PagefindResult[];
  /** Facet counts for the results. */
  filters: FilterCounts;
}

const HAN = /\p{Script=Han}/u;

/** Query words as Pagefind's browser side splits them (Intl.Segmenter, zh-CN). */
export function queryWords(query: string): string[] {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const words: string[] = [];
  for (const part of query.replace(/["“”]/g, ' ').split(/\s+/)) {
    for (const segment of segmenter.segment(part)) {
      if (segment.isWordLike) words.push(segment.segment.toLowerCase());
    }
  }
  return words;
}

function options(request: SearchRequest): PagefindSearchOptions {
  const result: PagefindSearchOptions = {};
  if (request.filters && Object.keys(request.filters).length) result.filters = request.filters;
  if (request.sort === 'year-desc') result.sort = { year: 'desc' };
  if (request.sort === 'year-asc') result.sort = { year: 'asc' };
  return result;
}

const emptyResponse: PagefindResponse = { results: [], filters: {}, totalFilters: {}, unfilteredResultCount: 0 };

export async function runSearch(
  api: PagefindApi,
  request: SearchRequest,
  loadToSimplified?: () => Promise<(text: string) => string>,
): Promise<SearchOutcome> {
  const query = request.query.trim();
  const opts = options(request);
  if (query === '') {
    const all = (await api.search(null, opts)) ?? emptyResponse;
    return { query, missingWords: [], exactCount: 0, results: all.results, filters: all.filters };
  }

  const words = queryWords(query);
  const found = await Promise.all(words.map(async (word) => ((await api.search(word))?.results.length ?? 0) > 0));
  const missingWords = words.filter((_, i) => !found[i]);
  if (missingWords.length) {
    if (loadToSimplified && HAN.test(query)) {
      const simplified = (await loadToSimplified())(query);
      if (simplified !== query) {
        const outcome = await runSearch(api, { ...request, query: simplified });
        return { ...outcome, convertedFrom: query };
      }
    }
    return { query, missingWords, exactCount: 0, results: [], filters: {} };
  }

  const anded = (await api.search(query, opts)) ?? emptyResponse;
  const wantsPhrase = words.length > 1 && !query.includes('"') && (request.sort ?? 'relevance') === 'relevance';
  const exact = wantsPhrase ? ((await api.search(`"${query}"`, opts)) ?? emptyResponse) : emptyResponse;
  const exactIds = new Set(exact.results.map((r) => r.id));
  const rest = anded.results.filter((r) => !exactIds.has(r.id));
  return {
    query,
    missingWords: [],
    exactCount: exact.results.length,
    results: [...exact.results, ...rest],
    filters: anded.filters,
  };
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
