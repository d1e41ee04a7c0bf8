import { excerptSegments } from '../../lib/search/excerpt.ts';
import { stringsFrom } from '../../client/strings.ts';
import type { Translate } from '../../client/strings.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    q: string,
    o?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const PAGE_SIZE = 20;

/** Full-text search over Pagefind's index of the built site, with type and category filters. */
class KbSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #runId = 0;
  #t: Translate = (key) => key;

  connectedCallback() {
    this.#t = stringsFrom(this);
    const form = this.querySelector('form')!;
    const input = this.querySelector<HTMLInputElement>('input[type=search]')!;
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#syncUrl();
      void this.#run();
    });
    input.addEventListener('input', () => void this.#run());
    if (input.value) void this.#run();
    // Filters arrive with the index; a query with filters in the URL reruns once they are set.
    void this.#setupFilters(params);
  }

  #load(): Promise<Pagefind> {
    // The path only exists in the built site, so keep the bundler from resolving it.
    const path = '/pagefind/pagefind.js';
    this.#pagefind ??= import(/* @vite-ignore */ path).then(async (pf: Pagefind) => {
      await pf.options({ excerptLength: 40 });
      return pf;
    });
    return this.#pagefind;
  }

  async #setupFilters(params: URLSearchParams) {
    let all: Record<string, Record<string, number>>;
    try {
      all = await (await this.#load()).filters();
    } catch {
      return;
    }
    const labels = JSON.parse(this.dataset['filterLabels'] ?? '{}') as Record<string, string>;
    const box = this.querySelector('.filters')!;
    for (const key of Object.keys(labels)) {
      const values = Object.keys(all[key] ?? {});
      if (values.length < 2) continue;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = labels[key] ?? key;
      const options = document.createElement('div');
      options.className = 'filter-options';
      for (const value of ['', ...values.sort()]) {
        const label = document.createElement('label');
        const radio = document.createElement('input');
        radio.type = 'radio';
        radio.name = key;
        radio.value = value;
        radio.checked = value === (params.get(key) ?? '');
        radio.addEventListener('change', () => {
          this.#syncUrl();
          void this.#run();
        });
        label.append(radio, ' ', value || (this.dataset['allLabel'] ?? ''));
        options.append(label);
      }
      fieldset.append(legend, options);
      box.append(fieldset);
    }
    if (params.get('q')) void this.#run();
  }

  #selectedFilters(): Record<string, string> {
    const selected: Record<string, string> = {};
    for (const radio of this.querySelectorAll<HTMLInputElement>('.filters input[type=radio]:checked')) {
      if (radio.value) selected[radio.name] = radio.value;
    }
    return selected;
  }

  #syncUrl() {
    const q = this.querySelector<HTMLInputElement>('input[type=search]')!.value.trim();
    const url = new URL(location.href);
    url.searchParams.set('q', q);
    const filters = this.#selectedFilters();
    for (const radio of this.querySelectorAll<HTMLInputElement>('.filters input[type=radio]')) {
      if (filters[radio.name]) url.searchParams.set(radio.name, filters[radio.name]!);
      else url.searchParams.delete(radio.name);
    }
    history.replaceState(null, '', url);
  }

  async #run() {
    const runId = ++this.#runId;
    const query = this.querySelector<HTMLInputElement>('input[type=search]')!.value.trim();
    const status = this.querySelector('.search-status')!;
    const list = this.querySelector('.search-results')!;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = this.#t('search.loading');
    try {
      const pagefind = await this.#load();
      const search = await pagefind.search(query, { filters: this.#selectedFilters() });
      if (runId !== this.#runId || !search) return;
      const data = await Promise.all(search.results.slice(0, PAGE_SIZE).map((r) => r.data()));
      if (runId !== this.#runId) return;
      list.replaceChildren(...data.map((d) => this.#renderResult(d)));
      status.textContent = data.length
        ? this.#t('search.resultsCount', { n: search.results.length })
        : this.#t('search.noResults', { q: query });
    } catch {
      if (runId === this.#runId) status.textContent = this.#t('search.error');
    }
  }

  #renderResult(d: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = d.url;
    link.textContent = d.meta['title'] ?? d.url;
    const type = document.createElement('span');
    type.className = 'badge';
    type.textContent = [d.filters['type']?.[0], d.filters['category']?.[0]].filter(Boolean).join(' · ');
    const excerpt = document.createElement('p');
    for (const seg of excerptSegments(d.excerpt)) {
      excerpt.append(seg.mark ? Object.assign(document.createElement('mark'), { textContent: seg.text }) : seg.text);
    }
    const heading = document.createElement('h2');
    heading.append(link, ' ', type);
    li.append(heading, excerpt);
    return li;
  }
}
customElements.define('kb-search', KbSearch);
