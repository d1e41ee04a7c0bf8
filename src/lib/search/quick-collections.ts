import { headingSections } from '../content/validate.ts';
import type { FlowData, PhraseData, PolicyData, ScriptData } from '../content/schema.ts';
import type { PlaceholderValues } from '../scripts/placeholders.ts';
import { buildQuickIndex } from './quick-index.ts';
import type { QuickIndex } from './quick-types.ts';
import { flowSteps, policySections } from './quick-sources.ts';

/** The palette index from Astro collection entries (policies carry their raw MDX body). */
export function quickIndexFromCollections(
  input: {
    policies: { id: string; data: PolicyData; body?: string | undefined }[];
    scripts: { id: string; data: ScriptData }[];
    phrases: { id: string; data: PhraseData }[];
    flows?: { id: string; data: FlowData }[];
  },
  placeholders: PlaceholderValues,
  version: string,
): QuickIndex {
  const sections = policySections(
    input.policies.map((p) => ({
      id: p.id,
      title: p.data.title,
      sections: headingSections(p.body ?? ''),
      body: p.body,
      tags: p.data.tags,
    })),
  );
  return buildQuickIndex(
    {
      scripts: input.scripts,
      phrases: input.phrases,
      sections,
      steps: flowSteps(input.flows ?? [], input.scripts, placeholders),
      placeholders,
    },
    version,
  );
}
