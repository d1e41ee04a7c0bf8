import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import { back, choices, choose, currentStep, formatElapsed, parseWalk, startWalk } from '../../src/lib/flows/walk.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';
import type { FlowData } from '../../src/lib/content/schema.ts';

const read = (path: string) => ({ path, text: readFileSync(path, 'utf8') });
const flow = validateContent({
  policies: [read('tests/fixtures/policies/valid.mdx')],
  scripts: [read('tests/fixtures/flow-scripts/greeting.yaml')],
  phrases: [],
  flows: [read('tests/fixtures/flows/valid.yaml')],
}).flows[0]!.data;
const now = new Date('2026-11-23T09:00:00Z');

describe('guided walk', () => {
  it('starts at the start step and follows next and branches', () => {
    let walk = startWalk(flow, now);
    expect(currentStep(flow, walk).id).toBe('receive');
    walk = choose(flow, walk, 0);
    expect(currentStep(flow, walk).id).toBe('judge');
    expect(choices(currentStep(flow, walk)).map((c) => c.label)).toEqual(['成立', '不成立']);
    walk = choose(flow, walk, 1);
    expect(currentStep(flow, walk).id).toBe('explain');
    expect(choose(flow, walk, 5)).toEqual(walk);
    walk = back(walk);
    expect(currentStep(flow, walk).id).toBe('judge');
    expect(back(back(back(walk))).path).toEqual(['receive']);
  });

  it('restores only walks that still fit the flow', () => {
    const walk = choose(flow, choose(flow, startWalk(flow, now), 0), 0);
    expect(parseWalk(JSON.stringify(walk), flow)).toEqual(walk);
    expect(parseWalk('{broken', flow)).toBeUndefined();
    expect(parseWalk(JSON.stringify({ ...walk, path: ['receive', 'archive'] }), flow)).toBeUndefined();
    expect(parseWalk(JSON.stringify({ ...walk, flowId: 'other' }), flow)).toBeUndefined();
    expect(parseWalk(JSON.stringify({ ...walk, startedAt: 'yesterday' }), flow)).toBeUndefined();
    expect(parseWalk(JSON.stringify({ ...walk, path: ['receive', 1] }), flow)).toBeUndefined();
    expect(parseWalk('null', flow)).toBeUndefined();
    expect(parseWalk(null, flow)).toBeUndefined();
  });

  it('formats the elapsed call time', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-5)).toBe('0:00');
  });
});

describe('the real flows', () => {
  const files = readdirSync('content/flows').filter((f) => f.endsWith('.yaml'));
  const content = loadContent();
  const flows = content.flows.map((f) => f.data);

  it('every flow file is published (a flow the check refuses is left out of the site)', () => {
    expect(content.errors.filter((e) => e.includes('content/flows'))).toEqual([]);
    expect(content.flows.map((f) => f.path).sort()).toEqual(files.map((f) => `content/flows/${f}`).sort());
  });

  /** Every step guided mode can reach from `from` by choosing among the offered ways on. */
  function reachable(flow: FlowData, from: string): Set<string> {
    const seen = new Set<string>();
    const queue = [from];
    while (queue.length) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const walk = { flowId: flow.id, path: [id], startedAt: now.toISOString() };
      choices(currentStep(flow, walk)).forEach((_, i) => queue.push(currentStep(flow, choose(flow, walk, i)).id));
    }
    return seen;
  }

  it('in guided mode every step of every flow can be reached from its start, and every step leads to an end', () => {
    for (const flow of flows) {
      expect([...reachable(flow, flow.start)].sort(), flow.id).toEqual(flow.steps.map((s) => s.id).sort());
      for (const step of flow.steps) {
        const ends = [...reachable(flow, step.id)].filter((id) => flow.steps.find((s) => s.id === id)?.end);
        expect(ends.length, `${flow.id}: ${step.id}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('standing rules and trail', async () => {
  const { activeWatches, trail, startWalk, choose } = await import('../../src/lib/flows/walk.ts');
  const { loadContent } = await import('../../src/lib/content/load-content.ts');
  const flows = loadContent().flows.map((f) => f.data);

  it('shows each watch on every step from its step on, and not before or after the end', () => {
    for (const flow of flows) {
      for (const w of flow.watch) {
        // Walk the first branch each time until `from` is reached or the flow ends.
        let walk = startWalk(flow, new Date(0));
        const seen: string[][] = [];
        for (let i = 0; i < 40; i++) {
          seen.push(activeWatches(flow, walk));
          const at = walk.path[walk.path.length - 1]!;
          const step = flow.steps.find((s) => s.id === at)!;
          if (step.end) break;
          const options = step.branches?.length ?? 1;
          // Prefer the branch that leads towards `from` when one names it, else the first.
          const pick = step.branches?.findIndex((b) => b.to === w.from) ?? -1;
          walk = choose(flow, walk, pick >= 0 ? pick : Math.min(options - 1, 0));
        }
        const fromAt = walk.path.indexOf(w.from);
        seen.forEach((active, i) => {
          const atEnd = flow.steps.find((s) => s.id === walk.path[i])?.end;
          expect(active.includes(w.text)).toBe(fromAt >= 0 && i >= fromAt && !atEnd);
        });
      }
    }
  });

  it('lists the steps taken in order', () => {
    const flow = flows[0]!;
    const walk = choose(flow, startWalk(flow, new Date(0)), 0);
    expect(trail(flow, walk).map((s) => s.id)).toEqual(walk.path);
  });
});
