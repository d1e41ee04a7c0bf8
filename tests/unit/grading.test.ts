import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addProgressText, emptyIntake, mergedLearners } from '../../src/lib/grading/intake.ts';
import { gradeAll, isCounted, rosterRow } from '../../src/lib/grading/board.ts';
import type { LearnerGrades } from '../../src/lib/grading/board.ts';
import { overrideKey } from '../../src/lib/grading/grade.ts';
import { transcriptLines } from '../../src/lib/grading/transcript.ts';
import type { Override } from '../../src/lib/grading/grade.ts';
import { idSkeleton, normaliseEmployeeId } from '../../src/lib/grading/identity.ts';
import { rosterCsv } from '../../src/lib/grading/roster-csv.ts';
import Papa from 'papaparse';
import { drawPaper } from '../../src/lib/quiz/draw.ts';
import { scoreAttempt } from '../../src/lib/quiz/score.ts';
import {
  SIM_EXAM_ID,
  certification,
  fileText,
  forgedText,
  badTranscript,
  goodSims,
  modelTranscript,
  SIM_IDS,
  unjudgingGrader,
  index,
  monthly,
  submitted,
} from '../fixtures/grading.ts';

const zhang = { employeeId: 'E1001', name: '张三' };
const li = { employeeId: 'E2002', name: '李四' };

async function grade(
  files: [string, string][],
  overrides = new Map<string, Override>(),
  grader = index.grader,
): Promise<LearnerGrades[]> {
  const intake = emptyIntake();
  await Promise.all(files.map(([name, text]) => addProgressText(intake, name, text)));
  return gradeAll(mergedLearners(intake), [index], overrides, () => grader);
}
const reasonsOf = (lg: LearnerGrades, id: string) =>
  lg.grades.find((g) => g.attempt.id === id)!.reasons.map((r) => r.code);

describe('grading a submitted attempt against the kit', () => {
  it('scores with the site’s own drawPaper + scoreAttempt, ignoring any score the file claims', async () => {
    const a = submitted(zhang, certification.id, 's1', { right: 30 });
    const [lg] = await grade([
      [
        'a.json',
        forgedText(zhang, [a], (x) =>
          Object.assign(x[0]!, { score: 36, percent: 100, passed: true, status: 'graded' }),
        ),
      ],
    ]);
    const paper = drawPaper(certification, index.banks.get(certification.id)!, 's1');
    const expected = scoreAttempt(paper, a.responses, index.questions, {
      ...certification,
      mustPass: certification.draws.filter((d) => d.mustPass).map((d) => d.topic),
    });
    const g = lg!.grades[0]!;
    expect(isCounted(g)).toBe(true);
    expect(g.result!.score).toBe(expected.score);
    expect(g.result!.passed).toBe(expected.passed);
  });

  it('a blank paper is graded 0 and failed, never passed', async () => {
    const [lg] = await grade([['a.json', fileText(zhang, [submitted(zhang, certification.id, 's2', { right: 0 })])]]);
    expect(lg!.grades[0]!.result).toMatchObject({ score: 0, passed: false });
    expect(rosterRow(lg!, undefined, []).certification).toBeUndefined();
  });
});

