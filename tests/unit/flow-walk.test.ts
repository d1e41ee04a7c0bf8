import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import { back, choices, choose, currentStep, formatElapsed, parseWalk, startWalk } from '../../src/lib/flows/walk.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';

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
  });

  it('formats the elapsed call time', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-5)).toBe('0:00');
  });
});

describe('the real flows', () => {
  const flows = loadContent().flows.map((f) => f.data);
  it('include the four procedures of the content map', () => {
    expect(flows.map((f) => f.id).sort()).toEqual(['callback', 'complaint', 'consultation', 'escalation']);
  });

  it('the complaint flow judges the complaint with two branches and escalates after 24 hours', () => {
    const complaint = flows.find((f) => f.id === 'complaint')!;
    const judge = complaint.steps.find((s) => s.branches?.some((b) => b.label.includes('成立')));
    expect(judge?.branches).toHaveLength(2);
    const overdue = complaint.steps.filter((s) => s.escalateTo);
    expect(overdue.map((s) => s.escalateTo)).toEqual(expect.arrayContaining(['值班长', '部门经理']));
    expect(JSON.stringify(complaint)).toMatch(/24\s*小时/);
    expect(complaint.rules.join()).toMatch(/挂断/);
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
