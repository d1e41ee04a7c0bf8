import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentReport } from '../content/validate.ts';
import { placeholderValues } from '../../site.config.ts';
import { validateSimulations } from './validate.ts';
import type { SimulationReport } from './validate.ts';

/** Reads and validates quizzes/simulations under `root` against a validated content report (Node only). */
export function loadSimulations(root: string, content: Pick<ContentReport, 'policies' | 'phrases'>): SimulationReport {
  const dir = join(root, 'quizzes/simulations');
  let names: string[] = [];
  try {
    names = readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort();
  } catch {
    names = [];
  }
  const files = names.map((n) => ({ path: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }));
  return validateSimulations(files, {
    policies: content.policies,
    phrases: content.phrases,
    values: placeholderValues,
  });
}
