import { headingSections } from '../content/validate.ts';
import type { PolicyData } from '../content/schema.ts';
import type { Bank, ExamDefinition } from './schema.ts';
import { publicQuestion, questionView } from './public.ts';
import type { PublicQuestion, QuestionView, RefTarget } from './public.ts';
import { publicSimulation } from '../simulation/public.ts';
import type { PublicSimulation } from '../simulation/public.ts';
import type { Simulation } from '../simulation/schema.ts';
import { examQuestions, examSimulations } from './exam-content.ts';

/** Everything the quiz runner needs in the page. Exam-pool questions only ever travel in a `sealed` payload. */
export type QuizPayload =
  | { mode: 'practice'; topic: string; topics: Record<string, string>; questions: PublicQuestion[] }
  | {
      mode: 'exam';
      exam: ExamDefinition;
      topics: Record<string, string>;
      questions: PublicQuestion[];
      simulations: PublicSimulation[];
    }
  | {
      mode: 'sealed';
      exam: ExamDefinition;
      topics: Record<string, string>;
      questions: QuestionView[];
      /** The simulations a paper may draw, without rubric, model answer or key. */
      simulations: PublicSimulation[];
    };

export type ExamPayload = Extract<QuizPayload, { exam: ExamDefinition }>;

export function refTargets(
  policies: { id: string; data: PolicyData; body?: string | undefined }[],
): Map<string, RefTarget> {
  return new Map(
    policies.map((p) => [
      p.id,
      { policyTitle: p.data.title, headings: new Map(headingSections(p.body ?? '').map((s) => [s.anchor, s.text])) },
    ]),
  );
}

/**
 * An instant exam ships sealed answers (practice pool only: publicQuestion refuses exam-pool questions);
 * a trainer-graded exam ships the questions with no answer material at all.
 */
export function examPayload(
  exam: ExamDefinition,
  banks: readonly Bank[],
  refs: ReadonlyMap<string, RefTarget>,
  preparedSimulations: readonly Simulation[] = [],
): ExamPayload {
  const topics = Object.fromEntries(banks.map((b) => [b.topic, b.title]));
  const chosen = examQuestions(exam, banks);
  const simulations = examSimulations(exam, preparedSimulations).map(publicSimulation);
  if (exam.grading === 'trainer') {
    const questions = chosen.map(({ q, topic }) => questionView(q, topic));
    return { mode: 'sealed', exam, topics, questions, simulations };
  }
  const questions = chosen.map(({ q, topic }) => publicQuestion(q, topic, refs));
  return { mode: 'exam', exam, topics, questions, simulations };
}

/** Practice ships only practice-pool questions, whatever else the bank holds. */
export function practicePayload(bank: Bank, refs: ReadonlyMap<string, RefTarget>): QuizPayload {
  return {
    mode: 'practice',
    topic: bank.topic,
    topics: { [bank.topic]: bank.title },
    questions: bank.questions.filter((q) => q.pool === 'practice').map((q) => publicQuestion(q, bank.topic, refs)),
  };
}

/** JSON for a <script type="application/json"> block: `<` escaped so no text can close the tag. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
