import type { Provenance } from './provenance.ts';

/** The 来源 filter of a card list: both kinds, in a fixed order. */
export function provenanceFacet(
  labels: { legend: string; original: string; example: string },
): { name: string; legend: string; options: { value: string; label: string }[]; control: 'checkbox' } {
  return {
    name: 'provenance',
    control: 'checkbox',
    legend: labels.legend,
    options: (['original', 'example'] as const satisfies readonly Provenance['kind'][]).map((k) => ({ value: k, label: labels[k] })),
  };
}
