import dagre from '@dagrejs/dagre';
import type { EdgeLabel, GraphLabel, NodeLabel } from '@dagrejs/dagre';
import type { FlowData } from '../content/schema.ts';
import { successors } from './graph.ts';

/**
 * A flow laid out as a flowchart at build time (dagre, in Node): boxes, arrows, branch labels.
 * The page draws it as inline SVG; no JavaScript reaches the browser for it.
 */
export interface ChartNode {
  id: string;
  /** The title cut into short lines that fit the box. */
  lines: string[];
  note?: string | undefined;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: 'start' | 'end' | 'decision' | 'step';
}

export interface ChartEdge {
  from: string;
  to: string;
  label?: string | undefined;
  /** SVG path data, ending at the target box. */
  d: string;
  labelX?: number | undefined;
  labelY?: number | undefined;
  labelWidth?: number | undefined;
}

export interface Chart {
  width: number;
  height: number;
  nodes: ChartNode[];
  edges: ChartEdge[];
}

const CHAR = 15; // px per Chinese character at the chart's font size
const LINE = 19;
const PAD = 12;
const WRAP = 7;

/** Width in px of a label: Chinese characters count full, Latin and digits half. */
export function textWidth(text: string): number {
  let w = 0;
  for (const c of text) w += /[\x20-\x7e]/.test(c) ? CHAR / 2 : CHAR;
  return Math.ceil(w);
}

export function wrap(text: string, width = WRAP): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines.length ? lines : [''];
}

export function layoutFlow(flow: FlowData): Chart {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 44, edgesep: 14, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const step of flow.steps) {
    const lines = wrap(step.title);
    const note = step.timeLimit ?? step.escalateTo;
    const noteLines = note ? wrap(note, WRAP + 3) : [];
    const width = Math.max(...lines.map(textWidth), ...noteLines.map((l) => textWidth(l) * 0.8), 60) + 2 * PAD;
    const height = (lines.length + noteLines.length * 0.8) * LINE + 2 * PAD - 4;
    g.setNode(step.id, { width, height });
  }
  for (const step of flow.steps) {
    const labels = step.branches?.map((b) => b.label) ?? [];
    successors(step).forEach((to, i) => {
      const label = labels[i];
      g.setEdge(
        step.id,
        to,
        label
          ? {
              label,
              width: Math.min(textWidth(label), 9 * CHAR) + 8,
              height: LINE * Math.ceil(textWidth(label) / (9 * CHAR)),
              labelpos: 'c',
            }
          : {},
        `${step.id}>${to}`,
      );
    });
  }
  dagre.layout(g);
  const graph = g.graph();
  const nodes: ChartNode[] = flow.steps.map((step) => {
    const n = g.node(step.id);
    return {
      id: step.id,
      lines: wrap(step.title),
      note: step.timeLimit ?? step.escalateTo,
      // dagre.layout sets x and y on every node.
      x: n.x ?? 0,
      y: n.y ?? 0,
      width: n.width,
      height: n.height,
      kind: step.id === flow.start ? 'start' : step.end ? 'end' : step.branches ? 'decision' : 'step',
    };
  });
  const edges: ChartEdge[] = g.edges().map((e) => {
    const data = g.edge(e);
    const label = typeof data.label === 'string' ? data.label : undefined;
    const [first, ...rest] = data.points ?? [];
    const d = `M${round(first!.x)},${round(first!.y)}${rest.map((p) => ` L${round(p.x)},${round(p.y)}`).join('')}`;
    return {
      from: e.v,
      to: e.w,
      label,
      d,
      labelX: label ? data.x : undefined,
      labelY: label ? data.y : undefined,
      labelWidth: label ? data.width : undefined,
    };
  });
  return { width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), nodes, edges };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
