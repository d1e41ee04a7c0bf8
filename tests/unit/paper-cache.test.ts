import { describe, expect, it } from 'vitest';
import { gradeAll } from '../../src/lib/grading/board.ts';
import { addProgressText, emptyIntake, mergedLearners } from '../../src/lib/grading/intake.ts';
import { indexKit } from '../../src/lib/grading/kit.ts';
import { paperFor } from '../../src/lib/grading/paper-cache.ts';
import { drawPaper } from '../../src/lib/quiz/draw.ts';
import { certification, fileText, index, kit, monthly, submitted } from '../fixtures/grading.ts';

const idsAndTopics = (qs: readonly { id: string; topic: string }[]) => qs.map((q) => `${q.topic}/${q.id}`);

describe('papers re-drawn for grading (paper cache)', () => {
  it('gives the questions and topics drawPaper draws, in paper order, for every exam of the kit', () => {
    for (const exam of index.kit.exams)
      for (const seed of ['a', 'b', '0123abcd']) {
        const paper = drawPaper(exam, index.banks.get(exam.id)!, seed);
        const cached = paperFor(index, exam, seed);
        expect(idsAndTopics(cached.questions)).toEqual(idsAndTopics(paper.questions));
        expect([cached.examId, cached.examVersion, cached.seed]).toEqual([exam.id, exam.version, seed]);
      }
  });

  it('draws each exam version + seed once per kit; another exam, seed or kit draws its own', () => {
    const first = paperFor(index, certification, 'same-seed');
    expect(paperFor(index, certification, 'same-seed')).toBe(first);
    expect(idsAndTopics(paperFor(index, certification, 'other-seed').questions)).not.toEqual(
      idsAndTopics(first.questions),
    );
    expect(paperFor(index, index.exams.get(monthly.id)!, 'same-seed').examId).toBe(monthly.id);
    const reloaded = indexKit(kit);
    const again = paperFor(reloaded, reloaded.exams.get(certification.id)!, 'same-seed');
    expect(again).not.toBe(first);
    expect(idsAndTopics(again.questions)).toEqual(idsAndTopics(first.questions));
  });

  it('a kit whose banks cannot make the paper throws every time (nothing half-made is kept)', () => {
    const broken = indexKit({
      ...kit,
      exams: kit.exams.map((e) => (e.id === certification.id ? { ...e, extra: ['no-such-question'] } : e)),
    });
    const exam = broken.exams.get(certification.id)!;
    expect(() => paperFor(broken, exam, 's')).toThrow(/no-such-question/);
    expect(() => paperFor(broken, exam, 's')).toThrow(/no-such-question/);
  });

  it('re-grading (after an override, or a second drop) gives the same grades as the first grading', async () => {
    const learner = { employeeId: 'E3003', name: '王五' };
    const attempts = ['x1', 'x2', 'x1'].map((seed, i) =>
      submitted(learner, certification.id, seed, {
        id: `cache-${i}`,
        right: 20 + i * 5,
        startedAt: `2026-11-0${i + 1}T02:00:00.000Z`,
      }),
    );
    const intake = emptyIntake();
    await addProgressText(intake, 'p.json', fileText(learner, attempts));
    const fresh = indexKit(kit);
    const once = gradeAll(mergedLearners(intake), [fresh], new Map());
    const twice = gradeAll(mergedLearners(intake), [fresh], new Map());
    expect(twice).toEqual(once);
    // Each attempt's questions are scored once per kit; another kit scores afresh, to the same result.
    expect(twice[0]!.grades[0]!.result!.questions).toBe(once[0]!.grades[0]!.result!.questions);
    const other = gradeAll(mergedLearners(intake), [indexKit(kit)], new Map());
    expect(other[0]!.grades[0]!.result!.questions).not.toBe(once[0]!.grades[0]!.result!.questions);
    expect(other).toEqual(once);
    // Two attempts with one seed share a paper but keep their own responses and scores.
    const [a, , c] = once[0]!.grades;
    expect(a!.result!.score).not.toBe(c!.result!.score);
  });
});
