import type { Validated } from '../content/validate.ts';
import { examSimulations } from '../quiz/exam-content.ts';
import type { ExamDefinition } from '../quiz/schema.ts';
import type { Simulation } from './schema.ts';
import { checkText as say } from '../../i18n/strings/content-check.ts';

/**
 * Every exam with a practical part can always draw it: enough simulations in its pool, and one of each
 * must-include topic. Runs only on valid simulations (a broken file is reported once, by its own check).
 */
export function examSimulationErrors(
  exams: readonly Validated<ExamDefinition>[],
  sims: readonly Validated<Simulation>[],
): string[] {
  const errors: string[] = [];
  for (const { path, data: exam } of exams) {
    const spec = exam.simulations;
    if (!spec) continue;
    const pool = examSimulations(
      exam,
      sims.map((s) => s.data),
    );
    const where = say('check.exam.simulations', { path });
    if (pool.length < spec.count) {
      errors.push(say('check.exam.simulationCount', { where, count: spec.count, pool: exam.pool, have: pool.length }));
    }
    const need = new Map<string, number>();
    for (const topic of spec.mustInclude) need.set(topic, (need.get(topic) ?? 0) + 1);
    for (const [topic, n] of need) {
      const have = pool.filter((s) => s.topic === topic).length;
      if (have < n) {
        errors.push(say('check.exam.mustInclude', { where, topic, n, pool: exam.pool, have }));
      }
    }
  }
  return errors;
}
