import { createQuickSearcher } from '../../lib/search/quick-search.ts';
import type { QuickSearcher } from '../../lib/search/quick-search.ts';
import type { QuickEntry, QuickIndex } from '../../lib/search/quick-types.ts';
import { fillSlots, slotParts } from '../../lib/search/slots.ts';
import { copyText } from '../../client/clipboard.ts';
import { announce } from '../../client/announce.ts';
import { el } from '../../client/dom.ts';
import { stringsFrom } from '../../client/strings.ts';
import type { Translate } from '../../client/strings.ts';
import { loadPalettePrefs, rememberCopy, rememberMiss, togglePin } from './palette-store.ts';

const INDEX_URL = '/quick-index.json';
const PREVIEW_URL = '/quick-preview.json';
let searcher: Promise<{ s: QuickSearcher; byUrl: Map<string, QuickEntry> }> | undefined;
let previews: Promise<Record<string, string[]>> | undefined;

function fetchJson<T>(url: string): Promise<T> {
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json() as Promise<T>;
  });
}

/** Fetched once per page and kept, so the palette keeps working if the network drops. */
function loadSearcher() {
  searcher ??= fetchJson<QuickIndex>(INDEX_URL)
    .then((index) => ({ s: createQuickSearcher(index), byUrl: new Map(index.entries.map((e) => [e.url, e])) }))
    .catch((e: unknown) => {
      searcher = undefined;
      throw e;
    });
  return searcher;
}

