import type { Attempt } from './schema.ts';

export type { Attempt };

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

export interface GradedResult {
  score: number;
  max: number;
  percent: number;
  passed: boolean;
}

/**
 * The score of a graded attempt; undefined for one waiting for a trainer (status `submitted`, shown as
 * 待评分), never 0. Written against optional score fields, which trainer grading introduces.
 */
export function gradedResult(a: Attempt): GradedResult | undefined {
  const r = a as Partial<GradedResult>;
  if (a.status !== 'graded') return undefined;
  if (typeof r.score !== 'number' || typeof r.max !== 'number' || typeof r.percent !== 'number') return undefined;
  if (typeof r.passed !== 'boolean') return undefined;
  return { score: r.score, max: r.max, percent: r.percent, passed: r.passed };
}
