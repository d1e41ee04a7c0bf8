import type { FlowData, FlowStep } from '../content/schema.ts';
import { schemaText as say } from '../../i18n/strings/content-schema.ts';

export interface FlowProblem {
  stepId?: string;
  message: string;
}

/** Every step a step can go to next, in order. */
export function successors(step: FlowStep): string[] {
  if (step.next) return [step.next];
  return step.branches?.map((b) => b.to) ?? [];
}

function reach(from: string[], edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of edges.get(id) ?? []) stack.push(n);
  }
  return seen;
}

/**
 * Structural checks of a flow: unique ids, a start that exists, targets that exist, every step
 * reachable from the start, and an end reachable from every step (no trap loops, no dead ends).
 */
export function checkFlowGraph(flow: FlowData): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const ids = new Set<string>();
  for (const step of flow.steps) {
    if (ids.has(step.id)) problems.push({ stepId: step.id, message: say('check.flow.duplicateStep', { id: step.id }) });
    ids.add(step.id);
  }
  if (!ids.has(flow.start)) problems.push({ message: say('check.flow.noStart', { start: flow.start }) });
  for (const w of flow.watch ?? []) {
    if (!ids.has(w.from)) problems.push({ message: say('check.flow.noWatchFrom', { from: w.from }) });
  }
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const step of flow.steps) {
    const targets = successors(step);
    for (const to of targets) {
      if (!ids.has(to)) problems.push({ stepId: step.id, message: say('check.flow.noTarget', { id: step.id, to }) });
      backward.set(to, [...(backward.get(to) ?? []), step.id]);
    }
    forward.set(
      step.id,
      targets.filter((t) => ids.has(t)),
    );
  }
  if (problems.length) return problems;

  const reachable = reach([flow.start], forward);
  for (const step of flow.steps) {
    if (!reachable.has(step.id))
      problems.push({ stepId: step.id, message: say('check.flow.unreachable', { id: step.id, start: flow.start }) });
  }
  const ends = flow.steps.filter((s) => s.end).map((s) => s.id);
  if (ends.length === 0) problems.push({ message: say('check.flow.noEnd') });
  const canFinish = reach(ends, backward);
  for (const step of flow.steps) {
    if (reachable.has(step.id) && !canFinish.has(step.id)) {
      problems.push({ stepId: step.id, message: say('check.flow.trap', { id: step.id }) });
    }
  }
  return problems;
}

/**
 * Display rows for the diagram: each step's depth is its shortest distance from the start,
 * so branches sit side by side and loops back do not push steps further down; ends go last.
 */
export function flowLevels(flow: FlowData): FlowStep[][] {
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const depth = new Map<string, number>([[flow.start, 0]]);
  const queue = [flow.start];
  while (queue.length) {
    const id = queue.shift()!;
    const step = byId.get(id);
    if (!step) continue;
    for (const to of successors(step)) {
      if (!depth.has(to)) {
        depth.set(to, depth.get(id)! + 1);
        queue.push(to);
      }
    }
  }
  // End steps sit on one last row, so the diagram always finishes at the bottom.
  const lastInner = Math.max(0, ...flow.steps.filter((s) => !s.end && depth.has(s.id)).map((s) => depth.get(s.id)!));
  const levels: FlowStep[][] = [];
  for (const step of flow.steps) {
    const d = depth.get(step.id);
    if (d === undefined) continue;
    (levels[step.end ? lastInner + 1 : d] ??= []).push(step);
  }
  return levels.filter(Boolean);
}

/** Steps in reading order for the text list: breadth-first from the start, then any leftovers. */
export function stepsInOrder(flow: FlowData): FlowStep[] {
  return flowLevels(flow).flat();
}
