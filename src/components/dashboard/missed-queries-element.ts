import { aggregateMisses } from '../../lib/search/missed-queries.ts';
import type { SearchMiss } from '../../lib/search/missed-queries.ts';
import { el } from '../../client/dom.ts';

/** What the panel needs of each imported progress file. */
export interface FileWithMisses {
  searchMisses?: readonly SearchMiss[] | undefined;
}

/**
 * The trainer dashboard's "most-missed queries" panel. The dashboard hands it the imported files,
 * either by calling `show(files)` or by dispatching `dashboard:files` (detail: the files) on document.
 */
class MissedQueries extends HTMLElement {
  connectedCallback() {
    document.addEventListener('dashboard:files', (e) => {
      const files = (e as CustomEvent<readonly FileWithMisses[]>).detail;
      if (Array.isArray(files)) this.show(files);
    });
  }

  show(files: readonly FileWithMisses[]) {
    const rows = aggregateMisses(files.map((f) => ({ misses: f.searchMisses ?? [] })));
    const table = this.querySelector('table')!;
    this.querySelector<HTMLElement>('.misses-empty')!.hidden = rows.length > 0;
    table.hidden = rows.length === 0;
    table.tBodies[0]!.replaceChildren(
      ...rows.map((r) =>
        el(
          'tr',
          {},
          el('td', {}, r.query),
          el('td', {}, String(r.people)),
          el('td', {}, String(r.count)),
          el('td', {}, String(r.none)),
          el('td', {}, String(r.noCopy)),
        ),
      ),
    );
  }
}

customElements.define('missed-queries', MissedQueries);
