import { parse as parseYaml } from 'yaml';
import { parseBody, plainText, sectionsOf } from './headings.ts';
import type { HeadingSection } from './headings.ts';
import { numbersIn } from './wording.ts';
import type { ContentReport, SourceFile } from './validate.ts';
import { checkText as say } from '../../i18n/strings/content-check.ts';

/**
 * Change impact: before a trainer publishes an edited policy, what depends on the sections that changed
 * (questions by ref, scripts, flow steps and simulations that cite them) and where a number that changed
 * still appears in content/ and quizzes/ (98% → 97% lists every remaining 98%).
 */

export interface ChangedPolicy {
  id: string;
  path: string;
  /** Body as last committed and as in the working tree. */
  before: string;
  after: string;
}

export interface Occurrence {
  path: string;
  line: number;
  text: string;
}

export interface PolicyImpact {
  id: string;
  path: string;
  sections: { anchor: string; text: string; change: 'changed' | 'added' | 'removed' }[];
  questions: { id: string; path: string; ref: string }[];
  scripts: { id: string; path: string; why: string }[];
  flowSteps: { flow: string; step: string; path: string; rule: string }[];
  simulations: { path: string; ref: string }[];
  /** Numbers that occur less often than before, with every place they still appear. */
  numbers: { number: string; now: string[]; occurrences: Occurrence[] }[];
}

function sections(body: string): HeadingSection[] {
  const parsed = parseBody(body);
  return parsed.ok ? sectionsOf(parsed.root) : [];
}

function changedSections(before: string, after: string): PolicyImpact['sections'] {
  const old = new Map(sections(before).map((s) => [s.anchor, s]));
  const now = new Map(sections(after).map((s) => [s.anchor, s]));
  const out: PolicyImpact['sections'] = [];
  for (const [anchor, s] of now) {
    const was = old.get(anchor);
    if (!was) out.push({ anchor, text: s.text, change: 'added' });
    else if (was.content !== s.content) out.push({ anchor, text: s.text, change: 'changed' });
  }
  for (const [anchor, s] of old) if (!now.has(anchor)) out.push({ anchor, text: s.text, change: 'removed' });
  return out;
}

function counts(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** A number worth searching for: it has a unit, or at least two digits (a lone "2" is everywhere). */
function searchable(n: string): boolean {
  return /\D$/.test(n) || /^\d{2,}/.test(n);
}

/** A pattern for a number as numbersIn() reported it, allowing the spacing and 个 it normalised away. */
function numberPattern(n: string): RegExp {
  const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(n)!;
  const digits = m[1]!.replace('.', '\\.');
  const unit = m[2] ?? '';
  const unitPart = !unit ? '(?![\\d.])' : unit === '%' ? '\\s*[%％]' : `\\s*个?${unit}`;
  return new RegExp(`(?<![\\d.])${digits}${unitPart}`);
}

function occurrences(files: readonly SourceFile[], n: string): Occurrence[] {
  const pattern = numberPattern(n);
  const out: Occurrence[] = [];
  for (const file of files) {
    file.text.split('\n').forEach((line, i) => {
      if (pattern.test(line)) out.push({ path: file.path, line: i + 1, text: line.trim().slice(0, 100) });
    });
  }
  return out;
}

/** Every `policyId#anchor` string anywhere in a YAML document (simulations keep theirs under `refs`). */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^[a-z0-9-]+#[a-z0-9-]+$/.test(value)) out.push(value);
  else if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) refsIn(v, out);
  return out;
}

