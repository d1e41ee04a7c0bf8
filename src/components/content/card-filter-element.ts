import { stringsFrom } from '../../client/strings.ts';

/**
 * Hides the `[data-filter-item]` elements inside it that do not match the chosen facets (radio groups or
 * drop-down lists, `data-facet` naming a data attribute of the items) and the typed words (`data-search`); a
 * `[data-filter-group]` with nothing left is hidden too. The state lives in the URL.
 */
class CardFilter extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form')!;
    const params = new URLSearchParams(location.search);
    for (const facet of form.querySelectorAll<HTMLElement>('[data-facet]')) {
      const value = params.get(facet.dataset['facet']!) ?? '';
      if (facet instanceof HTMLSelectElement) {
        if ([...facet.options].some((o) => o.value === value)) facet.value = value;
        continue;
      }
      const radio = facet.querySelector<HTMLInputElement>(`input[value="${CSS.escape(value)}"]`);
      if (radio) radio.checked = true;
    }
    const q = form.querySelector<HTMLInputElement>('input[name=q]');
    if (q) q.value = params.get('q') ?? '';
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('input', () => this.apply(true));
    this.apply(false);
  }

  apply(updateUrl: boolean) {
    const form = this.querySelector('form')!;
    const chosen = [...form.querySelectorAll<HTMLElement>('[data-facet]')].map((f) => {
      const value =
        f instanceof HTMLSelectElement ? f.value : (f.querySelector<HTMLInputElement>('input:checked')?.value ?? '');
      return [f.dataset['facet']!, value] as const;
    });
    const typed = form.querySelector<HTMLInputElement>('input[name=q]')?.value ?? '';
    const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of this.querySelectorAll<HTMLElement>('[data-filter-item]')) {
      const text = item.dataset['search'] ?? '';
      const visible =
        chosen.every(([name, value]) => !value || item.dataset[name] === value) && words.every((w) => text.includes(w));
      item.hidden = !visible;
      if (visible) shown++;
    }
    for (const group of this.querySelectorAll<HTMLElement>('[data-filter-group]')) {
      group.hidden = !group.querySelector('[data-filter-item]:not([hidden])');
    }
    const t = stringsFrom(this);
    const total = Number(this.dataset['total']);
    form.querySelector('.filter-count')!.textContent =
      shown === 0
        ? t(this.dataset['noneKey'] ?? '')
        : t(this.dataset['countKey'] ?? '', { n: shown, total });
    if (updateUrl) {
      const url = new URL(location.href);
      for (const [key, value] of [...chosen, ['q', words.join(' ')] as const]) {
        if (value) url.searchParams.set(key, value);
        else url.searchParams.delete(key);
      }
      history.replaceState(null, '', url);
    }
  }
}
customElements.define('card-filter', CardFilter);
