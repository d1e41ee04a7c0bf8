import { pinyin } from 'pinyin-pro';
import type { PhraseData, ScriptData } from '../content/schema.ts';
import { provenanceSchema } from '../content/provenance.ts';
import type { Provenance } from '../content/provenance.ts';
import { fillPlaceholders } from '../scripts/placeholders.ts';
import type { PlaceholderValues } from '../scripts/placeholders.ts';
import type { QuickEntry, QuickIndex } from './quick-types.ts';
import { textOf } from '../../i18n/format.ts';
import { palette } from '../../i18n/strings/palette.ts';

const say = textOf(palette);

/** Build-time only: pinyin-pro never reaches the browser. Latin words (hold, KPI) stay as they are. */
export function toPinyin(text: string): { py: string; ini: string } {
  const clean = text.normalize('NFKC').toLowerCase();
  const syllables = pinyin(clean, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return {
    py: syllables.join(''),
    ini: syllables.map((s) => s[0] ?? '').join(''),
  };
}

/** Chinese keys stay short: long keys cost time and match everything. */
function keyed(keys: string[]): Pick<QuickEntry, 'keys' | 'py' | 'ini'> {
  const unique = [...new Set(keys.map((k) => k.replace(/[（(].*?[）)]/g, '').replace(/\s+/g, '')).filter(Boolean))];
  const pys = unique.map(toPinyin);
  return { keys: unique, py: pys.map((p) => p.py), ini: pys.map((p) => p.ini) };
}

const BODY_MAX = 80;
/** Initials only of short clauses (words, table cells): long ones would match any three letters. */
const BINI_MAX = 10;
const HAN = /\p{Script=Han}/u;

/**
 * Body text for substring matching and the initials of every clause in it, so an agent finds an
 * entry by any word in it (jtl → 人工 15 秒接通率, cxm → 客户嫌查询慢).
 */
function bodied(texts: string[]): Pick<QuickEntry, 'body' | 'bini'> {
  const clauses: string[] = [];
  let length = 0;
  for (const text of texts) {
    for (const raw of text
      .normalize('NFKC')
      .toLowerCase()
      .split(/[，。；：、！？,.;:!?“”"'（）()《》·…|\s/]+/)) {
      const clause = raw.trim();
      if (!clause || !HAN.test(clause) || clauses.includes(clause)) continue;
      if (length + clause.length > BODY_MAX) break;
      clauses.push(clause);
      length += clause.length + 1;
    }
  }
  if (clauses.length === 0) return {};
  const short = clauses.filter((c) => c.length <= BINI_MAX);
  return {
    body: clauses.join('|'),
    ...(short.length ? { bini: short.map((c) => toPinyin(c).ini).join('|') } : {}),
  };
}

/** The provenance a content entry carries, if any and if valid (the content check reports bad ones). */
function provenanceOf(data: object): Provenance | undefined {
  if (!('source' in data)) return undefined;
  const parsed = provenanceSchema.safeParse(data.source);
  return parsed.success ? parsed.data : undefined;
}

export interface SectionSource {
  policyId: string;
  policyTitle: string;
  heading: string;
  anchor: string;
  firstLine: string;
  terms: string[];
  /** The passage under the heading, line by line (the palette's preview). */
  lines?: string[];
}

export interface StepSource {
  flowId: string;
  flowTitle: string;
  stepId: string;
  title: string;
  text: string;
  keywords?: string[];
  /** What to do, then what to say: the palette's preview. */
  lines?: string[];
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
    const source = provenanceOf(data);
    entries.push({
      kind: 'script',
      title: data.title,
      text: copy.split('\n')[0] ?? '',
      url: `/scripts/${id}/`,
      copy,
      ...keyed([data.title, ...data.keywords]),
      ...bodied([data.scenario, copy]),
      ...(source ? { source } : {}),
    });
  }
  for (const { id, data } of sources.phrases) {
    const source = provenanceOf(data);
    entries.push({
      kind: 'phrase',
      title: say('qs.phraseTitle', { phrase: data.phrase }),
      text: say('qs.phraseText', { instead: data.instead[0] ?? '' }),
      url: `/phrases/#${id}`,
      copy: data.instead[0] ?? '',
      alts: [...data.instead],
      ...keyed([data.phrase, ...data.variants]),
      ...bodied(data.instead),
      ...(source ? { source } : {}),
    });
  }
  for (const s of sources.sections) {
    entries.push({
      kind: 'section',
      title: `${s.policyTitle} › ${s.heading}`,
      text: s.firstLine,
      url: `/policies/${s.policyId}/#${s.anchor}`,
      ...(s.lines?.length ? { lines: s.lines } : {}),
      ...keyed([s.heading, ...s.terms, s.policyTitle]),
      ...bodied(s.lines ?? [s.firstLine]),
    });
  }
  for (const s of sources.steps ?? []) {
    entries.push({
      kind: 'step',
      title: `${s.flowTitle} › ${s.title}`,
      text: s.text,
      url: `/flows/${s.flowId}/#step-${s.stepId}`,
      ...(s.lines?.length ? { lines: s.lines } : {}),
      ...keyed([s.title, ...(s.keywords ?? []), s.flowTitle]),
      ...bodied(s.lines ?? [s.text]),
    });
  }
  return { version, entries };
}

/**
 * The shipped index without the preview passages, and the passages by URL: the palette fetches
 * the second file only when an agent first opens a preview, so every page loads less.
 */
export function splitPreview(index: QuickIndex): { index: QuickIndex; preview: Record<string, string[]> } {
  const preview: Record<string, string[]> = {};
  const entries = index.entries.map(({ lines, ...rest }) => {
    if (lines?.length) preview[rest.url] = lines;
    return rest;
  });
  return { index: { version: index.version, entries }, preview };
}
