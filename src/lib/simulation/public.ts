import { END, isChooseTurn, isCustomerTurn } from './turns.ts';
import type { Mood, Simulation, SimulationTopic, SimulationTurn } from './schema.ts';

/** What a sealed (trainer-graded) exam page may ship; the turns are the call in order. */
export type PublicTurn =
  | { kind: 'customer'; id: string; says: string; mood: Mood }
  | { kind: 'reply'; id: string; task: string; maxLength: number }
  | { kind: 'choose'; id: string; task: string; options: string[] };

export interface PublicSimulation {
  id: string;
  title: string;
  topic: SimulationTopic;
  refs: string[];
  situation: string;
  turns: PublicTurn[];
}

/** The turns a call reaches following `next` only (what a sealed exam page plays), in order. */
export function defaultPath(sim: Simulation): Simulation['turns'] {
  const byId = new Map(sim.turns.map((t, i) => [t.id, i]));
  const path: Simulation['turns'] = [];
  let i: number | undefined = 0;
  while (i !== undefined && i < sim.turns.length && path.length < sim.turns.length) {
    const turn: Simulation['turns'][number] = sim.turns[i]!;
    path.push(turn);
    i = turn.next === undefined ? i + 1 : turn.next === END ? undefined : byId.get(turn.next);
  }
  return path;
}

/**
 * Strips a prepared simulation to what a sealed exam page may ship: the turns on the default path
 * (the call follows `next` only), without rubric, model answer, bad reply, key or branch.
 */
export function publicSimulation(sim: Simulation): PublicSimulation {
  return {
    id: sim.id,
    title: sim.title,
    topic: sim.topic,
    refs: [...sim.refs],
    situation: sim.situation,
    turns: defaultPath(sim).map(publicTurn),
  };
}

/** One turn as the learner sees it. */
export function publicTurn(turn: SimulationTurn): PublicTurn {
  if (isCustomerTurn(turn)) return { kind: 'customer', id: turn.id, says: turn.says, mood: turn.mood };
  if (isChooseTurn(turn)) return { kind: 'choose', id: turn.id, task: turn.task, options: [...turn.choose.options] };
  return { kind: 'reply', id: turn.id, task: turn.task, maxLength: turn.reply.maxLength };
}
