import type { ExamDefinition } from '../quiz/schema.ts';
import type { Gradable } from '../quiz/score.ts';
import type { QuestionShape } from '../quiz/types.ts';

/**
 * Scoring context types of the first release's page-side re-scoring (kept for the shared progress
 * fixtures). The trainer's dashboard grades against the trainer kit instead: src/lib/grading/.
 */

export interface ScoringContext {
  exams: ReadonlyMap<string, ExamDefinition>;
  banks: ReadonlyMap<string, readonly QuestionShape[]>;
  answers: ReadonlyMap<string, Gradable>;
}
