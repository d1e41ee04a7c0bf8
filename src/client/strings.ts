import { fillTemplate } from '../i18n/format.ts';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * UI strings for a custom element, rendered by the server into `data-strings` (see clientStrings in
 * i18n/ui.ts), so browser bundles never carry the whole dictionary.
 */
export function stringsFrom(el: HTMLElement): Translate {
  const strings = JSON.parse(el.dataset['strings'] ?? '{}') as Record<string, string>;
  return (key, vars) => fillTemplate(strings[key] ?? key, vars);
}
