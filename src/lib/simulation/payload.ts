import { headingSections } from '../content/validate.ts';
import type { JudgePhrase } from '../phrases/judge-phrase.ts';
import type { SimulationRecord } from '../progress/schema.ts';
import type { PublicSimulation } from './public.ts';
import { isChooseTurn, isReplyTurn } from './turns.ts';
import type { Simulation } from './schema.ts';

/** A policy's title and its headings by anchor. */
export interface RefTarget {
  policyTitle: string;
  headings: ReadonlyMap<string, string>;
}

/** Policies (as the collection gives them) to ref targets. */
export function refTargetsOf(
  policies: readonly { id: string; data: { title: string }; body?: string | undefined }[],
): Map<string, RefTarget> {
  return new Map(
    policies.map((p) => [
      p.id,
      { policyTitle: p.data.title, headings: new Map(headingSections(p.body ?? '').map((s) => [s.anchor, s.text])) },
    ]),
  );
}

/** A policy section as feedback links to it. */
export interface RefLink {
  href: string;
  label: string;
}

/**
 * What `<sim-player>` receives. practice: the prepared simulation with its rubric and the phrase list,
 * judged in the browser. exam: publicSimulation only; the player emits the transcript, and continues a
 * `prior` partial one (a reload in the middle of a call) from the first turn it has no answer for.
 */
export type PlayerPayload =
  | { mode: 'practice'; sim: Simulation; phrases: JudgePhrase[]; refs: Record<string, RefLink> }
  | { mode: 'exam'; sim: PublicSimulation; prior?: SimulationRecord | undefined };

export function refLink(ref: string, targets: ReadonlyMap<string, RefTarget>): RefLink {
  const [policyId = '', anchor = ''] = ref.split('#');
  const target = targets.get(policyId);
  const heading = target?.headings.get(anchor);
  return {
    href: `/policies/${policyId}/#${anchor}`,
    label: target ? (heading ? `${target.policyTitle} · ${heading}` : target.policyTitle) : ref,
  };
}

/** Every ref a simulation's feedback may link to, resolved to a link. */
export function simulationRefs(sim: Simulation, targets: ReadonlyMap<string, RefTarget>): Record<string, RefLink> {
  const refs = new Set(sim.refs);
  for (const turn of sim.turns) {
    if (isReplyTurn(turn)) for (const el of turn.reply.elements) refs.add(el.ref);
    if (isChooseTurn(turn)) refs.add(turn.choose.ref);
  }
  return Object.fromEntries([...refs].map((r) => [r, refLink(r, targets)]));
}

export function practicePayload(
  sim: Simulation,
  phrases: readonly JudgePhrase[],
  targets: ReadonlyMap<string, RefTarget>,
): PlayerPayload {
  return {
    mode: 'practice',
    sim,
    phrases: phrases.map(({ id, phrase, variants, instead, why }) => ({
      id,
      phrase,
      variants,
      instead,
      ...(why ? { why } : {}),
    })),
    refs: simulationRefs(sim, targets),
  };
}
