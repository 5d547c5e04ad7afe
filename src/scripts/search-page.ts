/**
 * The search page in the browser: reads the request from the URL, runs exact search
 * (src/lib/search-engine.ts) over Pagefind, and renders results, excerpts, facet counts and the terms'
 * trend by year (src/scripts/search-trend-chart.ts). Every change is written back to the URL, so any
 * search can be bookmarked or shared.
 *
 * What loads: Pagefind's script, wasm and metadata (no worker), the search table (facets, ranking),
 * the index chunks of the query's bigrams, and one excerpt block per result shown — never a fragment.
 */
import {
  EXCERPT_BLOCK,
  FACETS,
  countFacets,
  escapeHtml,
  excerptBlockIndex,
  excerptPath,
  excerptText,
  highlight,
  mergeShards,
  inYearRange,
  openSearch,
  paramsFromRequest,
  requestFromParams,
  runSearch,
  type ExcerptBlock,
  type Facet,
  type FilterCounts,
  type PagefindApi,
  type SearchContext,
  type SearchRequest,
  type SearchOutcome,
  type SearchResult,
  type SearchTable,
} from '../lib/search-engine.ts';
import { createFolder, type Converter } from '../lib/search-text.ts';
import { chooseYear, searchTrend } from '../lib/search-trend.ts';
import { renderTrend } from './search-trend-chart.ts';

const FACET_LABELS: Record<Facet, string> = { region: '地区', year: '年份', topic: '主题' };
/** Region and year are single choices (a report has one of each); topics combine. */
const MULTIPLE: Record<Facet, boolean> = { region: false, year: false, topic: true };

interface PagefindModule {
  createInstance(
    options: Record<string, unknown>,
  ): PagefindApi & { init(): Promise<void>; mergeIndex(path: string): Promise<void> };
}

let converter: Promise<Converter> | undefined;
const loadToSimplified = () =>
  (converter ??= import('opencc-js/t2cn').then(({ Converter }) => Converter({ from: 't', to: 'cn' })));

/** A stored gzip file's JSON (served as a file, not with Content-Encoding, so the page unpacks it). */
async function readGzipJson<T>(response: Response): Promise<T> {
  if (!response.ok || !response.body) throw new Error(`${response.url}: ${response.status}`);
  return (await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).json()) as T;
}

/** The page's parts, all in src/pages/search.astro. */
interface PageParts {
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  /** The year range's ends (从 … 年 到 … 年). */
  from: HTMLSelectElement;
  to: HTMLSelectElement;
  facetsBox: HTMLElement;
  trend: HTMLElement;
  status: HTMLElement;
  list: HTMLOListElement;
}

function findParts(doc: Document): PageParts {
  const form = doc.querySelector<HTMLFormElement>('[data-search-form]')!;
  return {
    form,
    input: form.querySelector<HTMLInputElement>('input[name="q"]')!,
    sort: form.querySelector<HTMLSelectElement>('select[name="sort"]')!,
    from: form.querySelector<HTMLSelectElement>('select[name="from"]')!,
    to: form.querySelector<HTMLSelectElement>('select[name="to"]')!,
    facetsBox: form.querySelector<HTMLElement>('[data-facets]')!,
    trend: doc.querySelector<HTMLElement>('[data-trend]')!,
    status: doc.querySelector<HTMLElement>('[data-search-status]')!,
    list: doc.getElementById('search-results') as HTMLOListElement,
  };
}

/** What every search needs, loaded once: the engine's context, the table and the facets' totals. */
interface Loaded {
  context: SearchContext;
  table: SearchTable;
  totals: FilterCounts;
  loadBlock: (report: number, k: number) => Promise<ExcerptBlock>;
}

async function loadSearch(bundle: string): Promise<Loaded> {
  const [module, table] = await Promise.all([
    import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindModule>,
    fetch(`${bundle}search-table.json`).then((r) => r.json() as Promise<SearchTable>),
  ]);
  // No worker: one script less to fetch; the search itself takes milliseconds.
  const pagefind = module.createInstance({ noWorker: true });
  await pagefind.init();
  await mergeShards(pagefind, bundle, table);
  const context: SearchContext = await openSearch(pagefind, table, loadToSimplified);
  const totals = countFacets(table, table.year.keys());
  return { context, table, totals, loadBlock: excerptLoader(bundle) };
}

/** Loads excerpt blocks, each once however many renders ask for it. */
function excerptLoader(bundle: string): Loaded['loadBlock'] {
  const blocks = new Map<string, Promise<ExcerptBlock>>();
  return (report, k) => {
    const path = excerptPath(report, k);
    let block = blocks.get(path);
    if (!block) blocks.set(path, (block = fetch(`${bundle}${path}`).then((r) => readGzipJson<ExcerptBlock>(r))));
    return block;
  };
}

