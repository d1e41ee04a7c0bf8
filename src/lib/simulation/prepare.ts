import { fillPlaceholders } from '../scripts/placeholders.ts';
import type { PlaceholderValues } from '../scripts/placeholders.ts';
import type { Simulation } from './schema.ts';

/** Every string of a simulation with `{hotline}`-style placeholders filled from site.config.ts. */
function fillDeep<T>(value: T, values: PlaceholderValues): T {
  if (typeof value === 'string') return fillPlaceholders(value, values) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => fillDeep(v, values)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, values)])) as T;
  }
  return value;
}

/**
 * What the judge and the player work on: placeholders filled, and the simulation's shared forbidden
 * items merged into every reply turn (so judgeReply needs only the turn).
 */
export function prepareSimulation(sim: Simulation, values: PlaceholderValues): Simulation {
  const filled = fillDeep(sim, values);
  return {
    ...filled,
    turns: filled.turns.map((turn) =>
      'reply' in turn && filled.forbidden.length
        ? { ...turn, reply: { ...turn.reply, forbidden: [...turn.reply.forbidden, ...filled.forbidden] } }
        : turn,
    ),
  };
}