describe('forged and conflicting cases of issue 13 are never counted', () => {
  it('edited exam version (checksum recomputed) → not counted, reason named', async () => {
    const a = submitted(zhang, certification.id, 'v');
    const [lg] = await grade([['a.json', forgedText(zhang, [a], (x) => (x[0]!.examVersion = '2025.9'))]]);
    expect(reasonsOf(lg!, a.id)).toEqual(['version']);
    expect(rosterRow(lg!, undefined, []).certification).toBeUndefined();
  });

  it('one extra response key (checksum recomputed) → not counted', async () => {
    const a = submitted(zhang, certification.id, 'x');
    const [lg] = await grade([['a.json', forgedText(zhang, [a], (x) => (x[0]!.responses['not-on-paper'] = 0))]]);
    expect(reasonsOf(lg!, a.id)).toContain('extra-response');
    expect(rosterRow(lg!, undefined, []).certification).toBeUndefined();
  });

  it('unknown exam → not counted', async () => {
    const a = { ...submitted(zhang, certification.id, 'u'), examId: 'made-up' };
    const [lg] = await grade([['a.json', fileText(zhang, [a])]]);
    expect(reasonsOf(lg!, a.id)).toEqual(['unknown-exam']);
  });

  it('two tabs, one paper: same attempt id with different content → conflict with both versions, neither counted', async () => {
    const blank = submitted(zhang, certification.id, 'tab', { right: 0, id: 'same-id' });
    const full = submitted(zhang, certification.id, 'tab', { id: 'same-id' });
    const [lg] = await grade([
      ['tab-a.json', fileText(zhang, [blank])],
      ['tab-b.json', fileText(zhang, [full])],
    ]);
    expect(lg!.conflicts).toHaveLength(1);
    expect(lg!.conflicts[0]!.versions).toHaveLength(2);
    expect(reasonsOf(lg!, 'same-id')).toEqual(['conflict']);
    expect(rosterRow(lg!, undefined, []).certification).toBeUndefined();
  });

  it('monthly exam (retake: none) taken twice (0/24 then 24/24) → only the first counts, the second is listed', async () => {
    expect(monthly.retake).toBe('none');
    const first = submitted(zhang, monthly.id, 'm1', { right: 0, startedAt: `${monthly.window!.opens}T02:00:00.000Z` });
    const second = submitted(zhang, monthly.id, 'm2', { startedAt: `${monthly.window!.opens}T03:00:00.000Z` });
    const [lg] = await grade([['a.json', fileText(zhang, [second, first])]]);
    expect(reasonsOf(lg!, second.id)).toEqual(['retake']);
    const row = rosterRow(lg!, monthly.id, []);
    expect(row.month).toMatchObject({ attemptId: first.id, percent: 0, effect: -10 });
  });

  it('certification retakes keep the exam page’s rules: nothing after a pass, no retake before the wait is over', async () => {
    const hours = certification.retakeAfter!.hours;
    expect(certification.retake).toBe('until-passed');
    const at = (h: number) => new Date(Date.parse('2026-11-10T02:00:00.000Z') + h * 3_600_000).toISOString();
    const failed = submitted(zhang, certification.id, 'r0', { right: 0, startedAt: at(0) });
    const tooSoon = submitted(zhang, certification.id, 'r1', { startedAt: at(1) });
    const inTime = submitted(zhang, certification.id, 'r2', { right: 0, startedAt: at(hours + 2) });
    const passed = submitted(zhang, certification.id, 'r3', { startedAt: at(2 * hours + 4) });
    const afterPass = submitted(zhang, certification.id, 'r4', { right: 0, startedAt: at(3 * hours + 6) });
    const [lg] = await grade([['a.json', fileText(zhang, [afterPass, passed, inTime, tooSoon, failed])]]);
    expect(reasonsOf(lg!, failed.id)).toEqual([]);
    expect(reasonsOf(lg!, tooSoon.id)).toEqual(['retake-wait']);
    expect(reasonsOf(lg!, inTime.id)).toEqual([]);
    expect(reasonsOf(lg!, passed.id)).toEqual([]);
    expect(reasonsOf(lg!, afterPass.id)).toEqual(['after-pass']);
    const row = rosterRow(lg!, undefined, []);
    expect(row.certification?.attemptId).toBe(passed.id);
    expect(row.notCounted.map((n) => n.attemptId).sort()).toEqual([afterPass.id, tooSoon.id].sort());
  });

  it('finish before start, 3 days on a timed exam, outside the monthly window → each listed with its reason', async () => {
    const backwards = submitted(zhang, certification.id, 'b', { minutes: -5 });
    const long = submitted(zhang, certification.id, 'l', { minutes: 3 * 24 * 60 });
    const outside = submitted(zhang, monthly.id, 'o', { startedAt: '2027-01-15T02:00:00.000Z' });
    const [lg] = await grade([['a.json', fileText(zhang, [backwards, long, outside])]]);
    expect(reasonsOf(lg!, backwards.id)).toContain('finish-before-start');
    expect(reasonsOf(lg!, long.id)).toContain('too-long');
    expect(reasonsOf(lg!, outside.id)).toContain('outside-window');
    const row = rosterRow(lg!, monthly.id, []);
    expect(row.certification).toBeUndefined();
    expect(row.month).toBeUndefined();
    expect(row.notCounted).toHaveLength(3);
  });

  it('look-alike ids (Ｅ1001, zero-width, trailing space) are one learner, flagged; a confusable id is flagged, not merged', async () => {
    const ids = ['E1001', 'Ｅ1001', 'E1001\u200b', 'E1001 '];
    expect(new Set(ids.map(normaliseEmployeeId))).toEqual(new Set(['E1001']));
    const files = ids.map((id, i): [string, string] => {
      const learner = { employeeId: id, name: '张三' };
      return [`f${i}.json`, fileText(learner, [submitted(learner, certification.id, `la${i}`)])];
    });
    files.push(['f9.json', fileText({ employeeId: 'EI001', name: '赵六' }, [])]);
    const out = await grade(files);
    expect(out.map((l) => l.learner.employeeId)).toEqual(['E1001', 'EI001']);
    const e1001 = out[0]!;
    expect(e1001.learner.flags.map((f) => f.code).sort()).toEqual(['look-alike', 'normalised-id']);
    expect(out[1]!.learner.flags.map((f) => f.code)).toEqual(['look-alike']);
    expect(idSkeleton('EI001')).toBe(idSkeleton('E1001'));
    // Four attempts, one learner, one certification.
    expect(e1001.grades).toHaveLength(4);
  });

  it('flags attach to the learner, not to a file name: an innocent file with the same name is not flagged', async () => {
    const forged = forgedText(zhang, [submitted(zhang, certification.id, 'f')], (x) => (x[0]!.examVersion = 'old'));
    const badChecksum = JSON.parse(forged) as { checksum: string };
    badChecksum.checksum = '0'.repeat(64);
    const out = await grade([
      ['progress.json', JSON.stringify(badChecksum)],
      ['progress.json', fileText(li, [submitted(li, certification.id, 'g')])],
    ]);
    const [z, l] = out;
    expect(z!.learner.flags.map((f) => f.code)).toEqual(['checksum']);
    expect(l!.learner.flags).toEqual([]);
    expect(l!.grades.every(isCounted)).toBe(true);
  });

  it('two files for one learner merge the same way in any order (property)', async () => {
    const passed = submitted(zhang, certification.id, 'p1', { startedAt: '2026-11-20T02:00:00.000Z' });
    const failed = submitted(zhang, certification.id, 'p0', { right: 0, startedAt: '2026-11-19T02:00:00.000Z' });
    const conflict = { ...passed, responses: {} };
    const files: [string, string][] = [
      ['a.json', fileText(zhang, [failed])],
      ['b.json', fileText(zhang, [passed])],
      ['c.json', fileText({ employeeId: 'Ｅ1001', name: '张三' }, [failed, passed])],
      ['d.json', fileText(zhang, [conflict])],
      ['e.json', fileText(li, [submitted(li, certification.id, 'q')])],
    ];
    const reference = JSON.stringify((await grade(files)).map((lg) => rosterRow(lg, undefined, [])));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(files, { minLength: files.length }), async (order) => {
        expect(JSON.stringify((await grade(order)).map((lg) => rosterRow(lg, undefined, [])))).toBe(reference);
      }),
      { numRuns: 40 },
    );
  });
});

