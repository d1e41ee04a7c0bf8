import type { ChooseTurn, CustomerTurn, ReplyTurn, SimulationTurn } from './schema.ts';

/** Turn helpers without zod, so browser code (the player, the judge) stays small. */
export const END = 'end';

export function isCustomerTurn(turn: SimulationTurn): turn is CustomerTurn {
  return 'says' in turn;
}
export function isReplyTurn(turn: SimulationTurn): turn is ReplyTurn {
  return 'reply' in turn;
}
export function isChooseTurn(turn: SimulationTurn): turn is ChooseTurn {
  return 'choose' in turn;
}
