import { normaliseEmployeeId } from '../grading/identity.ts';
import type { ResultsPayload, SignedResult } from '../grading/results.ts';
import type { Attempt } from './schema.ts';

/**
 * A trainer-graded attempt stays 待评分 on the learner's device; its score comes only from a signed results
 * file the learner imported (verified before it gets here). The exports that are views of the learner's
 * record (xAPI, CSV) show that signed score: each submitted attempt with a verified result for the same
 * attempt, learner, exam version and times becomes graded with the trainer's figures. The newest issue
 * wins (a later signing after a 人工复核). Nothing else changes, and nothing is stored.
 */

function matches(a: Attempt, r: SignedResult, learnerId: string): boolean {
  return (
    a.grading === 'trainer' &&
    r.attemptId === a.id &&
    normaliseEmployeeId(a.learner.employeeId) === learnerId &&
    r.examId === a.examId &&
    r.examVersion === a.examVersion &&
    r.startedAt === a.startedAt &&
    r.finishedAt === a.finishedAt
  );
}

export function withSignedResults(attempts: readonly Attempt[], payloads: readonly ResultsPayload[]): Attempt[] {
  const newestFirst = [...payloads].sort((x, y) => y.issuedAt.localeCompare(x.issuedAt));
  return attempts.map((a) => {
    if (a.grading !== 'trainer') return a;
    for (const p of newestFirst) {
      const r = p.results.find((x) => matches(a, x, p.learner.employeeId));
      if (!r) continue;
      return {
        ...a,
        status: 'graded' as const,
        score: r.score,
        max: r.max,
        percent: r.percent,
        passed: r.passed,
        topics: r.topics.map((t) => ({ topic: t.topic, score: t.score, max: t.max })),
        parts: { theory: r.theory, ...(r.practical ? { practical: r.practical } : {}) },
      };
    }
    return a;
  });
}
