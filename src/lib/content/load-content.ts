import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateContent } from './validate.ts';
import type { ContentReport, SourceFile } from './validate.ts';

function readDir(dir: string, ext: RegExp): SourceFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => ext.test(n))
    .sort()
    .map((n) => ({ path: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }));
}

/** Reads and validates the content tree under `root` (Node only: the check script, tests and benchmarks). */
export function loadContent(root = '.'): ContentReport {
  return validateContent({
    policies: readDir(join(root, 'content/policies'), /\.mdx$/),
    scripts: readDir(join(root, 'content/scripts'), /\.ya?ml$/),
    phrases: readDir(join(root, 'content/phrases'), /\.ya?ml$/),
    flows: readDir(join(root, 'content/flows'), /\.ya?ml$/),
    banks: readDir(join(root, 'quizzes/banks'), /\.ya?ml$/),
    exams: readDir(join(root, 'quizzes/exams'), /\.ya?ml$/),
  });
}
