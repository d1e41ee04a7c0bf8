import type { ContentReport, HeadingSection } from '../content/validate.ts';
import type { PlaceholderValues } from '../scripts/placeholders.ts';
import type { QuickSources, SectionSource, StepSource } from './quick-index.ts';
import type { FlowData } from '../content/schema.ts';

/** Policy sections at ## and ### level: the palette links straight to the anchor. */
export function policySections(policies: { id: string; title: string; sections: HeadingSection[] }[]): SectionSource[] {
  return policies.flatMap((p) =>
    p.sections
      .filter((s) => s.depth <= 3)
      .map((s) => ({
        policyId: p.id,
        policyTitle: p.title,
        heading: s.text,
        anchor: s.anchor,
        firstLine: s.firstLine,
        terms: s.terms,
      })),
  );
}

/** Flow steps for the palette: the step title first, the first thing to do as its line. */
export function flowSteps(flows: { id: string; data: FlowData }[]): StepSource[] {
  return flows.flatMap((f) =>
    f.data.steps.map((step) => ({
      flowId: f.id,
      flowTitle: f.data.title,
      stepId: step.id,
      title: step.title,
      text: step.do[0] ?? '',
      keywords: [step.escalateTo, step.timeLimit].filter((k): k is string => Boolean(k)),
    })),
  );
}

/** Palette sources from a validated content tree (the tests and benchmark use the real content this way). */
export function quickSourcesFromReport(report: ContentReport, placeholders: PlaceholderValues): QuickSources {
  return {
    scripts: report.scripts,
    phrases: report.phrases,
    sections: policySections(report.policies.map((p) => ({ id: p.id, title: p.data.title, sections: p.sections }))),
    steps: flowSteps(report.flows),
    placeholders,
  };
}
