import type { Response } from '../quiz/types.ts';

/** One finished exam attempt, as the browser keeps it (the progress export builds on this). */
export interface Attempt {
  examId: string;
  examVersion: string;
  kind: 'certification' | 'monthly';
  seed: string;
  learner: { employeeId: string; name: string };
  responses: Record<string, Response>;
  score: number;
  max: number;
  percent: number;
  passed: boolean;
  topics: { topic: string; score: number; max: number }[];
  startedAt: string;
  finishedAt: string;
}

export const ATTEMPTS_STORAGE_KEY = 'kb.attempts.v1';

export type ParsedAttempts = { ok: true; attempts: Attempt[] } | { ok: false; reason: string };

function isAttempt(v: unknown): v is Attempt {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  const learner = a['learner'] as Record<string, unknown> | undefined;
  return (
    typeof a['examId'] === 'string' &&
    typeof a['seed'] === 'string' &&
    typeof a['score'] === 'number' &&
    typeof a['max'] === 'number' &&
    typeof a['passed'] === 'boolean' &&
    typeof a['startedAt'] === 'string' &&
    typeof a['finishedAt'] === 'string' &&
    typeof a['responses'] === 'object' &&
    a['responses'] !== null &&
    typeof learner?.['employeeId'] === 'string'
  );
}

export function parseAttempts(raw: string | null): ParsedAttempts {
  if (raw === null || raw === '') return { ok: true, attempts: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: '考试记录不是有效的 JSON' };
  }
  if (!Array.isArray(value)) return { ok: false, reason: '考试记录格式不对（应为列表）' };
  const bad = value.findIndex((v) => !isAttempt(v));
  if (bad !== -1) return { ok: false, reason: `第 ${bad + 1} 条考试记录缺少必要字段` };
  return { ok: true, attempts: value as Attempt[] };
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
