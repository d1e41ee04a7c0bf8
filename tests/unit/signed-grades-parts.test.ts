import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { addProgressText, emptyIntake, mergedLearners } from '../../src/lib/grading/intake.ts';
import { gradeAll } from '../../src/lib/grading/board.ts';
import { withSignedResults } from '../../src/lib/progress/signed-grades.ts';
import { resultsPayload } from '../../src/lib/grading/results.ts';
import { attemptsCsv } from '../../src/lib/progress/csv.ts';
import { attemptStatements } from '../../src/lib/progress/xapi.ts';
import {
  SIM_EXAM_ID,
  badTranscript,
  fileText,
  index,
  modelTranscript,
  SIM_IDS,
  submitted,
} from '../fixtures/grading.ts';

const zhang = { employeeId: 'E1001', name: '张三' };

/** The dashboard's signed payload for one learner's submitted attempts (signature checked elsewhere). */
async function payloadFor(attempts: Parameters<typeof fileText>[1]) {
  const intake = emptyIntake();
  await addProgressText(intake, 'p.json', fileText(zhang, attempts));
  const [lg] = gradeAll(mergedLearners(intake), [index], new Map());
  return resultsPayload(lg!, 'KID', '2026-11-24T02:00:00.000Z', new Map());
}

// A failed attempt, then a retake two days later (past the wait) that passes.
const failed = submitted(zhang, SIM_EXAM_ID, 'p2', {
  simulations: [modelTranscript(SIM_IDS[0]), badTranscript(SIM_IDS[1])],
  startedAt: '2026-11-18T02:00:00.000Z',
});
const passed = submitted(zhang, SIM_EXAM_ID, 'p1', { startedAt: '2026-11-20T02:00:00.000Z' });
const payload = await payloadFor([passed, failed]);

describe('the trainer’s signed grading applied to the learner’s own attempts', () => {
  it('gives each submitted attempt its score, verdict and both parts; exports show 理论 and 实操', () => {
    const [a, b] = withSignedResults([passed, failed], [payload]);
    expect(a).toMatchObject({
      status: 'graded',
      passed: true,
      parts: { practical: { score: 2, max: 2, passed: true } },
    });
    expect(b).toMatchObject({
      status: 'graded',
      passed: false,
      parts: { theory: { passed: true }, practical: { score: 1, max: 2 } },
    });
    const rows = Papa.parse<string[]>(attemptsCsv([a!, b!]).slice(1), { skipEmptyLines: true }).data;
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows[1]![col('实操（通过/总数）')]).toBe('2/2');
    expect(rows[2]![col('实操（通过/总数）')]).toBe('1/2');
    expect(rows[2]![col('理论（百分制）')]).toBe(String(b!.parts!.theory.percent));
    const [, verdict] = attemptStatements([b!], 'https://kb.example');
    expect(verdict!.verb.id).toMatch(/failed$/);
    expect(verdict!.result.extensions?.['https://kb.example/xapi/practical']).toMatchObject({
      score: 1,
      max: 2,
      passed: false,
    });
  });

  it('never applies a result to another learner’s attempt, another exam version, or an instant exam', () => {
    const other = { ...passed, learner: { employeeId: 'E2002', name: '李四' } };
    const oldVersion = { ...passed, examVersion: 'old' };
    const instant = { ...passed, grading: 'instant' as const };
    for (const a of [other, oldVersion, instant]) expect(withSignedResults([a], [payload])[0]).toBe(a);
    expect(withSignedResults([passed], [])[0]).toBe(passed);
  });
});
