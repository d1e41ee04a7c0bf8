import type { ContentReport, HeadingSection } from '../content/validate.ts';
import { fillPlaceholders } from '../scripts/placeholders.ts';
import type { PlaceholderValues } from '../scripts/placeholders.ts';
import type { QuickSources, SectionSource, StepSource } from './quick-index.ts';
import type { FlowData, ScriptData } from '../content/schema.ts';
import { sectionPassages } from './section-passages.ts';

/** Policy sections at ## and ### level: the palette links straight to the anchor and previews the passage. */
export function policySections(
  policies: {
    id: string;
    title: string;
    sections: HeadingSection[];
    body?: string | undefined;
    tags?: string[] | undefined;
  }[],
): SectionSource[] {
  return policies.flatMap((p) => {
    const passages = p.body ? sectionPassages(p.body) : undefined;
    return p.sections
      .filter((s) => s.depth <= 3)
      .map((s) => {
        const lines = passages?.get(s.anchor);
        return {
          policyId: p.id,
          policyTitle: p.title,
          heading: s.text,
          anchor: s.anchor,
          firstLine: s.firstLine,
          // The policy's own search tags (trainer-curated) go on the sections that define them: jtl → 接通率.
          terms: [...s.terms, ...(p.tags ?? []).filter((tag) => s.terms.some((term) => term.includes(tag)))],
          ...(lines?.length ? { lines } : {}),
        };
      });
  });
}

/** Flow steps for the palette: the step title first, what to do and what to say as its preview. */
export function flowSteps(
  flows: { id: string; data: FlowData }[],
  scripts?: { id: string; data: ScriptData }[],
  placeholders?: PlaceholderValues,
): StepSource[] {
  const said = new Map(
    (scripts ?? []).map((s) => [
      s.id,
      s.data.lines.map((l) => (placeholders ? fillPlaceholders(l, placeholders) : l)).join(''),
    ]),
  );
  return flows.flatMap((f) =>
    f.data.steps.map((step) => ({
      flowId: f.id,
      flowTitle: f.data.title,
      stepId: step.id,
      title: step.title,
      text: step.do[0] ?? '',
      keywords: [step.escalateTo, step.timeLimit].filter((k): k is string => Boolean(k)),
      lines: [...step.do, ...step.say.flatMap((id) => said.get(id) ?? [])],
    })),
  );
}

/**
 * Palette sources from a validated content tree (the tests and benchmark use the real content this
 * way); `bodies` maps a policy id to its MDX body for the section previews.
 */
export function quickSourcesFromReport(
  report: ContentReport,
  placeholders: PlaceholderValues,
  bodies?: ReadonlyMap<string, string>,
): QuickSources {
  return {
    scripts: report.scripts,
    phrases: report.phrases,
    sections: policySections(
      report.policies.map((p) => ({
        id: p.id,
        title: p.data.title,
        sections: p.sections,
        body: bodies?.get(p.id),
        tags: p.data.tags,
      })),
    ),
    steps: flowSteps(report.flows, report.scripts, placeholders),
    placeholders,
  };
}
