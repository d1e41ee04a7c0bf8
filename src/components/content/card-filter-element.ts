import { stringsFrom } from '../../client/strings.ts';

/**
 * Hides the `[data-filter-item]` elements inside it that do not match the chosen facets (radio groups or
 * check boxes, `data-facet` naming a data attribute of the items) and the typed words (`data-search`); a
 * `[data-filter-group]` with nothing left is hidden too. The state lives in the URL.
 */
class CardFilter extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form')!;
    const params = new URLSearchParams(location.search);
    for (const facet of form.querySelectorAll<HTMLElement>('fieldset[data-facet]')) {
      const value = params.get(facet.dataset['facet']!);
      if (value === null) continue;
      const wanted = value.split(',');
      for (const input of facet.querySelectorAll<HTMLInputElement>('input')) {
        input.checked = input.type === 'checkbox' ? wanted.includes(input.value) : input.value === value;
      }
    }
    const q = form.querySelector<HTMLInputElement>('input[name=q]');
    if (q) q.value = params.get('q') ?? '';
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('input', () => this.apply(true));
    this.apply(false);
  }

  apply(updateUrl: boolean) {
    const form = this.querySelector('form')!;
    // Per facet: the values an item may have (null: any), and the URL value that restores the choice.
    const chosen = [...form.querySelectorAll<HTMLElement>('fieldset[data-facet]')].map((f) => {
      const inputs = [...f.querySelectorAll<HTMLInputElement>('input')];
      const checked = inputs.filter((i) => i.checked).map((i) => i.value);
      const any = f.dataset['control'] === 'checkbox' ? checked.length === inputs.length : checked[0] === '';
      return { name: f.dataset['facet']!, allowed: any ? null : checked, param: any ? '' : checked.join(',') || 'none' };
    });
    const typed = form.querySelector<HTMLInputElement>('input[name=q]')?.value ?? '';
    const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of this.querySelectorAll<HTMLElement>('[data-filter-item]')) {
      const text = item.dataset['search'] ?? '';
      const visible =
        chosen.every((c) => !c.allowed || c.allowed.includes(item.dataset[c.name] ?? '')) &&
        words.every((w) => text.includes(w));
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
      const state = [...chosen.map((c) => [c.name, c.param] as const), ['q', words.join(' ')] as const];
      for (const [key, value] of state) {
        if (value) url.searchParams.set(key, value);
        else url.searchParams.delete(key);
      }
      history.replaceState(null, '', url);
    }
  }
}
customElements.define('card-filter', CardFilter);
