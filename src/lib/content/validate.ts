import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import type { FlowData, PhraseData, PolicyData, ScriptData } from './schema.ts';
import type { Bank, ExamDefinition } from '../quiz/schema.ts';
import { parseBody, sectionsOf } from './headings.ts';
import type { HeadingSection } from './headings.ts';
import { checkPolicyBody } from './mdx-safety.ts';
import { collections } from './collections.ts';
import type { CollectionKey } from './collections.ts';
import { checkText as say } from '../../i18n/strings/content-check.ts';

export { headingSections, headingAnchors } from './headings.ts';
export type { HeadingSection } from './headings.ts';

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
export type ItemNamer = (data: unknown, path: readonly PropertyKey[]) => string | undefined;

export function formatIssues(file: string, error: z.ZodError, data?: unknown, nameItem?: ItemNamer): string[] {
  return error.issues.map((issue) => {
    const field = fieldName(issue.path);
    const item = nameItem?.(data, issue.path);
    return `${file}: ${item ? `${item}: ` : ''}${field ? say('check.field', { field }) : ''}${issue.message}`;
  });
}

interface Parsed {
  data: unknown;
  body: string;
  /** Lines before the body (the frontmatter and its fences). */
  bodyLine: number;
}

function parseData(file: SourceFile, errors: string[]): Parsed | undefined {
  let raw = file.text;
  let body = '';
  let bodyLine = 0;
  if (file.path.endsWith('.mdx') || file.path.endsWith('.md')) {
    const m = FRONTMATTER.exec(file.text);
    if (!m) {
      errors.push(say('check.file.noFrontmatter', { path: file.path }));
      return undefined;
    }
    raw = m[1] ?? '';
    body = m[2] ?? '';
    bodyLine = file.text.slice(0, file.text.length - body.length).split('\n').length - 1;
  }
  try {
    // YAML 1.2 keeps 2026-02-30 a string, so the schema can reject it instead of rolling it over to March.
    return { data: parseYaml(raw, { version: '1.2' }) ?? {}, body, bodyLine };
  } catch (e) {
    errors.push(say('check.file.yaml', { path: file.path, error: String((e as Error).message.split('\n')[0]) }));
    return undefined;
  }
}

export type PolicyEntry = Validated<PolicyData> & { anchors: string[]; sections: HeadingSection[]; body: string };

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
  policies: PolicyEntry[];
  scripts: Validated<ScriptData>[];
  phrases: Validated<PhraseData>[];
  flows: Validated<FlowData>[];
  banks: Validated<Bank>[];
  exams: Validated<ExamDefinition>[];
  /** Ids of files that exist but failed to load: references to them are not reported again. */
  broken: Record<CollectionKey, Set<string>>;
}

/** What a collection's cross-reference checks may ask about the whole tree. */
export interface CheckContext {
  report: ContentReport;
  error(message: string): void;
  /**
   * Reports a reference to a missing entry. A reference to an entry that failed to load is silent: its
   * own error is already reported (one mistake, one message). Returns the entry when it loaded.
   */
  resolve<K extends CollectionKey>(
    key: K,
    id: string,
    message: () => string,
  ): ContentReport[K][number] | undefined;
}

/** Loads one file: parse, schema, file-name id; policies also have their MDX body checked. */
function loadEntry(key: CollectionKey, file: SourceFile, report: ContentReport): void {
  const spec = collections[key];
  const errors = report.errors;
  const parsed = parseData(file, errors);
  const id = fileId(file.path);
  const fail = () => void report.broken[key].add(id);
  if (!parsed) return fail();
  const result = spec.schema.safeParse(parsed.data);
  if (!result.success) {
    errors.push(...formatIssues(file.path, result.error, parsed.data, spec.nameItem));
    return fail();
  }
  const data = result.data as Record<string, unknown>;
  if (spec.idField && data[spec.idField] !== id) {
    const value = String(data[spec.idField]);
    errors.push(say('check.file.idMismatch', { where: file.path, field: spec.idField, value, id }));
  }
  if (key === 'policies') {
    const tree = parseBody(parsed.body);
    const problems = checkPolicyBody(parsed.body, parsed.bodyLine, tree);
    if (problems.length) {
      errors.push(...problems.map((p) => `${file.path}:${p.line}: ${p.message}`));
      return fail();
    }
    const sections = tree.ok ? sectionsOf(tree.root) : [];
    const entry: PolicyEntry = {
      path: file.path,
      id,
      data: data as PolicyData,
      anchors: sections.map((s) => s.anchor),
      sections,
      body: parsed.body,
    };
    report.policies.push(entry);
    return;
  }
  (report[key] as Validated<unknown>[]).push({ path: file.path, id, data });
}

/** Validates every content file and every cross-reference between them; never throws. */
export function validateContent(sources: ContentSources): ContentReport {
  const report: ContentReport = {
    errors: [],
    policies: [],
    scripts: [],
    phrases: [],
    flows: [],
    banks: [],
    exams: [],
    broken: { policies: new Set(), scripts: new Set(), phrases: new Set(), flows: new Set(), banks: new Set(), exams: new Set() },
  };
  const keys = Object.keys(collections) as CollectionKey[];
  for (const key of keys) for (const file of sources[key] ?? []) loadEntry(key, file, report);

  const ctx: CheckContext = {
    report,
    error: (message) => report.errors.push(message),
    resolve(key, id, message) {
      const found = (report[key] as Validated<unknown>[]).find((e) => e.id === id);
      if (!found && !report.broken[key].has(id)) report.errors.push(message());
      return found as never;
    },
  };
  for (const key of keys) {
    const check = collections[key].check;
    if (check) for (const entry of report[key]) check(entry as never, ctx);
  }
  return report;
}
