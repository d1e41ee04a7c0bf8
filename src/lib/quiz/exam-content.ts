import type { Simulation } from '../simulation/schema.ts';
import type { Bank, ExamDefinition } from './schema.ts';

/** What an exam can draw from the content: the same lists on the exam page and in the trainer kit. */

/** The questions an exam may draw: its pool in its draw topics, plus its extra questions. */
export function examQuestions(exam: ExamDefinition, banks: readonly Bank[]) {
  const topics = new Set(exam.draws.map((d) => d.topic));
  const extra = new Set(exam.extra);
  return banks.flatMap((b) =>
    b.questions
      .filter((q) => (topics.has(b.topic) && q.pool === exam.pool) || extra.has(q.id))
      .map((q) => ({ q, topic: b.topic })),
  );
}

/**
 * The simulations an exam may draw: none without a practical part, else those of its pool, by id.
 * The exam page and the trainer kit both draw from this list, so one seed gives one set of calls.
 */
export function examSimulations<S extends Pick<Simulation, 'id' | 'topic' | 'pool'>>(
  exam: Pick<ExamDefinition, 'pool' | 'simulations'>,
  sims: readonly S[],
): S[] {
  if (!exam.simulations) return [];
  return sims.filter((s) => s.pool === exam.pool).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
