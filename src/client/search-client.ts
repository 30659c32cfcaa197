/**
 * The search page in the browser: reads the query and filters from the URL, runs
 * src/model/search/query.ts over Pagefind (loaded from the site's own base path),
 * renders results and facets, and writes every change back to the URL so a search
 * can be shared and reloaded.
 */
import { countFacets, facetKeys, facetLookup, filterHits, orderByYear, type FacetCounts, type FacetLookup, type FacetTable, type FacetValues } from '../model/search/facets.ts';
import { excerpt, preloadQuery, search, type Hit, type PagefindLike } from '../model/search/query.ts';
import { mergeShards, type MergingPagefind } from '../model/search/shards.ts';
import { isPinyinQuery, suggestions, synonymIndex } from '../model/search/suggest.ts';
import type { VocabularyWord } from '../model/enrichment.ts';
import { strings } from '../components/search/search-strings.ts';

const pageSize = 20;
/** About what one screen shows: the page appends these before the rest of a page of results. */
const firstScreen = 10;
/** A pause in typing this long starts loading what the words in the box need. */
const preloadDelayMs = 80;

interface PagefindModule extends PagefindLike, MergingPagefind {
  init: () => Promise<void>;
  options: (options: Record<string, unknown>) => Promise<void>;
}

export interface SearchState {
  query: string;
  filters: Record<string, string[]>;
  sort: '' | 'year-desc' | 'year-asc';
}

export function readState(params: URLSearchParams): SearchState {
  const filters: Record<string, string[]> = {};
  for (const key of facetKeys) {
    const values = params.getAll(key).filter((value) => value.length > 0);
    if (values.length > 0) filters[key] = values;
  }
  const sort = params.get('sort');
  return { query: params.get('q') ?? '', filters, sort: sort === 'year-desc' || sort === 'year-asc' ? sort : '' };
}

export function writeState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.length > 0) params.set('q', state.query);
  for (const key of facetKeys) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort !== '') params.set('sort', state.sort);
  return params;
}

function element<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (found === null) throw new Error(`search page: ${selector} missing`);
  return found;
}

