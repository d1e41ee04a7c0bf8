import { isChooseTurn, isCustomerTurn } from './schema.ts';
import type { Mood, Simulation, SimulationTopic } from './schema.ts';

/** What a sealed (trainer-graded) exam page may ship: no rubric, model answer, bad reply, key or branch. */
export type PublicTurn =
  | { kind: 'customer'; id: string; says: string; mood: Mood; next?: string }
  | { kind: 'reply'; id: string; task: string; maxLength: number; next?: string }
  | { kind: 'choose'; id: string; task: string; options: string[]; next?: string };

export interface PublicSimulation {
  id: string;
  title: string;
  topic: SimulationTopic;
  refs: string[];
  situation: string;
  turns: PublicTurn[];
}

/** Strips a prepared simulation to what the learner sees; the call follows `next` only. */
export function publicSimulation(sim: Simulation): PublicSimulation {
  return {
    id: sim.id,
    title: sim.title,
    topic: sim.topic,
    refs: [...sim.refs],
    situation: sim.situation,
    turns: sim.turns.map((turn): PublicTurn => {
      const next = turn.next ? { next: turn.next } : {};
      if (isCustomerTurn(turn)) return { kind: 'customer', id: turn.id, says: turn.says, mood: turn.mood, ...next };
      if (isChooseTurn(turn))
        return { kind: 'choose', id: turn.id, task: turn.task, options: [...turn.choose.options], ...next };
      return { kind: 'reply', id: turn.id, task: turn.task, maxLength: turn.reply.maxLength, ...next };
    }),
  };
}
