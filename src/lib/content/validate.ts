import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { flowSchema, phraseSchema, policySchema, scriptSchema } from './schema.ts';
import type { FlowData, PhraseData, PolicyData, ScriptData } from './schema.ts';
import { bankSchema, examSchema } from '../quiz/schema.ts';
import type { Bank, ExamDefinition } from '../quiz/schema.ts';
import { checkFlowGraph } from '../flows/graph.ts';
import { createHeadingSlugger } from './heading-slug.ts';
import { unknownPlaceholders } from '../scripts/placeholders.ts';

/** A content file as read from disk: the path is what error messages name. */
export interface SourceFile {
  path: string;
  text: string;
}

export interface Validated<T> {
  path: string;
  id: string;
  data: T;
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function fileId(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.(mdx|md|ya?ml)$/, '');
}

/** "changes[0].date" from a zod issue path. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

/** Optional label for the list item an issue sits in, e.g. "步骤 receive". */
type ItemNamer = (data: unknown, path: readonly PropertyKey[]) => string | undefined;

export function formatIssues(file: string, error: z.ZodError, data?: unknown, nameItem?: ItemNamer): string[] {
  return error.issues.map((issue) => {
    const field = fieldName(issue.path);
    const item = nameItem?.(data, issue.path);
    return `${file}: ${item ? `${item}: ` : ''}${field ? `字段 ${field}: ` : ''}${issue.message}`;
  });
}

