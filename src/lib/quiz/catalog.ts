import type { ExamDefinition as Exam } from './schema.ts';

/** Certification first, then the mock, then monthly exams newest first. */
export function sortExams<T extends { id: string; data: Exam }>(exams: readonly T[]): T[] {
  return [...exams].sort((a, b) => {
    const rank = { certification: 0, mock: 1, monthly: 2 } as const;
    if (a.data.kind !== b.data.kind) return rank[a.data.kind] - rank[b.data.kind];
    return b.id.localeCompare(a.id);
  });
}

export function questionCount(exam: Exam): number {
  return exam.draws.reduce((n, d) => n + d.count, 0) + exam.extra.length;
}