export function start(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (root === null) return;
  const base = root.dataset['base'] ?? '/';
  const dictionary = JSON.parse(root.dataset['dictionary'] ?? '[]') as string[];
  const facetValues = JSON.parse(root.dataset['facets'] ?? '{}') as Partial<FacetValues>;
  const synonyms = synonymIndex(JSON.parse(root.dataset['synonyms'] ?? '[]') as string[][]);
  const form = element<HTMLFormElement>(root, '[data-search-form]');
  const input = element<HTMLInputElement>(root, '[data-search-input]');
  const sortSelect = element<HTMLSelectElement>(root, '[data-search-sort]');
  const status = element<HTMLElement>(root, '[data-search-status]');
  const list = element<HTMLOListElement>(root, '[data-search-results]');
  const more = element<HTMLButtonElement>(root, '[data-search-more]');
  const suggestionLine = element<HTMLElement>(root, '[data-search-suggestions]');
  const clear = element<HTMLButtonElement>(root, '[data-search-clear]');
  // On a phone the facets fold behind one button that says how many are chosen, so the results come first.
  const toggle = element<HTMLButtonElement>(root, '[data-search-facets-toggle]');
  const panel = element<HTMLElement>(root, '[data-search-facets]');
  toggle.hidden = false;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel.classList.toggle('open', open);
  });
  const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  const segment = segmenter === null ? undefined : (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

  let pagefind: Promise<PagefindModule> | null = null;
  const loadPagefind = (): Promise<PagefindModule> => {
    pagefind ??= (async () => {
      const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
      // noWorker: Pagefind's worker script (43 KB) repeats the code pagefind.js already has; a search here is
      // milliseconds of WebAssembly, which the main thread, idle while the reader waits, can spare.
      await module.options({ baseUrl: '/', noWorker: true });
      await module.init();
      await mergeShards(module, `${base}pagefind/`);
      return module;
    })();
    return pagefind;
  };

  let state = readState(new URLSearchParams(location.search));
  let generation = 0;
  let hits: Hit[] = [];
  let terms: string[] = [];
  let shown = 0;
  // The facet table (facets.ts) is fetched on the first query that has results, after they are shown,
  // or before them when the query is filtered or sorted by year, which only the table can do.
  let facets: Promise<FacetLookup | null> | null = null;
  const loadFacets = (): Promise<FacetLookup | null> => {
    facets ??= (async () => {
      const response = await fetch(`${base}pagefind/facets.json.gz`);
      if (!response.ok) return null;
      const bytes = new Uint8Array(await response.arrayBuffer());
      // A host may serve .gz with Content-Encoding: gzip, and the browser has then unpacked it already.
      const packed = bytes[0] === 0x1f && bytes[1] === 0x8b;
      const text = packed ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : new TextDecoder().decode(bytes);
      return facetLookup(JSON.parse(text) as FacetTable);
    })().catch(() => null);
    return facets;
  };
  // The atlas's words with their pinyin (/search/vocabulary.json), fetched by the first query that needs them.
  let vocabulary: Promise<VocabularyWord[]> | null = null;
  const loadVocabulary = (): Promise<VocabularyWord[]> => {
    vocabulary ??= fetch(`${base}search/vocabulary.json`)
      .then((response) => (response.ok ? (response.json() as Promise<Array<[string, string, string, number]>>) : []))
      .then((rows) => rows.map(([word, pinyin, initials, items]) => ({ word, pinyin, initials, items })))
      .catch(() => []);
    return vocabulary;
  };
  /** Offers the words a query typed in pinyin reads as, or the nearest words to one nothing contains as typed. */
  const renderSuggestions = (query: string, offered: readonly string[]): void => {
    suggestionLine.replaceChildren();
    suggestionLine.hidden = offered.length === 0;
    if (offered.length === 0) return;
    suggestionLine.append(isPinyinQuery(query) ? strings.byPinyin(query.trim()) : strings.didYouMean);
    offered.forEach((word, index) => {
      const link = document.createElement('a');
      link.href = `${location.pathname}?${writeState({ ...state, query: word }).toString()}`;
      link.textContent = word;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        state = { ...state, query: word };
        commit(true);
      });
      suggestionLine.append(index === 0 ? '' : '、', link);
    });
  };

  const setState = (value: 'ready' | 'searching' | 'results' | 'counted'): void => {
    root.dataset['searchState'] = value;
  };

  /**
   * `counts` null: every value, without counts (no query, or counts still loading).
   * With counts, a value no hit has is left out unless it is chosen, and a facet
   * with nothing to offer with it.
   */
  const renderFacets = (counts: FacetCounts | null): void => {
    let chosen = 0;
    for (const key of facetKeys) {
      const fieldset = element<HTMLFieldSetElement>(root, `[data-facet="${key}"]`);
      const options = element<HTMLElement>(fieldset, '[data-facet-options]');
      const values = [...(facetValues[key] ?? [])].sort((a, b) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')));
      const labels = values.flatMap((value) => {
        const checked = state.filters[key]?.includes(value) ?? false;
        const count = counts === null ? null : (counts[key]?.[value] ?? 0);
        if (count === 0 && !checked) return [];
        if (checked) chosen += 1;
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = key;
        box.value = value;
        box.setAttribute('form', 'search-form');
        box.checked = checked;
        const name = document.createElement('span');
        name.textContent = value;
        label.append(box, name);
        if (count !== null) {
          const tally = document.createElement('span');
          tally.className = 'facet-count';
          tally.textContent = `（${count}）`;
          label.append(tally);
        }
        return [label];
      });
      fieldset.hidden = labels.length === 0;
      options.replaceChildren(...labels);
    }
    clear.hidden = chosen === 0;
    toggle.textContent = strings.filtersActive(chosen);
  };

  const renderHit = async (hit: Hit): Promise<HTMLLIElement> => {
    const fragment = await hit.data();
    const item = document.createElement('li');
    const heading = document.createElement('a');
    heading.href = fragment.url;
    const isPlan = fragment.meta['type'] === 'plan';
    const label = fragment.meta['label'] ?? '';
    heading.textContent = isPlan ? `${strings.plan}：${fragment.meta['title'] ?? ''}` : `${label}${fragment.meta['title'] ?? ''}`;
    const meta = document.createElement('p');
    meta.className = 'search-meta';
    meta.textContent = [isPlan ? null : fragment.meta['plan'], fragment.meta['region'], fragment.meta['year'] ? `${fragment.meta['year']}年` : null]
      .filter((part): part is string => typeof part === 'string' && part.length > 0)
      .join(' · ');
    const text = document.createElement('p');
    text.className = 'search-excerpt';
    for (const segment of excerpt(fragment.meta['text'] ?? '', terms)) {
      if (segment.mark) {
        const mark = document.createElement('mark');
        mark.textContent = segment.text;
        text.append(mark);
      } else text.append(segment.text);
    }
    item.append(heading, meta, text);
    return item;
  };

  /**
   * Appends the next page of results: the first screen of them as soon as its
   * fragments are in, then the rest of the page, whose fragments are asked for only
   * then, so that on a connection shared among requests (HTTP/2, a slow line) the
   * first screen does not wait behind results further down.
   */
  const showMore = async (run: number, onFirstScreen?: () => void): Promise<void> => {
    const page = hits.slice(shown, shown + pageSize);
    for (const [index, part] of [page.slice(0, firstScreen), page.slice(firstScreen)].entries()) {
      const items = await Promise.all(part.map(renderHit));
      if (run !== generation) return;
      list.append(...items);
      shown += items.length;
      more.hidden = shown >= hits.length;
      if (index === 0) onFirstScreen?.();
    }
  };

  const run = async (): Promise<void> => {
    const current = ++generation;
    input.value = state.query;
    sortSelect.value = state.sort;
    list.replaceChildren();
    more.hidden = true;
    renderSuggestions('', []);
    hits = [];
    shown = 0;
    if (state.query.trim() === '') {
      status.textContent = strings.empty;
      renderFacets(null);
    }
    let engine: PagefindModule;
    try {
      // Loaded as the page opens, so a first query does not wait for Pagefind's script, WebAssembly and metadata.
      engine = await loadPagefind();
    } catch {
      status.textContent = strings.failed;
      return;
    }
    if (state.query.trim() === '') {
      setState('ready');
      return;
    }
    status.textContent = strings.loading;
    setState('searching');
    const context = { dictionary, synonyms, ...(segment ? { segment } : {}) };
    const outcome = await search(engine, state.query, context);
    if (current !== generation) return;
    const filtered = facetKeys.some((key) => (state.filters[key] ?? []).length > 0);
    let lookup: FacetLookup | null = null;
    hits = outcome.hits;
    if (hits.length > 0 && (filtered || state.sort !== '')) {
      lookup = await loadFacets();
      if (current !== generation) return;
      if (lookup === null) {
        status.textContent = strings.failed;
        setState('counted');
        return;
      }
      hits = filterHits(lookup, hits, state.filters);
      if (state.sort !== '') hits = orderByYear(lookup, hits, state.sort === 'year-desc' ? 'desc' : 'asc');
    }
    terms = [...outcome.terms, ...outcome.synonyms.flatMap((entry) => entry.also)];
    const complete = hits.filter((hit) => hit.matched === outcome.terms.length).length;
    status.textContent =
      hits.length === 0
        ? strings.noResults(state.query.trim())
        : outcome.relaxed
          ? `${strings.relaxed(outcome.terms)}：${strings.found(hits.length)}`
          : strings.found(hits.length) + strings.complete(complete, outcome.terms.length) + strings.withSynonyms(outcome.synonyms);
    // Past the exact words: a query in pinyin, or one nothing contains as typed, is offered the atlas's own words.
    if (outcome.hits.length === 0 || outcome.relaxed || isPinyinQuery(state.query)) {
      const words = await loadVocabulary();
      if (current !== generation) return;
      renderSuggestions(state.query, suggestions(state.query, { words }));
    }
    renderFacets(null);
    await showMore(current, () => setState('results'));
    if (current !== generation) return;
    // A query without hits has nothing to count: it does not fetch the table for that.
    lookup ??= outcome.hits.length > 0 || facets !== null ? await loadFacets() : null;
    if (current !== generation) return;
    if (lookup !== null) renderFacets(countFacets(lookup, outcome.hits.map((hit) => hit.id), state.filters));
    setState('counted');
  };

  const commit = (push: boolean): void => {
    const params = writeState(state).toString();
    const url = `${location.pathname}${params === '' ? '' : `?${params}`}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    void run();
  };

  const stateFromForm = (): SearchState => {
    const filters: Record<string, string[]> = {};
    for (const box of root.querySelectorAll<HTMLInputElement>('[data-facet] input:checked')) (filters[box.name] ??= []).push(box.value);
    const sort = sortSelect.value;
    return { query: input.value, filters, sort: sort === 'year-desc' || sort === 'year-asc' ? sort : '' };
  };

  // While the reader types (an IME commits whole words), the index chunks of what is in the box are loaded,
  // so pressing Enter leaves the search only its computing. data-search-preloaded names what was loaded.
  let preloadTimer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(preloadTimer);
    preloadTimer = setTimeout(() => {
      const text = input.value;
      if (text.trim() === '') return;
      void loadPagefind()
        .then((engine) => preloadQuery(engine, text))
        .then(() => {
          root.dataset['searchPreloaded'] = text;
        })
        .catch(() => undefined);
    }, preloadDelayMs);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = stateFromForm();
    commit(true);
  });
  sortSelect.addEventListener('change', () => {
    state = stateFromForm();
    commit(false);
  });
  root.addEventListener('change', (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'checkbox') return;
    state = stateFromForm();
    commit(false);
  });
  clear.addEventListener('click', () => {
    state = { ...state, filters: {} };
    commit(false);
    input.focus();
  });
  more.addEventListener('click', () => {
    const focusIndex = shown;
    void showMore(generation).then(() => list.querySelectorAll('a')[focusIndex]?.focus());
  });
  // ↓ from the box or a result moves to the next result, ↑ to the previous one (or back to the box).
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll('a')];
    const at = event.target instanceof HTMLAnchorElement ? links.indexOf(event.target) : event.target === input ? -1 : null;
    if (at === null || (at === -1 && event.key === 'ArrowUp')) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  });
  window.addEventListener('popstate', () => {
    state = readState(new URLSearchParams(location.search));
    void run();
  });

  void run();
}
