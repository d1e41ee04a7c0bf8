import { scoreAttempt } from '../quiz/score.ts';
import type { AttemptResult } from '../quiz/score.ts';
import type { Attempt, PartResult, SimulationRecord } from '../progress/schema.ts';
import { centerDay, offsetMinutes } from '../time/center-time.ts';
import type { KitExam, KitIndex } from './kit.ts';
import { paperFor, rulesFor } from './paper-cache.ts';
import type { GradingPaper } from './paper-cache.ts';
import type { SimulationGrader, SimulationJudgment } from './simulation-grader.ts';
import { gradingText as say, listText } from '../../i18n/strings/grading-reasons.ts';

/** Grading one submitted attempt against the trainer kit, or saying exactly why it cannot count. */

export type ReasonCode =
  | 'not-trainer-exam'
  | 'unknown-exam'
  | 'version'
  | 'unknown-question'
  | 'extra-response'
  | 'extra-simulation'
  | 'finish-before-start'
  | 'too-long'
  | 'outside-window'
  | 'retake'
  | 'retake-wait'
  | 'after-pass'
  | 'conflict'
  | 'simulation-unjudged';

export interface Reason {
  code: ReasonCode;
  message: string;
}

/** Minutes allowed past the time limit (a slow submit, a reload) before an attempt is impossible. */
export const GRACE_MINUTES = 5;

export interface Override {
  passed: boolean;
  reason: string;
}

export interface SimulationOutcome {
  simulationId: string;
  record: SimulationRecord | undefined;
  auto: SimulationJudgment | undefined;
  override?: Override;
  /** Auto judgment unless overridden; undefined while neither exists. */
  passed: boolean | undefined;
}

export interface GradedResult {
  score: number;
  max: number;
  percent: number;
  passed: boolean;
  topics: AttemptResult['topics'];
  questions: AttemptResult['questions'];
  theory: PartResult;
  practical?: PartResult;
  simulations: SimulationOutcome[];
}

export interface AttemptGrade {
  attempt: Attempt;
  exam?: KitExam;
  result?: GradedResult;
  /** Why it does not count; empty ⇒ counted. */
  reasons: Reason[];
}

export const overrideKey = (attemptId: string, simulationId: string) => `${attemptId}|${simulationId}`;

const round = (n: number) => Math.round(n * 100) / 100;

const windows = new WeakMap<KitExam, [number, number]>();

/** A window's first and last center days as instants: [start of opens, end of closes), computed once per exam. */
function windowInstants(exam: KitExam): [number, number] {
  let w = windows.get(exam);
  if (!w) {
    const midnight = (day: string) => {
      const utc = Date.parse(`${day}T00:00:00Z`);
      return utc - offsetMinutes(new Date(utc)) * 60_000;
    };
    w = [midnight(exam.window!.opens), midnight(exam.window!.closes) + 86_400_000];
    windows.set(exam, w);
  }
  return w;
}

function timeReasons(a: Attempt, exam: KitExam): Reason[] {
  const out: Reason[] = [];
  const start = Date.parse(a.startedAt);
  const end = Date.parse(a.finishedAt);
  if (end < start)
    out.push({
      code: 'finish-before-start',
      message: say('reason.finishBeforeStart', { start: a.startedAt, finish: a.finishedAt }),
    });
  const limit = (exam.timeLimitMinutes + GRACE_MINUTES) * 60_000;
  if (end - start > limit) {
    const minutes = Math.round((end - start) / 60_000);
    out.push({
      code: 'too-long',
      message: say('reason.tooLong', { minutes, limit: exam.timeLimitMinutes, grace: GRACE_MINUTES }),
    });
  }
  if (exam.window) {
    const [opens, closes] = windowInstants(exam);
    const outside = [start, end].filter((t) => t < opens || t >= closes).map((t) => centerDay(new Date(t)));
    if (outside.length)
      out.push({
        code: 'outside-window',
        message: say('reason.outsideWindow', {
          days: listText([...new Set(outside)]),
          opens: exam.window.opens,
          closes: exam.window.closes,
        }),
      });
  }
  return out;
}

// A 人工复核 re-grades every attempt: each attempt's questions are scored once per kit (records never change in place).
const scores = new WeakMap<KitIndex, WeakMap<Attempt, AttemptResult>>();

