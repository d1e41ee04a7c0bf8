import type { SimulationRecord } from '../progress/schema.ts';
import { isChooseTurn, isCustomerTurn } from '../simulation/turns.ts';
import type { Simulation } from '../simulation/schema.ts';
import type { SimulationJudgment } from './simulation-grader.ts';

/** One answer of a call as the trainer reads it: what the customer said before it, the answer, the judge's note. */
export interface TranscriptLine {
  turnId: string;
  /** The customer's words just before this answer ('' when the turn before is not the customer's). */
  customerSaid: string;
  reply?: string;
  /** A choice turn: the option picked (1-based) and its text ('' when the rubric does not have it). */
  choice?: { number: number; option: string };
  judged?: SimulationJudgment['turns'][number];
}

/** The learner's answers in the order given, each with its context from the rubric and the judgment. */
export function transcriptLines(
  sim: Simulation | undefined,
  record: SimulationRecord | undefined,
  judgment: SimulationJudgment | undefined,
): TranscriptLine[] {
  return (record?.turns ?? []).map((turn) => {
    const at = sim ? sim.turns.findIndex((x) => x.id === turn.turnId) : -1;
    const before = at > 0 ? sim!.turns[at - 1] : undefined;
    const current = at >= 0 ? sim!.turns[at] : undefined;
    const judged = judgment?.turns.find((x) => x.turnId === turn.turnId);
    const options = current && isChooseTurn(current) ? current.choose.options : [];
    return {
      turnId: turn.turnId,
      customerSaid: before && isCustomerTurn(before) ? before.says : '',
      ...(turn.reply !== undefined ? { reply: turn.reply } : {}),
      ...(turn.choice !== undefined ? { choice: { number: turn.choice + 1, option: options[turn.choice] ?? '' } } : {}),
      ...(judged ? { judged } : {}),
    };
  });
}