/** Years newest first; regions and topics by how many reports they hold (a province before its cities). */
function facetOrder(facet: Facet, all: Record<string, number>): string[] {
  return Object.keys(all).sort((a, b) =>
    facet === 'year' ? b.localeCompare(a) : (all[b] ?? 0) - (all[a] ?? 0) || a.localeCompare(b, 'zh-CN'),
  );
}

/**
 * Shows the request's year range in its two selects, whose options are the archive's years (and a
 * year from the URL that the archive lacks, so the select can show it).
 */
function showYearRange(parts: PageParts, years: readonly number[], request: SearchRequest) {
  for (const [select, year] of [
    [parts.from, request.from],
    [parts.to, request.to],
  ] as const) {
    const options = [...new Set([...years, ...(year === undefined ? [] : [year])])].sort((a, b) => a - b);
    select.replaceChildren(new Option('不限', ''), ...options.map((y) => new Option(String(y), String(y))));
    select.value = year === undefined ? '' : String(year);
  }
}

/** One choice of a facet: `value` '' is 全部 (no filter), shown without a count. */
function facetChoice(doc: Document, facet: Facet, value: string, count: number | undefined, chosen: string[]) {
  const id = `facet-${facet}-${value || 'all'}`;
  const label = doc.createElement('label');
  label.htmlFor = id;
  const inputType = MULTIPLE[facet] ? 'checkbox' : 'radio';
  const checked = (value ? chosen.includes(value) : chosen.length === 0) ? ' checked' : '';
  const countHtml = count === undefined ? '' : ` <span class="muted">(${count})</span>`;
  label.innerHTML =
    `<input type="${inputType}" id="${escapeHtml(id)}" name="${facet}" value="${escapeHtml(value)}"${checked}> ` +
    `${value ? escapeHtml(value) : '全部'}${countHtml}`;
  return label;
}

/** A fieldset per facet, every value the archive holds with its count among this search's results. */
function renderFacets(
  doc: Document,
  box: HTMLElement,
  totals: FilterCounts,
  counts: FilterCounts,
  request: SearchRequest,
) {
  box.replaceChildren();
  for (const facet of FACETS) {
    // Within a year range, only its years can be chosen (a year outside it is dropped).
    const values = facetOrder(facet, totals[facet]).filter((v) => facet !== 'year' || inYearRange(Number(v), request));
    if (!values.length) continue;
    const fieldset = doc.createElement('fieldset');
    fieldset.innerHTML = `<legend>${FACET_LABELS[facet]}</legend>`;
    const chosen = request.filters?.[facet] ?? [];
    for (const value of MULTIPLE[facet] ? values : ['', ...values]) {
      const count = value ? (counts[facet][value] ?? 0) : undefined;
      fieldset.append(facetChoice(doc, facet, value, count, chosen));
    }
    box.append(fieldset);
  }
}

/** How the words of a search are matched in titles and excerpts. */
interface Matching {
  terms: string[];
  fold: (text: string) => string;
}

/**
 * The excerpt block to show for a result: the one with its first match. A one-character term's body
 * position is unknown: look on in the next blocks, within the render's budget.
 */
async function excerptBlockOf(
  loaded: Loaded,
  result: SearchResult,
  { terms, fold }: Matching,
  budget: { blocks: number },
): Promise<ExcerptBlock> {
  let k = excerptBlockIndex(result);
  let block = await loaded.loadBlock(result.report, k);
  const blockCount = Math.ceil(loaded.table.length[result.report]! / EXCERPT_BLOCK);
  while (
    result.offset === undefined &&
    !result.titleHit &&
    terms.length &&
    !highlight(block.text, terms, fold).marks &&
    k + 1 < blockCount &&
    budget.blocks-- > 0
  ) {
    block = await loaded.loadBlock(result.report, ++k);
  }
  return block;
}

/** A result's list item: title, region · year, excerpt with the matched characters marked. */
async function renderResult(
  doc: Document,
  loaded: Loaded,
  result: SearchResult,
  matching: Matching,
  budget: { blocks: number },
): Promise<HTMLLIElement> {
  const { terms, fold } = matching;
  const block = await excerptBlockOf(loaded, result, matching, budget);
  const { table } = loaded;
  const li = doc.createElement('li');
  li.className = 'search-result';
  const title = highlight(block.title, terms, fold).html;
  const excerpt = highlight(excerptText(block, terms, fold, result.offset), terms, fold).html;
  const region = table.regions[table.region[result.report]!.at(-1)!] ?? '';
  li.innerHTML =
    `<h2 class="search-result__title"><a href="${escapeHtml(block.url)}">${title}</a></h2>` +
    `<p class="search-result__meta muted">${escapeHtml(region)} · ${table.year[result.report]}年</p>` +
    `<p class="search-result__excerpt">${excerpt}</p>`;
  return li;
}

