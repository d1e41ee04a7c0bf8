import type { SimulationRecord } from '../progress/schema.ts';

/**
 * How the dashboard judges a simulation transcript. The dashboard only knows this interface; the judge
 * itself (src/lib/simulation, `judgeSimulation(sim, transcript)`) is plugged in below.
 */
export interface SimulationJudgment {
  passed: boolean;
  score: number;
  max: number;
  /** What the judge found (missing elements, forbidden phrases), one line each, for the trainer. */
  notes: string[];
}

export interface SimulationGrader {
  /**
   * Judges one transcript against the simulation's raw data from the trainer kit. Returns undefined when
   * it cannot judge (no judge available, or data it does not understand): the trainer must then review
   * it by hand (人工复核) before the attempt counts.
   */
  judge(simulationId: string, data: unknown, record: SimulationRecord): SimulationJudgment | undefined;
}

/**
 * The site's grader. MERGE POINT: once src/lib/simulation lands, replace the body with
 *   const sim = simulationSchema.parse(data);
 *   const verdict = judgeSimulation(sim, record);
 *   return { passed: verdict.passed, score: verdict.score, max: verdict.max, notes: verdict.notes ?? [] };
 * (map field names to the judge's result type). Until then nothing is judged automatically, so every
 * simulation needs a trainer's 人工复核 and no simulation result is ever assumed.
 */
export const siteSimulationGrader: SimulationGrader = {
  judge: () => undefined,
};
