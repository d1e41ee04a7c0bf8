import type { FlowData, FlowStep } from '../content/schema.ts';
import { jsonOrUndefined } from '../json/parse-json.ts';
import { successors } from './graph.ts';

/** Where an agent is in a guided flow: the steps taken so far and when the call started. */
export interface Walk {
  flowId: string;
  path: string[];
  startedAt: string;
}

// Plain checks rather than a zod schema: this runs on flow pages, which otherwise ship no zod.
function isWalk(v: unknown): v is Walk {
  return (
    typeof v === 'object' &&
    v !== null &&
    'flowId' in v &&
    typeof v.flowId === 'string' &&
    'path' in v &&
    Array.isArray(v.path) &&
    v.path.every((id) => typeof id === 'string') &&
    'startedAt' in v &&
    typeof v.startedAt === 'string' &&
    !Number.isNaN(Date.parse(v.startedAt))
  );
}

export function startWalk(flow: FlowData, now: Date): Walk {
  return { flowId: flow.id, path: [flow.start], startedAt: now.toISOString() };
}

export function currentStep(flow: FlowData, walk: Walk): FlowStep {
  const id = walk.path[walk.path.length - 1] ?? flow.start;
  return flow.steps.find((s) => s.id === id) ?? flow.steps.find((s) => s.id === flow.start)!;
}

/** The ways on from a step: one "next", several labelled branches, or none at the end. */
export function choices(step: FlowStep): { label: string | undefined; to: string }[] {
  if (step.next) return [{ label: undefined, to: step.next }];
  return step.branches?.map((b) => ({ label: b.label, to: b.to })) ?? [];
}

/** Takes choice `index` (0-based); out-of-range choices leave the walk as it is. */
export function choose(flow: FlowData, walk: Walk, index: number): Walk {
  const options = choices(currentStep(flow, walk));
  const pick = options[index];
  return pick ? { ...walk, path: [...walk.path, pick.to] } : walk;
}

export function back(walk: Walk): Walk {
  return walk.path.length > 1 ? { ...walk, path: walk.path.slice(0, -1) } : walk;
}

/**
 * Restores a saved walk only if it still fits the flow: every step exists and each one follows
 * from the one before (a trainer may have edited the flow since).
 */
export function parseWalk(raw: string | null, flow: FlowData): Walk | undefined {
  const w = jsonOrUndefined(raw);
  if (!isWalk(w)) return undefined;
  if (w.flowId !== flow.id || w.path[0] !== flow.start) return undefined;
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  for (let i = 1; i < w.path.length; i++) {
    const prev = byId.get(w.path[i - 1] ?? '');
    if (!prev || !successors(prev).includes(w.path[i] ?? '')) return undefined;
  }
  return { flowId: w.flowId, path: w.path, startedAt: w.startedAt };
}

/** Elapsed call time as m:ss (or h:mm:ss past an hour). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/**
 * The standing rules to show on the current step: each `watch` of the flow once the walk has passed
 * its `from` step, until the walk reaches an end step (the case is closed).
 */
export function activeWatches(flow: FlowData, walk: Walk): string[] {
  if (currentStep(flow, walk).end) return [];
  return (flow.watch ?? []).filter((w) => walk.path.includes(w.from)).map((w) => w.text);
}

/** The titles of the steps taken so far, in order (the guide's trail). */
export function trail(flow: FlowData, walk: Walk): { id: string; title: string }[] {
  const byId = new Map(flow.steps.map((s) => [s.id, s.title]));
  return walk.path.map((id) => ({ id, title: byId.get(id) ?? id }));
}
