import type { Attempt } from './schema.ts';

export type { Attempt };

/** An attempt with its score: instant exams on submit, trainer-graded ones once a trainer's result is imported. */
export type GradedAttempt = Attempt & {
  status: 'graded';
  score: number;
  max: number;
  percent: number;
  passed: boolean;
  topics: NonNullable<Attempt['topics']>;
};

export function isGraded(a: Attempt): a is GradedAttempt {
  return (
    a.status === 'graded' &&
    a.score !== undefined &&
    a.max !== undefined &&
    a.percent !== undefined &&
    a.passed !== undefined &&
    a.topics !== undefined
  );
}

export interface GradedResult {
  score: number;
  max: number;
  percent: number;
  passed: boolean;
}

/** The score of a graded attempt; undefined for one waiting for a trainer (待评分), never 0. */
export function gradedResult(a: Attempt): GradedResult | undefined {
  if (!isGraded(a)) return undefined;
  return { score: a.score, max: a.max, percent: a.percent, passed: a.passed };
}