function parseData(file: SourceFile, errors: string[]): { data: unknown; body: string } | undefined {
  let raw = file.text;
  let body = '';
  if (file.path.endsWith('.mdx') || file.path.endsWith('.md')) {
    const m = FRONTMATTER.exec(file.text);
    if (!m) {
      errors.push(`${file.path}: 缺少以 --- 包围的 frontmatter`);
      return undefined;
    }
    raw = m[1] ?? '';
    body = m[2] ?? '';
  }
  try {
    // YAML 1.2 keeps 2026-02-30 a string, so the schema can reject it instead of rolling it over to March.
    return { data: parseYaml(raw, { version: '1.2' }) ?? {}, body };
  } catch (e) {
    errors.push(`${file.path}: YAML 无法解析：${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function validateWith<T>(
  schema: z.ZodType<T>,
  file: SourceFile,
  errors: string[],
  nameItem?: ItemNamer,
): (Validated<T> & { body: string }) | undefined {
  const parsed = parseData(file, errors);
  if (!parsed) return undefined;
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    errors.push(...formatIssues(file.path, result.error, parsed.data, nameItem));
    return undefined;
  }
  return { path: file.path, id: fileId(file.path), data: result.data, body: parsed.body };
}

export interface HeadingSection {
  depth: number;
  text: string;
  anchor: string;
  /** The first line of text under the heading, without Markdown markers. */
  firstLine: string;
  /** Short terms the section defines: bold phrases and first table cells (indicator names, form names). */
  terms: string[];
}

const MAX_TERMS = 8;

function sectionTerms(line: string): string[] {
  const terms = [...line.matchAll(/\*\*([^*]{2,12})\*\*/g)].map((m) => m[1]!.trim());
  const cell = /^\s*\|([^|]+)\|/.exec(line)?.[1]?.replace(/\*\*/g, '').trim();
  if (cell && cell.length >= 2 && cell.length <= 12 && !/^:?-+:?$/.test(cell)) terms.push(cell);
  return terms;
}

function plainLine(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+[.、)]|>)\s*/, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The ##…###### headings of an MDX body with the anchors the site renders for them. */
export function headingSections(body: string): HeadingSection[] {
  const sections: HeadingSection[] = [];
  const slug = createHeadingSlugger();
  let inFence = false;
  let open: HeadingSection | undefined;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const m = !inFence && /^(#{2,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (m && m[1] && m[2]) {
      open = { depth: m[1].length, text: m[2], anchor: slug(m[2]), firstLine: '', terms: [] };
      sections.push(open);
    } else if (open && !inFence) {
      if (!open.firstLine && !/^\s*\|?\s*:?-{3,}/.test(line)) {
        const text = plainLine(line);
        if (text) open.firstLine = text.length > 60 ? `${text.slice(0, 59)}…` : text;
      }
      for (const term of sectionTerms(line)) {
        if (open.terms.length < MAX_TERMS && !open.terms.includes(term)) open.terms.push(term);
      }
    }
  }
  return sections;
}

export function headingAnchors(body: string): string[] {
  return headingSections(body).map((s) => s.anchor);
}

export interface ContentSources {
  policies: SourceFile[];
  scripts: SourceFile[];
  phrases: SourceFile[];
  flows?: SourceFile[];
  banks?: SourceFile[];
  exams?: SourceFile[];
}

export interface ContentReport {
  errors: string[];
  policies: (Validated<PolicyData> & { anchors: string[]; sections: HeadingSection[] })[];
  scripts: Validated<ScriptData>[];
  phrases: Validated<PhraseData>[];
  flows: Validated<FlowData>[];
  banks: Validated<Bank>[];
  exams: Validated<ExamDefinition>[];
}

/** Validates every content file and every cross-reference between them; never throws. */
export function validateContent(sources: ContentSources): ContentReport {
  const errors: string[] = [];
  const policies: ContentReport['policies'] = [];
  for (const file of sources.policies) {
    const v = validateWith(policySchema, file, errors);
    if (!v) continue;
    const sections = headingSections(v.body);
    policies.push({ path: v.path, id: v.id, data: v.data, anchors: sections.map((s) => s.anchor), sections });
  }
  const policyIds = new Set(policies.map((p) => p.id));
  const knownPolicy = (path: string, field: string, id: string) => {
    if (!policyIds.has(id)) errors.push(`${path}: 字段 ${field}: 引用的制度“${id}”不存在（content/policies/${id}.mdx）`);
  };

  const scripts: ContentReport['scripts'] = [];
  for (const file of sources.scripts) {
    const v = validateWith(scriptSchema, file, errors);
    if (!v) continue;
    if (v.data.id !== v.id) errors.push(`${file.path}: 字段 id: “${v.data.id}”应与文件名“${v.id}”一致`);
    knownPolicy(file.path, 'policy', v.data.policy);
    v.data.lines.forEach((line, i) => {
      for (const name of unknownPlaceholders(line)) {
        errors.push(`${file.path}: 字段 lines[${i}]: 未知占位符 {${name}}`);
      }
    });
    scripts.push({ path: v.path, id: v.id, data: v.data });
  }

  const phrases: ContentReport['phrases'] = [];
  for (const file of sources.phrases) {
    const v = validateWith(phraseSchema, file, errors);
    if (!v) continue;
    if (v.data.id !== v.id) errors.push(`${file.path}: 字段 id: “${v.data.id}”应与文件名“${v.id}”一致`);
    knownPolicy(file.path, 'policy', v.data.policy);
    phrases.push({ path: v.path, id: v.id, data: v.data });
  }

  const scriptIds = new Set(scripts.map((x) => x.id));
  const flows: ContentReport['flows'] = [];
  for (const file of sources.flows ?? []) {
    const v = validateWith(flowSchema, file, errors, stepNames);
    if (!v) continue;
    if (v.data.id !== v.id) errors.push(`${file.path}: 字段 id: “${v.data.id}”应与文件名“${v.id}”一致`);
    knownPolicy(file.path, 'policy', v.data.policy);
    for (const problem of checkFlowGraph(v.data)) {
      errors.push(`${file.path}: 流程 ${v.data.id}${problem.stepId ? ` 步骤 ${problem.stepId}` : ''}: ${problem.message}`);
    }
    for (const step of v.data.steps) {
      for (const id of step.say) {
        if (!scriptIds.has(id)) {
          errors.push(`${file.path}: 流程 ${v.data.id} 步骤 ${step.id}: 字段 say: 话术“${id}”不存在（content/scripts/${id}.yaml）`);
        }
      }
    }
    flows.push({ path: v.path, id: v.id, data: v.data });
  }

  const anchorsOf = new Map(policies.map((p) => [p.id, new Set(p.anchors)]));
  const banks: ContentReport['banks'] = [];
  const questionFile = new Map<string, string>();
  for (const file of sources.banks ?? []) {
    const v = validateWith(bankSchema, file, errors, questionNames);
    if (!v) continue;
    if (v.data.topic !== v.id) errors.push(`${file.path}: 字段 topic: “${v.data.topic}”应与文件名“${v.id}”一致`);
    for (const q of v.data.questions) {
      const seen = questionFile.get(q.id);
      if (seen) errors.push(`${file.path}: 题目 ${q.id}: id 重复（${seen} 里已有同名题目）`);
      questionFile.set(q.id, file.path);
      const [policyId = '', anchor = ''] = q.ref.split('#');
      const anchors = anchorsOf.get(policyId);
      if (!anchors) errors.push(`${file.path}: 题目 ${q.id}: 字段 ref: 制度“${policyId}”不存在`);
      else if (!anchors.has(anchor)) errors.push(`${file.path}: 题目 ${q.id}: 字段 ref: 制度“${policyId}”中没有小标题锚点“#${anchor}”`);
    }
    banks.push({ path: v.path, id: v.id, data: v.data });
  }

  const bankByTopic = new Map(banks.map((b) => [b.data.topic, b]));
  const exams: ContentReport['exams'] = [];
  for (const file of sources.exams ?? []) {
    const v = validateWith(examSchema, file, errors);
    if (!v) continue;
    if (v.data.id !== v.id) errors.push(`${file.path}: 字段 id: “${v.data.id}”应与文件名“${v.id}”一致`);
    v.data.draws.forEach((draw, i) => {
      const bank = bankByTopic.get(draw.topic);
      if (!bank) errors.push(`${file.path}: 字段 draws[${i}].topic: 题库“${draw.topic}”不存在（quizzes/banks/${draw.topic}.yaml）`);
      else if (draw.count > bank.data.questions.length) {
        errors.push(
          `${file.path}: 字段 draws[${i}].count: 要从“${draw.topic}”抽 ${draw.count} 题，但题库只有 ${bank.data.questions.length} 题`,
        );
      }
    });
    v.data.extra.forEach((id, i) => {
      if (!questionFile.has(id)) errors.push(`${file.path}: 字段 extra[${i}]: 题目“${id}”不在任何题库中`);
    });
    exams.push({ path: v.path, id: v.id, data: v.data });
  }
  return { errors, policies, scripts, phrases, flows, banks, exams };
}

/** Names steps[3] by its step id, so a message points at the step a trainer knows. */
function stepNames(data: unknown, path: readonly PropertyKey[]): string | undefined {
  return itemName(data, path, 'steps', '步骤');
}

function questionNames(data: unknown, path: readonly PropertyKey[]): string | undefined {
  return itemName(data, path, 'questions', '题目');
}

function itemName(data: unknown, path: readonly PropertyKey[], list: string, label: string): string | undefined {
  if (path[0] !== list || typeof path[1] !== 'number') return undefined;
  const items = (data as Record<string, unknown> | null)?.[list];
  const item = Array.isArray(items) ? (items[path[1]] as Record<string, unknown> | undefined) : undefined;
  const id = typeof item?.['id'] === 'string' ? item['id'] : `#${path[1] + 1}`;
  return `${label} ${id}`;
}
