import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { layoutFlow, wrap } from '../../src/lib/flows/layout.ts';
import { successors } from '../../src/lib/flows/graph.ts';

describe('flowchart layout', () => {
  const flows = loadContent().flows;

  it('draws one arrow for every transition of every flow, labelled with its branch', () => {
    for (const { data: flow } of flows) {
      const chart = layoutFlow(flow);
      for (const step of flow.steps) {
        successors(step).forEach((to, i) => {
          const edge = chart.edges.find((e) => e.from === step.id && e.to === to);
          expect(edge, `${flow.id}: ${step.id} → ${to}`).toBeDefined();
          expect(edge!.d).toMatch(/^M[\d.-]+,[\d.-]+( L[\d.-]+,[\d.-]+)+$/);
          expect(edge!.label).toBe(step.branches?.[i]?.label);
        });
      }
      expect(chart.edges).toHaveLength(flow.steps.reduce((n, s) => n + successors(s).length, 0));
    }
  });

  it('places every step in a box inside the drawing, no two boxes overlapping', () => {
    for (const { data: flow } of flows) {
      const chart = layoutFlow(flow);
      expect(chart.nodes.map((n) => n.id).sort()).toEqual(flow.steps.map((s) => s.id).sort());
      for (const n of chart.nodes) {
        expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
        expect(n.x + n.width / 2).toBeLessThanOrEqual(chart.width + 0.5);
      }
      for (const a of chart.nodes)
        for (const b of chart.nodes) {
          if (a === b) continue;
          const apart =
            Math.abs(a.x - b.x) >= (a.width + b.width) / 2 - 0.5 ||
            Math.abs(a.y - b.y) >= (a.height + b.height) / 2 - 0.5;
          expect(apart, `${flow.id}: ${a.id} / ${b.id}`).toBe(true);
        }
    }
  });

  it('wraps long titles into short lines', () => {
    expect(wrap('超过二十四小时未完结的工单')).toEqual(['超过二十四小时', '未完结的工单']);
  });
});
