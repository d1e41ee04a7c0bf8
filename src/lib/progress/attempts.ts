import { attemptListSchema, issuePath } from './schema.ts';
import type { Attempt } from './schema.ts';

export type { Attempt };

export const ATTEMPTS_STORAGE_KEY = 'kb.attempts.v1';

export type ParsedAttempts = { ok: true; attempts: Attempt[] } | { ok: false; reason: string };

export function parseAttempts(raw: string | null): ParsedAttempts {
  if (raw === null || raw === '') return { ok: true, attempts: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: '考试记录不是有效的 JSON' };
  }
  const parsed = attemptListSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `考试记录格式不对（${issue ? issuePath(issue.path) || '整体' : '整体'}）` };
  }
  return { ok: true, attempts: parsed.data };
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