function loadPreviews() {
  previews ??= fetchJson<Record<string, string[]>>(PREVIEW_URL).catch(() => {
    previews = undefined;
    return {};
  });
  return previews;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** One row of the list: an entry, and for a phrase each alternative as its own copyable row. */
interface Option {
  entry: QuickEntry;
  copy?: string | undefined;
  kind: string;
  title: string;
  text: string;
  sub?: boolean;
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text).replace(/\n/g, ' ');

class QuickSearch extends HTMLElement {
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #list!: HTMLUListElement;
  #state!: HTMLElement;
  #preview!: HTMLElement;
  #fill!: HTMLFormElement;
  #options: Option[] = [];
  #active = -1;
  #returnFocus: HTMLElement | null = null;
  #labels: Record<string, string> = {};
  #t: Translate = (key) => key;
  #copied = false;
  #found = 0;

  connectedCallback() {
    this.#dialog = this.querySelector('dialog')!;
    this.#input = this.querySelector('input')!;
    this.#list = this.querySelector('ul')!;
    this.#state = this.querySelector('.qs-state')!;
    this.#preview = this.querySelector('.qs-preview')!;
    this.#fill = this.querySelector('.qs-fill')!;
    this.#labels = JSON.parse(this.dataset['labels'] ?? '{}') as Record<string, string>;
    this.#t = stringsFrom(this);

    document.addEventListener('keydown', (e) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
      if ((ctrlK || slash) && !this.#dialog.open) {
        e.preventDefault();
        this.open();
      }
    });
    for (const button of document.querySelectorAll('[data-open-quick-search]')) {
      button.addEventListener('click', () => this.open());
    }
    this.querySelector('.qs-close')!.addEventListener('click', () => this.#dialog.close());
    this.#dialog.addEventListener('close', () => this.#onClose());
    // Esc inside a preview or the fill form goes back to the results, not out of the palette.
    this.#dialog.addEventListener('cancel', (e) => {
      if (!this.#preview.hidden || !this.#fill.hidden) {
        e.preventDefault();
        this.#back();
      }
    });
    this.#dialog.addEventListener('click', (e) => {
      if (e.target === this.#dialog) this.#dialog.close();
    });
    this.#input.addEventListener('input', () => void this.#search());
    this.#input.addEventListener('keydown', (e) => this.#onKey(e));
    this.#list.addEventListener('click', (e) => {
      const option = (e.target as HTMLElement).closest<HTMLElement>('[role=option]');
      if (option) void this.#choose(Number(option.dataset['index']), e.shiftKey);
    });
    this.querySelector('.qs-preview-back')!.addEventListener('click', () => this.#back());
    this.querySelector('.qs-fill-back')!.addEventListener('click', () => this.#back());
    const warm = () => void loadSearcher().catch(() => undefined);
    if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 3000 });
    else setTimeout(warm, 1500);
  }

  open() {
    this.#returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.#copied = false;
    this.#showResults();
    this.#dialog.showModal();
    this.#input.select();
    void this.#search();
  }

  #onClose() {
    this.#input.setAttribute('aria-expanded', 'false');
    const query = this.#copied ? '' : this.#input.value.trim();
    if (query && !this.#copied) rememberMiss(query, this.#found ? 'no-copy' : 'none');
    this.#returnFocus?.focus();
  }

  #showResults() {
    this.#preview.hidden = true;
    this.#fill.hidden = true;
    this.#list.hidden = false;
    this.#input.hidden = false;
  }

  #back() {
    this.#showResults();
    this.#input.focus();
  }

  #sourceLabel(entry: QuickEntry): string {
    const s = entry.source;
    if (!s) return '';
    return s.kind === 'original'
      ? this.#t('qs.source.originalFrom', { document: s.document, section: s.section })
      : this.#t('qs.source.exampleFrom', { rule: s.rule });
  }

  async #search() {
    const query = this.#input.value;
    let loaded: Awaited<ReturnType<typeof loadSearcher>>;
    try {
      if (!searcher) this.#state.textContent = this.#t('qs.loading');
      loaded = await loadSearcher();
    } catch {
      this.#state.textContent = this.#t('qs.error');
      return;
    }
    if (query !== this.#input.value) return;
    if (!query.trim()) {
      this.#renderStart(loaded.byUrl);
      return;
    }
    const hits = loaded.s.search(query, 8);
    this.#found = hits.length;
    this.#render(hits.flatMap((h) => this.#optionsFor(h.entry)));
    this.#state.textContent = hits.length ? this.#t('qs.count', { n: hits.length }) : this.#t('qs.none');
  }

  #optionsFor(entry: QuickEntry, kind = this.#labels[entry.kind] ?? entry.kind): Option[] {
    if (entry.kind !== 'phrase') return [{ entry, kind, title: entry.title, text: entry.text, copy: entry.copy }];
    const alts = entry.alts ?? (entry.copy ? [entry.copy] : []);
    return alts.map((alt, i) => ({
      entry,
      kind: i === 0 ? kind : this.#t('qs.alt', { n: i + 1 }),
      title: i === 0 ? entry.title : '',
      text: `${this.#t('qs.instead')}${alt}`,
      copy: alt,
      sub: i > 0,
    }));
  }

  /** Opened empty: pinned scripts, then what was copied lately. */
  #renderStart(byUrl: Map<string, QuickEntry>) {
    const prefs = loadPalettePrefs();
    const pinned = prefs.pins.flatMap((url) => {
      const entry = byUrl.get(url);
      return entry ? this.#optionsFor(entry, this.#t('qs.pinned')) : [];
    });
    const recent = prefs.recent.flatMap((r) => {
      const entry = byUrl.get(r.url);
      if (!entry || prefs.pins.includes(r.url)) return [];
      return [{ entry, kind: this.#t('qs.recent'), title: entry.title, text: r.text, copy: r.text }];
    });
    this.#found = 0;
    this.#render([...pinned, ...recent]);
    this.#state.textContent = pinned.length + recent.length ? '' : this.#t('qs.emptyStart');
  }

  #render(options: Option[]) {
    this.#options = options;
    this.#list.replaceChildren(
      ...options.map((o, i) => {
        const li = el('li', { id: `qs-option-${i}`, className: o.sub ? 'qs-sub' : '' });
        li.setAttribute('role', 'option');
        li.dataset['index'] = String(i);
        li.dataset['kind'] = o.entry.kind;
        const parts = [el('span', { className: 'qs-kind' }, o.kind)];
        if (o.title) parts.push(el('span', { className: 'qs-title' }, o.title));
        parts.push(el('span', { className: 'qs-text' }, o.text));
        const source = o.sub ? '' : this.#sourceLabel(o.entry);
        if (source) parts.push(el('span', { className: 'qs-source muted' }, source));
        li.append(...parts);
        return li;
      }),
    );
    this.#input.setAttribute('aria-expanded', String(options.length > 0));
    this.#setActive(options.length ? 0 : -1);
  }

  #setActive(i: number) {
    this.#active = i;
    const options = this.#list.querySelectorAll<HTMLElement>('[role=option]');
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    if (i >= 0 && options[i]) {
      this.#input.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    } else {
      this.#input.removeAttribute('aria-activedescendant');
    }
  }

  #onKey(e: KeyboardEvent) {
    const n = this.#options.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      this.#setActive((this.#active + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      this.#setActive((this.#active - 1 + n) % n);
    } else if (e.key === 'Enter' && this.#active >= 0) {
      e.preventDefault();
      void this.#choose(this.#active, e.shiftKey);
    } else if (e.altKey && e.key.toLowerCase() === 'p' && this.#active >= 0) {
      const entry = this.#options[this.#active]?.entry;
      if (entry?.kind !== 'script') return;
      e.preventDefault();
      const pinned = togglePin(entry.url);
      announce(this.#t(pinned ? 'qs.pin' : 'qs.unpin', { label: entry.title }));
    }
  }

  /** Enter: copy what can be said, preview what can be read. Shift+Enter: open the page. */
  async #choose(i: number, leave: boolean) {
    const option = this.#options[i];
    if (!option) return;
    if (leave) {
      this.#returnFocus = null;
      this.#copied = true; // leaving on purpose is not a miss
      this.#dialog.close();
      location.assign(option.entry.url);
      return;
    }
    if (option.copy === undefined) {
      await this.#openPreview(option.entry);
      return;
    }
    if (slotParts(option.copy).some((p) => 'slot' in p)) this.#openFill(option.entry, option.copy);
    else await this.#copy(option.entry, option.copy);
  }

  async #copy(entry: QuickEntry, text: string) {
    const ok = await copyText(text);
    if (ok) {
      this.#copied = true;
      rememberCopy(entry.url, text);
    }
    // Done: the next open starts empty, showing what was copied lately.
    if (ok) this.#input.value = '';
    this.#dialog.close();
    announce(ok ? this.#t('qs.copied', { text: short(text) }) : this.#t('copy.failed'));
  }

  async #openPreview(entry: QuickEntry) {
    const lines = (await loadPreviews())[entry.url] ?? [];
    const title = this.#preview.querySelector<HTMLElement>('h3')!;
    title.textContent = entry.title;
    this.#preview.querySelector('.qs-preview-source')!.textContent = this.#labels[entry.kind] ?? '';
    this.#preview.querySelector<HTMLAnchorElement>('.qs-preview-link')!.href = entry.url;
    this.#preview.querySelector('.qs-preview-lines')!.replaceChildren(
      ...(lines.length ? lines : [this.#t('qs.previewNone')]).map((line) => {
        const li = el('li', {}, line);
        if (lines.length) {
          const b = el('button', { type: 'button', className: 'secondary' }, this.#t('copy.button'));
          b.setAttribute('aria-label', `${this.#t('qs.copyLine')}：${short(line)}`);
          b.addEventListener('click', () => void this.#copy(entry, line));
          li.append(b);
        }
        return li;
      }),
    );
    this.#list.hidden = true;
    this.#preview.hidden = false;
    title.focus();
  }

  #openFill(entry: QuickEntry, text: string) {
    const box = this.#fill.querySelector('.qs-fill-text')!;
    const inputs: HTMLInputElement[] = [];
    box.replaceChildren(
      ...slotParts(text).map((p) => {
        if (!('slot' in p)) return document.createTextNode(p.text);
        const input = el('input', { type: 'text', placeholder: p.hint, autocomplete: 'off' });
        input.setAttribute('aria-label', this.#t('qs.fillSlot', { n: p.slot + 1 }));
        inputs.push(input);
        return input;
      }),
    );
    this.#fill.onsubmit = (e) => {
      e.preventDefault();
      void this.#copy(
        entry,
        fillSlots(
          text,
          inputs.map((i) => i.value),
        ),
      );
    };
    this.#list.hidden = true;
    this.#fill.hidden = false;
    inputs[0]?.focus();
  }
}

customElements.define('quick-search', QuickSearch);