/** The status line: what was searched for and how many reports were found, or why none were. */
function statusText(outcome: SearchOutcome, request: SearchRequest): string {
  const total = outcome.results.length;
  const parts: string[] = [];
  if (outcome.convertedFrom) parts.push(`已将“${outcome.convertedFrom}”按简体“${outcome.terms.join(' ')}”检索。`);
  if (outcome.missingTerms.length) parts.push(`档案中没有“${outcome.missingTerms.join('”“')}”，因此没有结果。`);
  else if (!outcome.unfilteredCount) parts.push(`没有同时包含“${outcome.terms.join('”“')}”的报道。`);
  else if (!total) parts.push(`有 ${outcome.unfilteredCount} 篇报道包含检索词，但所选筛选条件下没有结果。`);
  else
    parts.push(
      request.query.trim() || Object.keys(request.filters ?? {}).length || request.from || request.to
        ? `共 ${total} 篇报道。`
        : `全部 ${total} 篇报道。`,
    );
  return parts.join('');
}

/** The 显示更多 button below the results, as a list item. */
function moreButton(doc: Document, remaining: number, onClick: () => void): HTMLLIElement {
  const li = doc.createElement('li');
  const more = doc.createElement('button');
  more.type = 'button';
  more.textContent = `显示更多（还有 ${remaining} 篇）`;
  more.addEventListener('click', onClick);
  li.append(more);
  return li;
}

/** The trend of the search's terms, its years linked to the results of each (none without terms). */
function showTrend(
  doc: Document,
  parts: PageParts,
  table: SearchTable,
  outcome: SearchOutcome,
  request: SearchRequest,
  apply: (request: SearchRequest) => void,
) {
  const trend = outcome.terms.length ? searchTrend(table, request, outcome.terms, outcome.termReports) : undefined;
  const chosenYears = request.filters?.year ?? [];
  renderTrend(doc, parts.trend, trend, {
    chosen: (year) =>
      chosenYears.length
        ? chosenYears.includes(String(year))
        : (request.from !== undefined || request.to !== undefined) && inYearRange(year, request),
    href: (year) => `?${paramsFromRequest(chooseYear(request, year))}`,
    onYear: (year) => apply(chooseYear(request, year)),
  });
}

/** The request the form states: its non-empty fields read as URL parameters are. */
function readForm(form: HTMLFormElement): SearchRequest {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const [key, value] of data) if (typeof value === 'string' && value !== '') params.append(key, value);
  return requestFromParams(params);
}

export async function startSearchPage(doc: Document, base: string): Promise<void> {
  const parts = findParts(doc);
  const { form, input, sort, status, list } = parts;
  /** Results shown at first and per 显示更多 (the page says 10); each loads one excerpt block. */
  const PAGE = Number(list.dataset.pageSize) || 10;
  const loaded = await loadSearch(`${base}pagefind/`);
  const foldBasic = createFolder();
  const years = [...new Set(loaded.table.year)].sort((a, b) => a - b);

  let request = requestFromParams(new URLSearchParams(location.search));
  let shown = PAGE;
  let searchId = 0;

  const render = async () => {
    const id = ++searchId;
    input.value = request.query;
    sort.value = request.sort ?? 'relevance';
    showYearRange(parts, years, request);
    status.textContent = '正在检索……';
    list.dataset.state = 'loading';
    const outcome = await runSearch(loaded.context, request);
    // Converted terms are matched in the index's folding, traditional characters included.
    const fold = outcome.convertedFrom ? createFolder(await loadToSimplified()) : foldBasic;
    // At most one extra excerpt block per result shown: never more than 2 × PAGE loads for a page of results.
    const budget = { blocks: PAGE };
    const matching = { terms: outcome.terms, fold };
    const items = await Promise.all(
      outcome.results.slice(0, shown).map((r) => renderResult(doc, loaded, r, matching, budget)),
    );
    // A later search has started meanwhile: its render shows, not this one.
    if (id !== searchId) return;
    renderFacets(doc, parts.facetsBox, loaded.totals, outcome.facets, request);
    showTrend(doc, parts, loaded.table, outcome, request, apply);
    list.replaceChildren(...items);
    const total = outcome.results.length;
    status.textContent = statusText(outcome, request);
    list.dataset.total = String(total);
    list.dataset.state = 'ready';
    if (total > shown) {
      list.append(
        moreButton(doc, total - shown, () => {
          shown += PAGE;
          void render();
        }),
      );
    }
  };

  // Every change goes into the URL (replacing, not adding, a history entry), so a search can be shared.
  function apply(next: SearchRequest) {
    request = next;
    shown = PAGE;
    const query = paramsFromRequest(request).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    void render();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(readForm(form));
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) apply(readForm(form));
  });
  await render();
}
