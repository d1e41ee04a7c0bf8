import { sha256Hex } from './export.ts';
import type { Attempt } from './schema.ts';

export const CERTIFICATION_EXAM_ID = 'certification';

export interface CertificationStatus {
  certified: boolean;
  /** The first passed attempt: its date is the certification date. */
  attempt?: Attempt;
  bestPercent?: number;
  attempts: number;
}

/** Certification is derived from attempts every time, never stored on its own. */
export function certificationStatus(attempts: readonly Attempt[], employeeId: string): CertificationStatus {
  const own = attempts.filter((a) => a.examId === CERTIFICATION_EXAM_ID && a.learner.employeeId === employeeId);
  // A submitted (待评分) attempt has no score: it is neither passed nor a best score.
  const graded = own.filter((a) => a.status === 'graded' && a.percent !== undefined);
  const passed = graded.filter((a) => a.passed === true).sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  const best = graded.reduce<number | undefined>(
    (m, a) => (m === undefined || a.percent! > m ? a.percent : m),
    undefined,
  );
  return {
    certified: passed.length > 0,
    ...(passed[0] ? { attempt: passed[0] } : {}),
    ...(best !== undefined ? { bestPercent: best } : {}),
    attempts: own.length,
  };
}

/**
 * Verification code printed on a certificate: derived from the attempt, so the trainer's dashboard
 * recomputes it from the learner's exported file. XXXX-XXXX-XXXX, hex, upper case.
 */
export function verificationCode(a: Attempt): string {
  const hex = sha256Hex(
    [
      'cert-v1',
      a.learner.employeeId,
      a.learner.name,
      a.examId,
      a.examVersion,
      a.seed,
      a.score,
      a.max,
      a.finishedAt,
    ].join('|'),
  )
    .slice(0, 12)
    .toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}
