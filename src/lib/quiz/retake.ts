import type { PracticeRecord as StoredPracticeRecord } from '../progress/practice.ts';
import { isGraded } from '../progress/attempts.ts';
import type { Attempt } from '../progress/schema.ts';
import type { ExamDefinition } from './schema.ts';

/** What the retake rule reads of a practice record (one schema: src/lib/progress/practice.ts). */
export type PracticeRecord = Pick<StoredPracticeRecord, 'topic' | 'at'>;

export type StartDecision =
  | { ok: true }
  | { ok: false; reason: 'passed' | 'taken' | 'pending' }
  | { ok: false; reason: 'practise'; topics: string[] }
  | { ok: false; reason: 'wait'; until: string };

/** Topics of a graded attempt below the exam's topic pass mark: what to practise before a retake. */
export function failedTopics(attempt: Attempt, topicPassMark: number): string[] {
  return (attempt.topics ?? []).filter((t) => t.max > 0 && (t.score / t.max) * 100 < topicPassMark).map((t) => t.topic);
}

/**
 * Whether a learner may start an exam. until-passed: not after a pass, not while a submission waits
 * for its trainer, and after a failure only once each failed topic was practised here since and the
 * waiting time has passed (seed 004: 不合格补考或重新培训直至通过). none: once. unlimited: always.
 */
export function retakeDecision(
  exam: Pick<ExamDefinition, 'id' | 'retake' | 'topicPassMark'> & { retakeAfter?: ExamDefinition['retakeAfter'] },
  attempts: readonly Attempt[],
  employeeId: string,
  practice: readonly PracticeRecord[] = [],
  now: Date = new Date(),
): StartDecision {
  const own = attempts.filter((a) => a.examId === exam.id && a.learner.employeeId === employeeId);
  if (exam.retake === 'unlimited') return { ok: true };
  if (exam.retake === 'none') return own.length ? { ok: false, reason: 'taken' } : { ok: true };
  if (own.some((a) => isGraded(a) && a.passed)) return { ok: false, reason: 'passed' };
  if (own.some((a) => a.status === 'submitted')) return { ok: false, reason: 'pending' };
  const last = own.filter(isGraded).sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0];
  if (!last || !exam.retakeAfter) return { ok: true };
  if (exam.retakeAfter.practiseFailedTopics) {
    const since = Date.parse(last.finishedAt);
    const todo = failedTopics(last, exam.topicPassMark).filter(
      (topic) => !practice.some((p) => p.topic === topic && Date.parse(p.at) >= since),
    );
    if (todo.length) return { ok: false, reason: 'practise', topics: todo };
  }
  const until = Date.parse(last.finishedAt) + exam.retakeAfter.hours * 3_600_000;
  if (now.getTime() < until) return { ok: false, reason: 'wait', until: new Date(until).toISOString() };
  return { ok: true };
}
