import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { phraseSchema, policySchema, scriptSchema } from './schema.ts';
import type { PhraseData, PolicyData, ScriptData } from './schema.ts';
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

export function formatIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = fieldName(issue.path);
    return `${file}: ${field ? `字段 ${field}: ` : ''}${issue.message}`;
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
): (Validated<T> & { body: string }) | undefined {
  const parsed = parseData(file, errors);
  if (!parsed) return undefined;
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    errors.push(...formatIssues(file.path, result.error));
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
}

export interface ContentReport {
  errors: string[];
  policies: (Validated<PolicyData> & { anchors: string[]; sections: HeadingSection[] })[];
  scripts: Validated<ScriptData>[];
  phrases: Validated<PhraseData>[];
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
  return { errors, policies, scripts, phrases };
}