function questionScore(index: KitIndex, exam: KitExam, attempt: Attempt, paper: GradingPaper): AttemptResult {
  let byAttempt = scores.get(index);
  if (!byAttempt) scores.set(index, (byAttempt = new WeakMap<Attempt, AttemptResult>()));
  let r = byAttempt.get(attempt);
  if (!r) byAttempt.set(attempt, (r = scoreAttempt(paper, attempt.responses, index.questions, rulesFor(exam))));
  return r;
}

function part(score: number, max: number, passMark: number): PartResult {
  const percent = max ? round((score / max) * 100) : 0;
  return { score: round(score), max, percent, passed: percent >= passMark };
}

/**
 * Grades one attempt. Questions: the paper is re-drawn from the kit with the attempt's seed (drawPaper)
 * and scored with the site's scoreAttempt. Simulations: the grader's judgment or the trainer's override.
 * Retake and conflict reasons are added by the caller, which sees all of a learner's attempts.
 */
export function gradeAttempt(
  attempt: Attempt,
  index: KitIndex,
  grader: SimulationGrader,
  overrides: ReadonlyMap<string, Override>,
): AttemptGrade {
  const exam = index.exams.get(attempt.examId);
  if (!exam)
    return {
      attempt,
      reasons: [{ code: 'unknown-exam', message: say('reason.unknownExam', { exam: attempt.examId }) }],
    };
  if (exam.version !== attempt.examVersion) {
    return {
      attempt,
      exam,
      reasons: [
        {
          code: 'version',
          message: say('reason.version', { version: attempt.examVersion, kitVersion: exam.version }),
        },
      ],
    };
  }
  const reasons = timeReasons(attempt, exam);
  let paper;
  try {
    paper = paperFor(index, exam, attempt.seed);
  } catch (e) {
    return {
      attempt,
      exam,
      reasons: [
        ...reasons,
        { code: 'unknown-question', message: say('reason.redraw', { message: (e as Error).message }) },
      ],
    };
  }
  const drawn = paper.ids;
  const stray = Object.keys(attempt.responses).filter((id) => !drawn.has(id));
  if (stray.length)
    reasons.push({
      code: 'extra-response',
      message: say('reason.extraResponse', { n: stray.length, ids: listText(stray.slice(0, 3)) }),
    });
  const unknown = paper.questions.filter((q) => !index.questions.has(q.id)).map((q) => q.id);
  if (unknown.length)
    reasons.push({
      code: 'unknown-question',
      message: say('reason.unknownQuestion', { ids: listText(unknown.slice(0, 3)) }),
    });
  const drawnSims = paper.simulations;
  const sims = new Set(drawnSims);
  const straySims = attempt.simulations.filter((s) => !sims.has(s.simulationId)).map((s) => s.simulationId);
  if (straySims.length)
    reasons.push({
      code: 'extra-simulation',
      message: say('reason.extraSimulation', { ids: listText(straySims.slice(0, 3)) }),
    });
  if (stray.length || unknown.length || straySims.length) return { attempt, exam, reasons };

  const r = questionScore(index, exam, attempt, paper);
  const theory: PartResult = { score: r.score, max: r.max, percent: r.percent, passed: r.passed };

  const simulations: SimulationOutcome[] = drawnSims.map((id) => {
    const record = attempt.simulations.find((s) => s.simulationId === id);
    // A simulation the learner never did fails; it is never judged on an empty transcript's behalf.
    const auto = record
      ? grader.judge(index.simulations.get(id), record)
      : { passed: false, score: 0, max: 1, percent: 0, notes: [say('call.noTranscript')], turns: [] };
    const override = overrides.get(overrideKey(attempt.id, id));
    return {
      simulationId: id,
      record,
      auto,
      ...(override ? { override } : {}),
      passed: override ? override.passed : auto?.passed,
    };
  });
  const unjudged = simulations.filter((s) => s.passed === undefined).map((s) => s.simulationId);
  if (unjudged.length)
    reasons.push({
      code: 'simulation-unjudged',
      message: say('reason.simulationUnjudged', { ids: listText(unjudged) }),
    });

  let practical: PartResult | undefined;
  if (simulations.length) {
    // The practical part counts calls passed (each by its own rubric, or the trainer's 人工复核) against the exam's mark.
    const passedCount = simulations.filter((s) => s.passed === true).length;
    practical = part(passedCount, simulations.length, exam.simulations?.passMark ?? 100);
  }
  const result: GradedResult = {
    ...theory,
    passed: theory.passed && (practical ? practical.passed : true),
    topics: r.topics,
    questions: r.questions,
    theory,
    ...(practical ? { practical } : {}),
    simulations,
  };
  return { attempt, exam, result, reasons };
}
