import type { ExamKind } from '../quiz/kinds.ts';
import type { ExamShape } from '../quiz/draw.ts';
import type { Gradable, ScoringRules } from '../quiz/score.ts';
import type { QuestionShape } from '../quiz/types.ts';

/**
 * Scoring context types of the first release's page-side re-scoring (kept for the shared progress
 * fixtures). The trainer's dashboard grades against the trainer kit instead: src/lib/grading/.
 */

export interface ExamRules extends ExamShape, ScoringRules {
  kind: ExamKind;
}

export interface ScoringContext {
  exams: ReadonlyMap<string, ExamRules>;
  banks: ReadonlyMap<string, readonly QuestionShape[]>;
  answers: ReadonlyMap<string, Gradable>;
}
