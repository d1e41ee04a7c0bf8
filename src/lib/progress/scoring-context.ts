import { banksFromQuestions } from '../quiz/banks.ts';
import type { PublicQuestion } from '../quiz/public.ts';
import type { ExamDefinition } from '../quiz/schema.ts';
import { recoverAnswer } from '../quiz/seal.ts';
import type { Gradable } from '../quiz/score.ts';
import type { ScoringContext } from './dashboard.ts';

/** Re-scoring context from the sealed questions a page ships (answers recovered from their checks). */
export function scoringContext(exams: readonly ExamDefinition[], questions: readonly PublicQuestion[]): ScoringContext {
  const answers = new Map<string, Gradable>();
  for (const q of questions) {
    const answer = recoverAnswer(q, q.sealed);
    if (answer !== undefined) answers.set(q.id, { id: q.id, type: q.type, answer });
  }
  return { exams: new Map(exams.map((e) => [e.id, e])), banks: banksFromQuestions(questions), answers };
}
