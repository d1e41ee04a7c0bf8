import { stringsFrom } from '../../client/strings.ts';

/**
 * Hides the `[data-filter-item]` elements inside it that do not match the chosen facets (radio groups
 * whose name is a data attribute of the items) and the typed words (`data-search`); a
 * `[data-filter-group]` with nothing left is hidden too. The state lives in the URL.
 */
class CardFilter extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form')!;
    const params = new URLSearchParams(location.search);
    for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
      const name = fieldset.dataset['facet']!;
      const value = params.get(name) ?? '';
      const radio = fieldset.querySelector<HTMLInputElement>(`input[value="${CSS.escape(value)}"]`);
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
    const chosen = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')].map((f) => {
      const name = f.dataset['facet']!;
      return [name, f.querySelector<HTMLInputElement>('input:checked')?.value ?? ''] as const;
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
