import type { QuestionType } from './schema.ts';

/** A learner's answer: option index (single-like), indexes (multiple, order), boolean (true/false); null = blank. */
export type Response = number | number[] | boolean | null;

/** The correct answer, in the same shape as a response. */
export type Answer = number | number[] | boolean;

/** What every paper needs to know about a question, answers left out. */
export interface QuestionShape {
  id: string;
  type: QuestionType;
  /** Option count; 0 for true/false. */
  optionCount: number;
  difficulty: 1 | 2 | 3;
  pool: 'practice' | 'exam';
  /** The fact it tests; a question without one is its own fact. */
  fact?: string | undefined;
}

export interface PaperQuestion {
  id: string;
  topic: string;
  /** Source option indexes in the order they are shown; empty for true/false. */
  order: number[];
}

export interface Paper {
  examId: string;
  examVersion: string;
  seed: string;
  questions: PaperQuestion[];
  /** 实操: simulation ids drawn for this paper (empty when the exam has no practical part). */
  simulations?: string[];
}
