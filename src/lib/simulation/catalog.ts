import type { Simulation } from './schema.ts';
import { isChooseTurn, isReplyTurn } from './turns.ts';

export interface TopicGroup {
  topic: string;
  title: string;
  simulations: { id: string; title: string; situation: string; learnerTurns: number }[];
}

/** Simulations grouped by topic, in the order the banks are listed, each sorted by title. */
export function simulationsByTopic(
  sims: readonly Simulation[],
  topics: readonly { topic: string; title: string }[],
): TopicGroup[] {
  return topics
    .map((t) => ({
      topic: t.topic,
      title: t.title,
      simulations: sims
        .filter((s) => s.topic === t.topic)
        .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
        .map((s) => ({
          id: s.id,
          title: s.title,
          situation: s.situation,
          learnerTurns: s.turns.filter((turn) => isReplyTurn(turn) || isChooseTurn(turn)).length,
        })),
    }))
    .filter((g) => g.simulations.length > 0);
}