describe('simulations', () => {
  it('judged by the site’s judge with the kit’s rubric; a trainer override with a reason decides and is kept', async () => {
    const [a1, a2] = SIM_IDS;
    const a = submitted(zhang, SIM_EXAM_ID, 'sim', { simulations: [modelTranscript(a1), badTranscript(a2)] });
    const [auto] = await grade([['a.json', fileText(zhang, [a])]]);
    const g = auto!.grades[0]!;
    expect(isCounted(g)).toBe(true);
    expect(g.result!.theory.passed).toBe(true);
    expect(g.result!.practical).toMatchObject({ score: 1, max: 2, passed: false });
    expect(g.result!.passed).toBe(false);
    const failed = g.result!.simulations.find((s) => s.simulationId === a2)!;
    expect(failed.auto!.notes.join('\n')).toMatch(/轮次 \S+：/);
    const overrides = new Map([[overrideKey(a.id, a2), { passed: true, reason: '客户录音核实，已道歉并处理' }]]);
    const [reviewed] = await grade([['a.json', fileText(zhang, [a])]], overrides);
    const r = reviewed!.grades[0]!.result!;
    expect(r.simulations.find((s) => s.simulationId === a2)).toMatchObject({
      auto: { passed: false },
      override: { passed: true, reason: '客户录音核实，已道歉并处理' },
      passed: true,
    });
    expect(r.passed).toBe(true);
  });

  it('a transcript is judged once per kit: a re-grade after an override reuses the judgment', () => {
    const sim = index.simulations.get(SIM_IDS[0])!;
    const record = modelTranscript(SIM_IDS[0]);
    const first = index.grader.judge(sim, record);
    expect(first?.passed).toBe(true);
    expect(index.grader.judge(sim, record)).toBe(first);
    // The same words in another record are judged afresh, to the same verdict.
    expect(index.grader.judge(sim, structuredClone(record))).toEqual(first);
    expect(index.grader.judge(sim, badTranscript(SIM_IDS[0]))?.passed).toBe(false);
  });

  it('the trainer reads each answer beside the customer’s words before it and the judge’s note on it', () => {
    const id = SIM_IDS[1];
    const sim = index.simulations.get(id)!;
    const record = badTranscript(id);
    const lines = transcriptLines(sim, record, index.grader.judge(sim, record));
    expect(lines.map((l) => l.turnId)).toEqual(record.turns.map((t) => t.turnId));
    const first = lines[0]!;
    const turnBefore = sim.turns[sim.turns.findIndex((t) => t.id === first.turnId) - 1];
    expect(first.customerSaid).toBe(turnBefore && 'says' in turnBefore ? turnBefore.says : '');
    expect(first.judged).toMatchObject({ passed: false });
    expect(first.judged!.note.length).toBeGreaterThan(0);
    // Without a rubric (a kit that lacks the call) the answers are still listed, just without context.
    expect(transcriptLines(undefined, record, undefined).map((l) => l.customerSaid)).toEqual(
      record.turns.map(() => ''),
    );
  });

  it('the question paper alone never passes: no transcripts fail the practical part and the attempt', async () => {
    const a = submitted(zhang, SIM_EXAM_ID, 'paper-only', { simulations: [] });
    const [lg] = await grade([['a.json', fileText(zhang, [a])]]);
    const r = lg!.grades[0]!.result!;
    expect(r.theory.passed).toBe(true);
    expect(r.practical).toMatchObject({ score: 0, max: 2, passed: false });
    expect(r.passed).toBe(false);
    expect(rosterRow(lg!, undefined, []).certification).toBeUndefined();
  });

  it('a call the grader cannot judge is never assumed: the attempt waits for 人工复核', async () => {
    const a = submitted(zhang, SIM_EXAM_ID, 'sim2', { simulations: goodSims });
    const [lg] = await grade([['a.json', fileText(zhang, [a])]], new Map(), unjudgingGrader);
    expect(reasonsOf(lg!, a.id)).toEqual(['simulation-unjudged']);
    expect(rosterRow(lg!, undefined, []).certification).toBeUndefined();
  });

  it('a missing transcript fails that simulation; a simulation not on the paper makes the attempt ungradable', async () => {
    const missing = submitted(zhang, SIM_EXAM_ID, 'm', { simulations: [goodSims[0]!] });
    const extra = submitted(zhang, SIM_EXAM_ID, 'e', {
      simulations: [...goodSims, { simulationId: 'sim-other', turns: [] }],
    });
    const [lg] = await grade([['a.json', fileText(zhang, [missing, extra])]]);
    expect(lg!.grades.find((g) => g.attempt.id === missing.id)!.result!.practical!.passed).toBe(false);
    expect(reasonsOf(lg!, extra.id)).toContain('extra-simulation');
  });
});

describe('roster CSV', () => {
  it('shows both certification parts and the monthly effect; an uncounted attempt is never 通过', async () => {
    const ok = submitted(zhang, SIM_EXAM_ID, 'csv1', { simulations: goodSims });
    const forged = forgedText(li, [submitted(li, certification.id, 'csv2')], (x) => (x[0]!.examVersion = 'old'));
    const month = submitted(zhang, monthly.id, 'csv3');
    const out = await grade([
      ['a.json', fileText(zhang, [ok, month])],
      ['b.json', forged],
    ]);
    const csv = rosterCsv(
      out.map((lg) => rosterRow(lg, monthly.id, [])),
      monthly.id,
    );
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, z, l] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const col = (name: string) => header!.indexOf(name);
    expect(z![col('认证结果')]).toBe('通过');
    expect(z![col('实操（通过/总数）')]).toBe('2/2');
    expect(z![col('考核影响')]).toBe('5');
    expect(l![col('认证结果')]).toBe('');
    expect(l![col('不计入的记录')]).toContain('版本');
  });
});
