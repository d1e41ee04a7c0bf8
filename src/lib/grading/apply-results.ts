import type { Attempt } from '../progress/schema.ts';
import { normaliseEmployeeId } from './identity.ts';
import type { ResultsPayload } from './results.ts';

/**
 * Submitted attempts with the trainer's signed grading applied (verified payloads, oldest issue first):
 * the score, verdict, topics and both parts (理论, 实操), so 我的进度 and its exports (JSON, CSV, xAPI)
 * show what the trainer signed. Only the same learner's attempt of the same exam version is touched.
 */
export function withSignedResults(attempts: readonly Attempt[], payloads: readonly ResultsPayload[]): Attempt[] {
  const latest = new Map<string, { payload: ResultsPayload; result: ResultsPayload['results'][number] }>();
  for (const payload of payloads)
    for (const result of payload.results) latest.set(result.attemptId, { payload, result });
  return attempts.map((a) => {
    const hit = latest.get(a.id);
    if (!hit || a.grading !== 'trainer') return a;
    const { payload, result: r } = hit;
    const same =
      normaliseEmployeeId(payload.learner.employeeId) === normaliseEmployeeId(a.learner.employeeId) &&
      r.examId === a.examId &&
      r.examVersion === a.examVersion;
    if (!same) return a;
    return {
      ...a,
      status: 'graded',
      score: r.score,
      max: r.max,
      percent: r.percent,
      passed: r.passed,
      topics: r.topics.map(({ topic, score, max }) => ({ topic, score, max })),
      parts: { theory: r.theory, ...(r.practical ? { practical: r.practical } : {}) },
    };
  });
}
