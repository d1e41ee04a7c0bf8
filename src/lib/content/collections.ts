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
  const policy = ctx.resolve('policies', policyId, () => `${where}: 字段 ${field}: 制度“${policyId}”不存在`);
  if (!policy) return undefined;
  const section = policy.sections.find((s) => s.anchor === anchor);
  if (!section) ctx.error(`${where}: 字段 ${field}: 制度“${policyId}”中没有小标题锚点“#${anchor}”`);
  return section;
}

function checkExampleRule(ctx: CheckContext, where: string, field: string, source: Provenance | undefined) {
  if (source?.kind === 'example') citedSection(ctx, where, field, source.rule);
}

function knownPolicy(ctx: CheckContext, path: string, id: string) {
  ctx.resolve('policies', id, () => `${path}: 字段 policy: 引用的制度“${id}”不存在（content/policies/${id}.mdx）`);
}

function checkOriginal(ctx: CheckContext, path: string, source: Provenance, wording: readonly string[]) {
  if (source.kind !== 'original') return;
  if (!source.quote) {
    ctx.error(`${path}: 字段 source.quote: 标为制度原文，须摘录《${source.document}》${source.section} 中规定的原话`);
    return;
  }
  const line = unmatchedLine(wording, source.quote);
  if (line) {
    ctx.error(
      `${path}: 字段 source: 标为制度原文，但“${line}”与所引《${source.document}》的原话不符：` +
        '照原文改写这句，或把来源改为参考示例（kind: example）',
    );
  }
}

const policies: CollectionSpec<PolicyData> = {
  dir: 'content/policies',
  ext: /\.mdx$/,
  schema: policySchema,
  check(p, ctx) {
    const typed = hardCodedHotline(p.body, hotline);
    if (typed) ctx.error(`${p.path}: 正文手写了热线名称“${typed}”：请写 <Hotline />（名称来自 site.config.ts）`);
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
      for (const name of unknownPlaceholders(line)) ctx.error(`${s.path}: 字段 lines[${i}]: 未知占位符 {${name}}`);
      const typed = hardCodedHotline(line, hotline);
      if (typed) ctx.error(`${s.path}: 字段 lines[${i}]: 手写了热线名称“${typed}”：请写 {hotline}`);
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
  nameItem: itemName('steps', '步骤'),
  check(f, ctx) {
    const where = `${f.path}: 流程 ${f.data.id}`;
    knownPolicy(ctx, f.path, f.data.policy);
    for (const problem of checkFlowGraph(f.data)) {
      ctx.error(`${where}${problem.stepId ? ` 步骤 ${problem.stepId}` : ''}: ${problem.message}`);
    }
    const own = ctx.report.policies.find((p) => p.id === f.data.policy);
    if (own) {
      const text = own.sections.map((s) => `${s.text}\n${s.content}`).join('\n');
      f.data.rules.forEach((rule, i) => {
        const extra = unsupportedNumbers(rule, text);
        if (extra.length) {
          ctx.error(`${where}: 字段 rules[${i}]: 制度“${own.id}”里没有“${extra.join('、')}”：这条规定属于别的制度，请删除或改在对应流程里写`);
        }
      });
    }
    for (const step of f.data.steps) {
      const at = `${where} 步骤 ${step.id}`;
      for (const id of step.say) {
        ctx.resolve('scripts', id, () => `${at}: 字段 say: 话术“${id}”不存在（content/scripts/${id}.yaml）`);
      }
      const said = [...step.do, step.timeLimit ?? '', step.escalateTo ?? '', ...(step.branches ?? []).map((b) => b.label)];
      said.forEach((text) => {
        const typed = hardCodedHotline(text, hotline);
        if (typed) ctx.error(`${at}: 手写了热线名称“${typed}”：请写“服务热线”或引用话术`);
      });
      if (step.source.kind !== 'example') continue;
      const section = citedSection(ctx, at, 'source.rule', step.source.rule);
      if (!section) continue;
      const extra = unsupportedNumbers(said.join('\n'), `${section.text}\n${section.content}`);
      if (extra.length) {
        ctx.error(
          `${at}: “${extra.join('、')}”不在所依据的 ${step.source.rule} 中：这是别处的规定，请删除，或把来源改为规定它的小标题`,
        );
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
  nameItem: itemName('questions', '题目'),
  check(b, ctx) {
    let seen = questionFiles.get(ctx);
    if (!seen) questionFiles.set(ctx, (seen = new Map<string, string>()));
    for (const q of b.data.questions) {
      const where = `${b.path}: 题目 ${q.id}`;
      const first = seen.get(q.id);
      if (first) ctx.error(`${where}: id 重复（${first} 里已有同名题目）`);
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
      const bank = ctx.resolve(
        'banks',
        draw.topic,
        () => `${e.path}: 字段 draws[${i}].topic: 题库“${draw.topic}”不存在（quizzes/banks/${draw.topic}.yaml）`,
      );
      if (bank && draw.count > bank.data.questions.length) {
        ctx.error(
          `${e.path}: 字段 draws[${i}].count: 要从“${draw.topic}”抽 ${draw.count} 题，但题库只有 ${bank.data.questions.length} 题`,
        );
      }
    });
    // A question id is only unknown when every bank loaded; otherwise it may sit in the broken one.
    if (ctx.report.broken.banks.size) return;
    const known = new Set(ctx.report.banks.flatMap((b) => b.data.questions.map((q) => q.id)));
    e.data.extra.forEach((id, i) => {
      if (!known.has(id)) ctx.error(`${e.path}: 字段 extra[${i}]: 题目“${id}”不在任何题库中`);
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
