import type { z } from 'astro/zod';
import { flowSchema, phraseSchema, policySchema, scriptSchema } from './schema.ts';
import type { FlowData, PhraseData, PolicyData, ScriptData } from './schema.ts';
import { bankSchema, examSchema } from '../quiz/schema.ts';
import type { Bank, ExamDefinition } from '../quiz/schema.ts';
import { checkFlowGraph } from '../flows/graph.ts';
import { unknownPlaceholders } from '../scripts/placeholders.ts';
import { placeholderValues } from '../../site.config.ts';
import type { Provenance } from './provenance.ts';
import { hardCodedHotline, unmatchedLine, unsupportedNumbers } from './wording.ts';
import type { CheckContext, ItemNamer, PolicyEntry, Validated } from './validate.ts';
import { checkText as say } from '../../i18n/strings/content-check.ts';

/**
 * Every content collection in one table: where its files live, its schema, which field must match the
 * file name, and the cross-reference checks that run once everything is loaded. A new collection is
 * one entry here (and one in content.config.ts).
 */
export interface CollectionSpec<T> {
  /** Directory under the project root, and the file pattern. */
  dir: string;
  ext: RegExp;
  schema: z.ZodType<T>;
  idField?: string;
  nameItem?: ItemNamer;
  check?: (entry: T extends PolicyData ? PolicyEntry : Validated<T>, ctx: CheckContext) => void;
}

const hotline = { name: placeholderValues.hotline, number: placeholderValues.hotlineNumber };

function itemName(list: string, label: string): ItemNamer {
  return (data, path) => {
    if (path[0] !== list || typeof path[1] !== 'number') return undefined;
    const items = (data as Record<string, unknown> | null)?.[list];
    const item = Array.isArray(items) ? (items[path[1]] as Record<string, unknown> | undefined) : undefined;
    const id = typeof item?.['id'] === 'string' ? item['id'] : `#${path[1] + 1}`;
    return `${label} ${id}`;
  };
}

/** The policy section a `policyId#anchor` names, reporting a dangling one (silently skipping broken policies). */
function citedSection(ctx: CheckContext, where: string, field: string, ref: string) {
  const [policyId = '', anchor = ''] = ref.split('#');
  const policy = ctx.resolve('policies', policyId, () => say('check.ref.noPolicy', { where, field, policy: policyId }));
  if (!policy) return undefined;
  const section = policy.sections.find((s) => s.anchor === anchor);
  if (!section) ctx.error(say('check.ref.noAnchor', { where, field, policy: policyId, anchor }));
  return section;
}

function checkExampleRule(ctx: CheckContext, where: string, field: string, source: Provenance | undefined) {
  if (source?.kind === 'example') citedSection(ctx, where, field, source.rule);
}

function knownPolicy(ctx: CheckContext, path: string, id: string) {
  ctx.resolve('policies', id, () => say('check.ref.policyMissing', { path, id }));
}

function checkOriginal(ctx: CheckContext, path: string, source: Provenance, wording: readonly string[]) {
  if (source.kind !== 'original') return;
  if (!source.quote) {
    ctx.error(say('check.source.noQuote', { path, document: source.document, section: source.section }));
    return;
  }
  const line = unmatchedLine(wording, source.quote);
  if (line) {
    ctx.error(say('check.source.quoteMismatch', { path, line, document: source.document }));
  }
}

const policies: CollectionSpec<PolicyData> = {
  dir: 'content/policies',
  ext: /\.mdx$/,
  schema: policySchema,
  check(p, ctx) {
    const typed = hardCodedHotline(p.body, hotline);
    if (typed) ctx.error(say('check.policy.hotline', { path: p.path, typed }));
  },
};

const scripts: CollectionSpec<ScriptData> = {
  dir: 'content/scripts',
  ext: /\.ya?ml$/,
  schema: scriptSchema,
  idField: 'id',
  check(s, ctx) {
    knownPolicy(ctx, s.path, s.data.policy);
    s.data.lines.forEach((line, i) => {
      for (const name of unknownPlaceholders(line)) {
        ctx.error(say('check.script.placeholder', { path: s.path, i, name }));
      }
      const typed = hardCodedHotline(line, hotline);
      if (typed) ctx.error(say('check.script.hotline', { path: s.path, i, typed }));
    });
    checkOriginal(ctx, s.path, s.data.source, s.data.lines);
    checkExampleRule(ctx, s.path, 'source.rule', s.data.source);
  },
};

