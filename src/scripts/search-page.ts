/**
 * The search page in the browser: reads the request from the URL, runs the archive's search rules
 * (src/lib/search-engine.ts) over Pagefind, and renders results and facet counts. Every change is
 * written back to the URL, so any search can be bookmarked or shared.
 */
import {
  FACETS,
  paramsFromRequest,
  requestFromParams,
  runSearch,
  type FilterCounts,
  type PagefindApi,
  type SearchRequest,
} from '../lib/search-engine';

const FACET_LABELS: Record<(typeof FACETS)[number], string> = { region: '地区', year: '年份', topic: '主题' };
/** Region and year are single choices (a report has one of each); topics combine. */
const MULTIPLE: Record<(typeof FACETS)[number], boolean> = { region: false, year: false, topic: true };
/** Results shown at first and per 显示更多: each one loads its page's fragment (the excerpt). */
const PAGE = 10;

interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
}

const loadToSimplified = async () => {
  const { Converter } = await import('opencc-js/t2cn');
  return Converter({ from: 't', to: 'cn' });
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startSearchPage(doc: Document, base: string): Promise<void> {
  const form = doc.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const facetsBox = form.querySelector<HTMLElement>('[data-facets]')!;
  const status = doc.querySelector<HTMLElement>('[data-search-status]')!;
  const list = doc.getElementById('search-results') as HTMLOListElement;

  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
  await pagefind.options({ excerptLength: 40 });
  const allFilters = await pagefind.filters();

  let request = requestFromParams(new URLSearchParams(location.search));
  let shown = PAGE;

  const renderFacets = (counts: FilterCounts) => {
    facetsBox.replaceChildren();
    for (const facet of FACETS) {
      // Years newest first; regions and topics by how many reports they hold (a province before its cities).
      const totals = allFilters[facet] ?? {};
      const values = Object.keys(totals).sort((a, b) =>
        facet === 'year' ? b.localeCompare(a) : (totals[b] ?? 0) - (totals[a] ?? 0) || a.localeCompare(b, 'zh-CN'),
      );
      if (!values.length) continue;
      const fieldset = doc.createElement('fieldset');
      fieldset.innerHTML = `<legend>${FACET_LABELS[facet]}</legend>`;
      const chosen = request.filters?.[facet] ?? [];
      const options = MULTIPLE[facet] ? values : ['', ...values];
      for (const value of options) {
        const id = `facet-${facet}-${value || 'all'}`;
        const count = value ? (counts[facet]?.[value] ?? 0) : undefined;
        const label = doc.createElement('label');
        label.htmlFor = id;
        label.innerHTML = `<input type="${MULTIPLE[facet] ? 'checkbox' : 'radio'}" id="${escapeHtml(id)}" name="${facet}" value="${escapeHtml(value)}"${
          (value ? chosen.includes(value) : chosen.length === 0) ? ' checked' : ''
        }> ${value ? escapeHtml(value) : '全部'}${count === undefined ? '' : ` <span class="muted">(${count})</span>`}`;
        fieldset.append(label);
      }
      facetsBox.append(fieldset);
    }
  };

  const render = async () => {
    input.value = request.query;
    sort.value = request.sort ?? 'relevance';
    status.textContent = '正在检索……';
    list.dataset.state = 'loading';
    const outcome = await runSearch(pagefind, request, loadToSimplified);
    renderFacets(outcome.filters);
    const results = outcome.results.slice(0, shown);
    const items = await Promise.all(results.map((r) => r.data()));
    list.replaceChildren(
      ...items.map((data) => {
        const li = doc.createElement('li');
        li.className = 'search-result';
        li.innerHTML = `<h2 class="search-result__title"><a href="${escapeHtml(data.url)}">${escapeHtml(
          data.meta.title ?? data.url,
        )}</a></h2><p class="search-result__meta muted">${escapeHtml(data.meta.region ?? '')} · ${escapeHtml(
          data.meta.year ?? '',
        )}年</p><p class="search-result__excerpt">${data.excerpt}</p>`;
        return li;
      }),
    );
    const parts: string[] = [];
    if (outcome.convertedFrom) parts.push(`已将“${outcome.convertedFrom}”按简体“${outcome.query}”检索。`);
    if (outcome.missingWords.length) parts.push(`档案中没有“${outcome.missingWords.join('”“')}”，因此没有结果。`);
    else parts.push(request.query || Object.keys(request.filters ?? {}).length ? `共 ${outcome.results.length} 篇报道。` : `全部 ${outcome.results.length} 篇报道。`);
    if (request.query && outcome.results.length && !outcome.exactCount) {
      parts.push('没有报道包含完整的检索词，以下报道分别包含其中每个词。');
    }
    status.textContent = parts.join('');
    list.dataset.state = 'ready';
    if (outcome.results.length > shown) {
      const li = doc.createElement('li');
      const more = doc.createElement('button');
      more.type = 'button';
      more.textContent = `显示更多（还有 ${outcome.results.length - shown} 篇）`;
      more.addEventListener('click', () => {
        shown += PAGE;
        void render();
      });
      li.append(more);
      list.append(li);
    }
  };

  const readForm = (): SearchRequest => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [key, value] of data) if (typeof value === 'string' && value !== '') params.append(key, value);
    return requestFromParams(params);
  };

  const update = () => {
    request = readForm();
    shown = PAGE;
    const query = paramsFromRequest(request).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    void render();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) update();
  });
  await render();
}
