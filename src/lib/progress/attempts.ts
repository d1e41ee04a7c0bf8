import { attemptListSchema, parseStoredList } from './schema.ts';
import type { Attempt, ParsedList } from './schema.ts';
import { migrateAttempt } from './migrate.ts';

export type { Attempt };

export const ATTEMPTS_STORAGE_KEY = 'kb.attempts.v1';

export function parseAttempts(raw: string | null): ParsedList<Attempt> {
  return parseStoredList(raw, attemptListSchema, '考试记录', migrateAttempt);
}

export interface StartDecision {
  ok: boolean;
  reason?: 'passed' | 'taken';
}

/**
 * Retake rules: certification until passed (seed 004: 补考直至通过), a monthly exam once per learner,
 * 'unlimited' always.
 */
export function canStart(
  exam: { id: string; retake: 'until-passed' | 'unlimited' | 'none' },
  attempts: readonly Attempt[],
  employeeId: string,
): StartDecision {
  const own = attempts.filter((a) => a.examId === exam.id && a.learner.employeeId === employeeId);
  if (exam.retake === 'until-passed' && own.some((a) => a.passed)) return { ok: false, reason: 'passed' };
  if (exam.retake === 'none' && own.length > 0) return { ok: false, reason: 'taken' };
  return { ok: true };
}
