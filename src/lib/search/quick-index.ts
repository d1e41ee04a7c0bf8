import { pinyin } from 'pinyin-pro';
import type { PhraseData, ScriptData } from '../content/schema.ts';
import { fillPlaceholders } from '../scripts/placeholders.ts';
import type { PlaceholderValues } from '../scripts/placeholders.ts';
import type { QuickEntry, QuickIndex } from './quick-types.ts';

/** Build-time only: pinyin-pro never reaches the browser. */
export function toPinyin(text: string): { py: string; ini: string } {
  const clean = text.normalize('NFKC').toLowerCase();
  const syllables = pinyin(clean, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });
  return {
    py: syllables.join('').replace(/[^a-z]/g, ''),
    ini: syllables.map((s) => s[0] ?? '').join(''),
  };
}

/** Chinese keys stay short: long keys cost time and match everything. */
function keyed(keys: string[]): Pick<QuickEntry, 'keys' | 'py' | 'ini'> {
  const unique = [...new Set(keys.map((k) => k.replace(/[（(].*?[）)]/g, '').replace(/\s+/g, '')).filter(Boolean))];
  const pys = unique.map(toPinyin);
  return { keys: unique, py: pys.map((p) => p.py), ini: pys.map((p) => p.ini) };
}

export interface SectionSource {
  policyId: string;
  policyTitle: string;
  heading: string;
  anchor: string;
  firstLine: string;
  terms: string[];
}

export interface StepSource {
  flowId: string;
  flowTitle: string;
  stepId: string;
  title: string;
  text: string;
  keywords?: string[];
}

export interface QuickSources {
  scripts: { id: string; data: ScriptData }[];
  phrases: { id: string; data: PhraseData }[];
  sections: SectionSource[];
  steps?: StepSource[];
  placeholders: PlaceholderValues;
}

export function scriptCopyText(script: ScriptData, values: PlaceholderValues): string {
  return script.lines.map((line) => fillPlaceholders(line, values)).join('\n');
}

export function buildQuickIndex(sources: QuickSources, version: string): QuickIndex {
  const entries: QuickEntry[] = [];
  for (const { id, data } of sources.scripts) {
    const copy = scriptCopyText(data, sources.placeholders);
    entries.push({
      kind: 'script',
      title: data.title,
      text: copy.split('\n')[0] ?? '',
      url: `/scripts/${id}/`,
      copy,
      ...keyed([data.title, ...data.keywords]),
    });
  }
  for (const { id, data } of sources.phrases) {
    entries.push({
      kind: 'phrase',
      title: `忌：${data.phrase}`,
      text: `改说：${data.instead[0] ?? ''}`,
      url: `/phrases/#${id}`,
      copy: data.instead[0] ?? '',
      ...keyed([data.phrase, ...data.variants]),
    });
  }
  for (const s of sources.sections) {
    entries.push({
      kind: 'section',
      title: `${s.policyTitle} › ${s.heading}`,
      text: s.firstLine,
      url: `/policies/${s.policyId}/#${s.anchor}`,
      ...keyed([s.heading, ...s.terms, s.policyTitle]),
    });
  }
  for (const s of sources.steps ?? []) {
    entries.push({
      kind: 'step',
      title: `${s.flowTitle} › ${s.title}`,
      text: s.text,
      url: `/flows/${s.flowId}/#step-${s.stepId}`,
      ...keyed([s.title, ...(s.keywords ?? []), s.flowTitle]),
    });
  }
  return { version, entries };
}
