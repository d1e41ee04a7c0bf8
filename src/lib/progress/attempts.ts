import { attemptListSchema, parseStoredList } from './schema.ts';
import type { Attempt, ParsedList } from './schema.ts';
import { migrateAttempt } from './migrate.ts';

export type { Attempt };

export const ATTEMPTS_STORAGE_KEY = 'kb.attempts.v1';

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

export function parseAttempts(raw: string | null): ParsedList<Attempt> {
  return parseStoredList(raw, attemptListSchema, '考试记录', migrateAttempt);
}
