import type { Exam } from './schema.ts';

/** Certification first, then monthly exams newest first. */
export function sortExams<T extends { id: string; data: Exam }>(exams: readonly T[]): T[] {
  return [...exams].sort((a, b) => {
    if (a.data.kind !== b.data.kind) return a.data.kind === 'certification' ? -1 : 1;
    return b.id.localeCompare(a.id);
  });
}

export function questionCount(exam: Exam): number {
  return exam.draws.reduce((n, d) => n + d.count, 0) + exam.extra.length;
}
