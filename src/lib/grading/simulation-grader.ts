import type { SimulationRecord } from '../progress/schema.ts';
import { createJudgeContext, judgeSimulation } from '../simulation/judge.ts';
import type { JudgeContext, TurnJudgement } from '../simulation/judge.ts';
import type { JudgePhrase } from '../phrases/judge-phrase.ts';
import type { Simulation } from '../simulation/schema.ts';
import { failureSummary } from '../simulation/failure-summary.ts';
import { gradingText as say } from '../../i18n/strings/grading-reasons.ts';

/** How the dashboard judges a simulation transcript: the site's own judge, as exams play the call. */
export interface SimulationJudgment {
  passed: boolean;
  score: number;
  max: number;
  percent: number;
  /** What the judge found (missing elements, forbidden phrases), one line per turn not passed, for the trainer. */
  notes: string[];
  /** Per learner turn, for the transcript view. */
  turns: { turnId: string; passed: boolean; score: number; max: number; note: string }[];
}

export interface SimulationGrader {
  /** Judges one transcript; undefined when it cannot (the trainer must then review it by hand, 人工复核). */
  judge(sim: Simulation | undefined, record: SimulationRecord): SimulationJudgment | undefined;
}

function turnNote(j: TurnJudgement, sim: Simulation): string {
  if (j.kind === 'reply') return failureSummary(j);
  const turn = sim.turns.find((t) => t.id === j.turnId);
  const options = turn && 'choose' in turn ? turn.choose.options : [];
  const picked =
    j.choice === undefined ? say('call.noChoice') : say('call.picked', { option: options[j.choice] ?? j.choice });
  return say('call.choiceNote', { picked, key: options[j.key] ?? j.key });
}

function judgment(sim: Simulation, record: SimulationRecord, ctx: JudgeContext): SimulationJudgment {
  const v = judgeSimulation(sim, record, ctx, { branching: false });
  const turns = v.turns.map((j) => ({
    turnId: j.turnId,
    passed: j.passed,
    score: j.score,
    max: j.max,
    note: j.passed ? '' : turnNote(j, sim),
  }));
  const notes = turns.filter((t) => !t.passed).map((t) => say('call.turnNote', { turn: t.turnId, note: t.note }));
  if (!v.complete) notes.unshift(say('call.incomplete'));
  return { passed: v.passed, score: v.score, max: v.max, percent: v.percent, notes, turns };
}

/**
 * The site's grader: judgeSimulation with the kit's phrase list, following `next` only (the exam page
 * plays the default path; branches never depend on what the learner typed in an exam).
 */
export function createSimulationGrader(phrases: readonly JudgePhrase[]): SimulationGrader {
  const ctx = createJudgeContext(phrases);
  // The dashboard re-grades every attempt after each drop and each 人工复核; a transcript it has judged
  // against a rubric is not judged again (records and rubrics are never changed in place).
  const memo = new WeakMap<SimulationRecord, WeakMap<Simulation, SimulationJudgment>>();
  return {
    judge(sim, record) {
      if (!sim) return undefined;
      let bySim = memo.get(record);
      if (!bySim) memo.set(record, (bySim = new WeakMap<Simulation, SimulationJudgment>()));
      let judged = bySim.get(sim);
      if (!judged) bySim.set(sim, (judged = judgment(sim, record, ctx)));
      return judged;
    },
  };
}
