import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import { flowLevels, stepsInOrder } from '../../src/lib/flows/graph.ts';

const read = (path: string) => ({ path, text: readFileSync(path, 'utf8') });
const policy = read('tests/fixtures/policies/valid.mdx');
const script = read('tests/fixtures/flow-scripts/greeting.yaml');
const checkFlow = (name: string) =>
  validateContent({
    policies: [policy],
    scripts: [script],
    phrases: [],
    flows: [read(join('tests/fixtures/flows', name))],
  });

describe('flow validation', () => {
  it('accepts a valid flow with a two-way judgment', () => {
    const report = checkFlow('valid.yaml');
    expect(report.errors).toEqual([]);
    expect(report.flows[0]?.data.steps.find((s) => s.id === 'judge')?.branches?.map((b) => b.label)).toEqual([
      '成立',
      '不成立',
    ]);
  });

  it.each([
    ['missing-target.yaml', '步骤 judge', '“explian”不存在'],
    ['unreachable.yaml', '步骤 orphan', '无法到达'],
    ['dead-end.yaml', '步骤 explain', '走不到结束步骤'],
    ['unknown-script.yaml', '步骤 receive', '话术“no-such-script”不存在'],
    ['two-ways.yaml', '步骤 archive', '只能有 next、branches、end'],
  ])('%s fails naming the flow, the %s and the problem', (file, step, problem) => {
    const errors = checkFlow(file).errors;
    const line = errors.find((e) => e.includes(problem));
    expect(line, errors.join('\n')).toBeDefined();
    expect(line).toContain(join('tests/fixtures/flows', file));
    expect(line).toContain(step);
  });
});

describe('flow layout', () => {
  it('puts branches side by side and reads in breadth-first order', () => {
    const flow = checkFlow('valid.yaml').flows[0]!.data;
    expect(flowLevels(flow).map((level) => level.map((s) => s.id))).toEqual([
      ['receive'],
      ['judge'],
      ['solve', 'explain'],
      ['archive'],
    ]);
    expect(stepsInOrder(flow).map((s) => s.id)).toEqual(['receive', 'judge', 'solve', 'explain', 'archive']);
  });
});
