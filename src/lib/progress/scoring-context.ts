import { banksFromQuestions } from '../quiz/banks.ts';
import type { QuizPayload } from '../quiz/payload.ts';
import type { PublicQuestion } from '../quiz/public.ts';
import { recoverAnswer } from '../quiz/seal.ts';
import type { Gradable } from '../quiz/score.ts';
import type { ExamRules, ScoringContext } from './dashboard.ts';

type ExamDef = NonNullable<QuizPayload['exam']>;

export function examRules(exam: ExamDef): ExamRules {
  return {
    id: exam.id,
    version: exam.version,
    kind: exam.kind,
    draws: exam.draws,
    extra: exam.extra,
    passMark: exam.passMark,
    topicPassMark: exam.topicPassMark,
    mustPass: exam.draws.filter((d) => d.mustPass).map((d) => d.topic),
    partialCredit: exam.partialCredit,
  };
}

/** Re-scoring context from the sealed questions a page ships (answers recovered from their checks). */
export function scoringContext(exams: readonly ExamDef[], questions: readonly PublicQuestion[]): ScoringContext {
  const answers = new Map<string, Gradable>();
  for (const q of questions) {
    const answer = recoverAnswer(q, q.sealed);
    if (answer !== undefined) answers.set(q.id, { id: q.id, type: q.type, answer });
  }
  return {
    exams: new Map(exams.map((e) => [e.id, examRules(e)])),
    banks: banksFromQuestions(questions),
    answers,
  };
}
