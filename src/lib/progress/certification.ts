import type { Attempt } from './schema.ts';
import { isGraded } from './attempts.ts';
import type { GradedAttempt } from './attempts.ts';

export const CERTIFICATION_EXAM_ID = 'certification';

export interface CertificationStatus {
  certified: boolean;
  /** The first passed attempt: its date is the certification date. */
  attempt?: GradedAttempt;
  bestPercent?: number;
  attempts: number;
}

/** Certification is derived from attempts every time, never stored on its own. */
export function certificationStatus(attempts: readonly Attempt[], employeeId: string): CertificationStatus {
  const all = attempts.filter((a) => a.examId === CERTIFICATION_EXAM_ID && a.learner.employeeId === employeeId);
  // Only graded attempts count: a sealed submission waits for its trainer (待评分).
  const own = all.filter(isGraded);
  const passed = own.filter((a) => a.passed).sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  const best = own.reduce<number | undefined>((m, a) => (m === undefined || a.percent > m ? a.percent : m), undefined);
  return {
    certified: passed.length > 0,
    ...(passed[0] ? { attempt: passed[0] } : {}),
    ...(best !== undefined ? { bestPercent: best } : {}),
    attempts: all.length,
  };
}