export function policyImpact(
  change: ChangedPolicy,
  report: Pick<ContentReport, 'banks' | 'scripts' | 'flows'>,
  files: readonly SourceFile[],
): PolicyImpact {
  const changed = changedSections(change.before, change.after);
  const refs = new Set(changed.map((s) => `${change.id}#${s.anchor}`));
  const questions = report.banks.flatMap((b) =>
    b.data.questions.filter((q) => refs.has(q.ref)).map((q) => ({ id: q.id, path: b.path, ref: q.ref })),
  );
  const scripts = report.scripts.flatMap((s) => {
    const src = s.data.source;
    if (src.kind === 'example' && refs.has(src.rule)) return [{ id: s.id, path: s.path, why: src.rule }];
    return [];
  });
  const flowSteps = report.flows.flatMap((f) =>
    f.data.steps
      .filter((st) => st.source.kind === 'example' && refs.has(st.source.rule))
      .map((st) => ({
        flow: f.id,
        step: st.id,
        path: f.path,
        rule: st.source.kind === 'example' ? st.source.rule : '',
      })),
  );
  const simulations = files
    .filter((f) => /(^|\/)quizzes\/simulations\/[^/]+\.ya?ml$/.test(f.path))
    .flatMap((f) => {
      let data: unknown;
      try {
        data = parseYaml(f.text);
      } catch {
        return [];
      }
      return [...new Set(refsIn(data))].filter((r) => refs.has(r)).map((ref) => ({ path: f.path, ref }));
    });
  const textOf = (body: string) => {
    const parsed = parseBody(body);
    return parsed.ok ? plainText(parsed.root) : body;
  };
  const before = counts(numbersIn(textOf(change.before)).filter(searchable));
  const after = counts(numbersIn(textOf(change.after)).filter(searchable));
  const added = [...after].filter(([n, c]) => c > (before.get(n) ?? 0)).map(([n]) => n);
  const numbers = [...before]
    .filter(([n, c]) => c > (after.get(n) ?? 0))
    .map(([n]) => ({ number: n, now: added, occurrences: occurrences(files, n) }));
  return { id: change.id, path: change.path, sections: changed, questions, scripts, flowSteps, simulations, numbers };
}

const sectionLine = {
  changed: 'check.impact.changedSection',
  added: 'check.impact.addedSection',
  removed: 'check.impact.removedSection',
} as const;

/** The impact report as a trainer reads it in the terminal. */
export function formatImpact(impacts: readonly PolicyImpact[]): string[] {
  const lines: string[] = [];
  for (const i of impacts) {
    lines.push(say('check.impact.title', { path: i.path }));
    if (!i.sections.length && !i.numbers.length) {
      lines.push(say('check.impact.metaOnly'));
      continue;
    }
    for (const s of i.sections) lines.push(say(sectionLine[s.change], { text: s.text, anchor: s.anchor }));
    const list = (title: string, items: string[]) => {
      lines.push(say(items.length ? 'check.impact.list' : 'check.impact.listEmpty', { title }));
      for (const item of items) lines.push(`    - ${item}`);
    };
    list(
      say('check.impact.questions'),
      i.questions.map((q) => say('check.impact.question', { id: q.id, path: q.path, ref: q.ref })),
    );
    list(
      say('check.impact.scripts'),
      i.scripts.map((s) => say('check.impact.script', { id: s.id, path: s.path })),
    );
    list(
      say('check.impact.flowSteps'),
      i.flowSteps.map((s) => say('check.impact.flowStep', { flow: s.flow, step: s.step, path: s.path })),
    );
    list(
      say('check.impact.simulations'),
      i.simulations.map((s) => say('check.impact.simulation', { path: s.path, ref: s.ref })),
    );
    for (const n of i.numbers) {
      const now = n.now.length ? say('check.impact.nowHas', { numbers: n.now.join(say('check.sep')) }) : '';
      if (!n.occurrences.length) {
        lines.push(say('check.impact.numberGone', { number: n.number, now }));
        continue;
      }
      lines.push(say('check.impact.numberRemains', { number: n.number, now, count: n.occurrences.length }));
      for (const o of n.occurrences) lines.push(`    ${o.path}:${o.line}: ${o.text}`);
    }
  }
  return lines;
}