const phrases: CollectionSpec<PhraseData> = {
  dir: 'content/phrases',
  ext: /\.ya?ml$/,
  schema: phraseSchema,
  idField: 'id',
  check(p, ctx) {
    knownPolicy(ctx, p.path, p.data.policy);
    checkOriginal(ctx, p.path, p.data.source, [p.data.phrase]);
    checkExampleRule(ctx, p.path, 'source.rule', p.data.source);
  },
};

const flows: CollectionSpec<FlowData> = {
  dir: 'content/flows',
  ext: /\.ya?ml$/,
  schema: flowSchema,
  idField: 'id',
  nameItem: itemName('steps', say('check.flow.stepItem')),
  check(f, ctx) {
    const where = say('check.flow.where', { path: f.path, id: f.data.id });
    knownPolicy(ctx, f.path, f.data.policy);
    for (const problem of checkFlowGraph(f.data)) {
      const at = problem.stepId ? say('check.flow.atStep', { where, step: problem.stepId }) : where;
      ctx.error(`${at}: ${problem.message}`);
    }
    const own = ctx.report.policies.find((p) => p.id === f.data.policy);
    if (own) {
      const text = own.sections.map((s) => `${s.text}\n${s.content}`).join('\n');
      f.data.rules.forEach((rule, i) => {
        const extra = unsupportedNumbers(rule, text);
        if (extra.length) {
          const numbers = extra.join(say('check.sep'));
          ctx.error(say('check.flow.ruleElsewhere', { where, i, policy: own.id, numbers }));
        }
      });
    }
    for (const step of f.data.steps) {
      const at = say('check.flow.atStep', { where, step: step.id });
      for (const id of step.say) {
        ctx.resolve('scripts', id, () => say('check.flow.noScript', { where: at, id }));
      }
      const said = [...step.do, step.timeLimit ?? '', step.escalateTo ?? '', ...(step.branches ?? []).map((b) => b.label)];
      said.forEach((text) => {
        const typed = hardCodedHotline(text, hotline);
        if (typed) ctx.error(say('check.flow.hotline', { where: at, typed }));
      });
      if (step.source.kind !== 'example') continue;
      const section = citedSection(ctx, at, 'source.rule', step.source.rule);
      if (!section) continue;
      const extra = unsupportedNumbers(said.join('\n'), `${section.text}\n${section.content}`);
      if (extra.length) {
        const numbers = extra.join(say('check.sep'));
        ctx.error(say('check.flow.numbersElsewhere', { where: at, numbers, rule: step.source.rule }));
      }
    }
  },
};

const questionFiles = new WeakMap<CheckContext, Map<string, string>>();

const banks: CollectionSpec<Bank> = {
  dir: 'quizzes/banks',
  ext: /\.ya?ml$/,
  schema: bankSchema,
  idField: 'topic',
  nameItem: itemName('questions', say('check.bank.item')),
  check(b, ctx) {
    let seen = questionFiles.get(ctx);
    if (!seen) questionFiles.set(ctx, (seen = new Map<string, string>()));
    for (const q of b.data.questions) {
      const where = say('check.bank.where', { path: b.path, id: q.id });
      const first = seen.get(q.id);
      if (first) ctx.error(say('check.bank.duplicate', { where, first }));
      seen.set(q.id, b.path);
      citedSection(ctx, where, 'ref', q.ref);
      checkExampleRule(ctx, where, 'source.rule', q.source);
    }
  },
};

const exams: CollectionSpec<ExamDefinition> = {
  dir: 'quizzes/exams',
  ext: /\.ya?ml$/,
  schema: examSchema,
  idField: 'id',
  check(e, ctx) {
    e.data.draws.forEach((draw, i) => {
      const bank = ctx.resolve('banks', draw.topic, () =>
        say('check.exam.noBank', { path: e.path, i, topic: draw.topic }),
      );
      if (bank && draw.count > bank.data.questions.length) {
        const have = bank.data.questions.length;
        ctx.error(say('check.exam.tooFew', { path: e.path, i, topic: draw.topic, count: draw.count, have }));
      }
    });
    // A question id is only unknown when every bank loaded; otherwise it may sit in the broken one.
    if (ctx.report.broken.banks.size) return;
    const known = new Set(ctx.report.banks.flatMap((b) => b.data.questions.map((q) => q.id)));
    e.data.extra.forEach((id, i) => {
      if (!known.has(id)) ctx.error(say('check.exam.unknownExtra', { path: e.path, i, id }));
    });
  },
};

export const collections = { policies, scripts, phrases, flows, banks, exams };
export type CollectionKey = keyof typeof collections;
export type CollectionData = {
  policies: PolicyData;
  scripts: ScriptData;
  phrases: PhraseData;
  flows: FlowData;
  banks: Bank;
  exams: ExamDefinition;
};
