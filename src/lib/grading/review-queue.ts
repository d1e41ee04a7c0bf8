import type { LearnerGrades } from './board.ts';
import type { AttemptGrade, SimulationOutcome } from './grade.ts';

/**
 * The calls a trainer reviews (人工复核). A drop of 500 files holds tens of thousands of calls: the dashboard
 * lists by default only those a review can change or has changed, and shows them a page at a time.
 */

export interface ReviewItem {
  lg: LearnerGrades;
  g: AttemptGrade;
  s: SimulationOutcome;
}

/** needs-review: the default queue; all: every call of every graded attempt. */
export type ReviewFilter = 'needs-review' | 'all';

/**
 * A call needs review when the judge did not pass it or could not judge it, or a trainer already changed
 * it, and its attempt counts but for that call (an attempt excluded for another reason, such as a second
 * try on a one-time exam, stays excluded whatever the call's result).
 */
export function needsReview(g: AttemptGrade, s: SimulationOutcome): boolean {
  const blocked = g.reasons.some((r) => r.code !== 'simulation-unjudged');
  return !blocked && (s.override !== undefined || s.auto?.passed !== true);
}

/** Calls in roster order (learner id, then start time), narrowed by the filter and an id or name query. */
export function reviewItems(graded: readonly LearnerGrades[], filter: ReviewFilter, query = ''): ReviewItem[] {
  const q = query.trim().toLowerCase();
  const items: ReviewItem[] = [];
  for (const lg of graded) {
    const { employeeId, name } = lg.learner;
    if (q && !employeeId.toLowerCase().includes(q) && !name.toLowerCase().includes(q)) continue;
    for (const g of lg.grades)
      for (const s of g.result?.simulations ?? []) if (filter === 'all' || needsReview(g, s)) items.push({ lg, g, s });
  }
  return items;
}

/** How many calls there are in all, and how many need review. */
export function reviewCounts(graded: readonly LearnerGrades[]): { total: number; needsReview: number } {
  let total = 0;
  let needs = 0;
  for (const lg of graded)
    for (const g of lg.grades)
      for (const s of g.result?.simulations ?? []) {
        total++;
        if (needsReview(g, s)) needs++;
      }
  return { total, needsReview: needs };
}
