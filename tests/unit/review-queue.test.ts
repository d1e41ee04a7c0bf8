import { describe, expect, it } from 'vitest';
import { addProgressText, emptyIntake, mergedLearners } from '../../src/lib/grading/intake.ts';
import { gradeAll } from '../../src/lib/grading/board.ts';
import type { LearnerGrades } from '../../src/lib/grading/board.ts';
import { overrideKey } from '../../src/lib/grading/grade.ts';
import type { Override } from '../../src/lib/grading/grade.ts';
import type { SimulationGrader } from '../../src/lib/grading/simulation-grader.ts';
import { reviewCounts, reviewItems } from '../../src/lib/grading/review-queue.ts';
import {
  SIM_EXAM_ID,
  SIM_IDS,
  badTranscript,
  fileText,
  goodSims,
  index,
  modelTranscript,
  submitted,
  unjudgingGrader,
} from '../fixtures/grading.ts';
import type { Attempt, Learner } from '../../src/lib/progress/schema.ts';

const zhang = { employeeId: 'E1001', name: '张三' };
const li = { employeeId: 'E2002', name: '李四' };
const [a1, a2] = SIM_IDS;

async function grade(
  files: [Learner, Attempt[]][],
  overrides = new Map<string, Override>(),
  grader: SimulationGrader = index.grader,
): Promise<LearnerGrades[]> {
  const intake = emptyIntake();
  await Promise.all(files.map(([l, attempts]) => addProgressText(intake, l.employeeId, fileText(l, attempts))));
  return gradeAll(mergedLearners(intake), [index], overrides, () => grader);
}

const listed = (items: ReturnType<typeof reviewItems>) =>
  items.map(({ lg, g, s }) => `${lg.learner.employeeId} ${g.attempt.id} ${s.simulationId}`);

describe('the review queue (人工复核)', () => {
  const failedOne = submitted(zhang, SIM_EXAM_ID, 'q1', { simulations: [modelTranscript(a1), badTranscript(a2)] });
  const allGood = submitted(li, SIM_EXAM_ID, 'q2', { simulations: goodSims });

  it('lists by default only the calls the judge did not pass; "all" lists every call, in roster order', async () => {
    const graded = await grade([
      [li, [allGood]],
      [zhang, [failedOne]],
    ]);
    expect(listed(reviewItems(graded, 'needs-review'))).toEqual([`E1001 ${failedOne.id} ${a2}`]);
    // Learners in id order; each attempt's calls in the order its paper drew them.
    const all = listed(reviewItems(graded, 'all'));
    expect(all.map((line) => line.split(' ')[0])).toEqual(['E1001', 'E1001', 'E2002', 'E2002']);
    expect([...all].sort()).toEqual(
      [
        `E1001 ${failedOne.id} ${a1}`,
        `E1001 ${failedOne.id} ${a2}`,
        `E2002 ${allGood.id} ${a1}`,
        `E2002 ${allGood.id} ${a2}`,
      ].sort(),
    );
    expect(reviewCounts(graded)).toEqual({ total: 4, needsReview: 1 });
  });

  it('keeps a call a trainer has changed in the queue, whichever way, so the decision stays in view', async () => {
    const overrides = new Map<string, Override>([
      [overrideKey(allGood.id, a1), { passed: false, reason: '录音里没有核实身份' }],
    ]);
    const graded = await grade([[li, [allGood]]], overrides);
    expect(listed(reviewItems(graded, 'needs-review'))).toEqual([`E2002 ${allGood.id} ${a1}`]);
  });

  it('lists calls the judge could not judge (their attempt waits for the review)', async () => {
    const graded = await grade([[li, [allGood]]], new Map(), unjudgingGrader);
    expect(graded[0]!.grades[0]!.reasons.map((r) => r.code)).toEqual(['simulation-unjudged']);
    expect(reviewItems(graded, 'needs-review')).toHaveLength(2);
  });

  it('leaves out calls of an attempt excluded for another reason: a review cannot make it count', async () => {
    const pass = submitted(zhang, SIM_EXAM_ID, 'first', { startedAt: '2026-10-01T02:00:00.000Z' });
    const later = submitted(zhang, SIM_EXAM_ID, 'later', {
      startedAt: '2026-10-09T02:00:00.000Z',
      simulations: [badTranscript(a1), badTranscript(a2)],
    });
    const graded = await grade([[zhang, [pass, later]]]);
    expect(graded[0]!.grades.find((g) => g.attempt.id === later.id)!.reasons.map((r) => r.code)).toEqual([
      'after-pass',
    ]);
    expect(reviewItems(graded, 'needs-review')).toEqual([]);
    expect(reviewItems(graded, 'all')).toHaveLength(4);
  });

  it('narrows to learners whose id or name contains the query, ignoring case and spaces around it', async () => {
    const graded = await grade([
      [li, [allGood]],
      [zhang, [failedOne]],
    ]);
    expect(listed(reviewItems(graded, 'all', ' e2002 '))).toEqual([
      `E2002 ${allGood.id} ${a1}`,
      `E2002 ${allGood.id} ${a2}`,
    ]);
    expect(reviewItems(graded, 'all', '张')).toHaveLength(2);
    expect(reviewItems(graded, 'all', '王五')).toEqual([]);
  });
});
