// Change impact for the content check: which policies differ from their last commit, and what depends on them.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { workingTreePolicyChanges } from '../src/lib/content/git-history.ts';
import { formatImpact, policyImpact } from '../src/lib/content/impact.ts';
import type { ContentReport, SourceFile } from '../src/lib/content/validate.ts';

function walk(root: string, dir: string, out: SourceFile[]): SourceFile[] {
  let names: string[];
  try {
    names = readdirSync(join(root, dir));
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (/\.(mdx|md|ya?ml)$/.test(name)) out.push({ path, text: readFileSync(join(root, path), 'utf8') });
    else if (!name.includes('.')) walk(root, path, out);
  }
  return out;
}

/** Lines to print; `always` also prints when nothing changed or git is missing. */
export function impactReport(root: string, report: ContentReport, always: boolean): string[] {
  const changes = workingTreePolicyChanges(root);
  if (!changes) return ['变更影响：未找到 git 仓库，跳过（无法与上次提交的版本比较）。'];
  if (!changes.length) return always ? ['变更影响：没有尚未提交的制度改动。'] : [];
  const files = [...walk(root, 'content', []), ...walk(root, 'quizzes', [])];
  // Every path printed relative to the content root, as a trainer opens it.
  const rel = <T extends { path: string }>(list: T[]) => list.map((e) => ({ ...e, path: relative(root, e.path) }));
  const dependents = { banks: rel(report.banks), scripts: rel(report.scripts), flows: rel(report.flows) };
  return formatImpact(changes.map((c) => policyImpact(c, dependents, files)));
}
