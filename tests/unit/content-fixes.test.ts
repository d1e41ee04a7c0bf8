import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { parseBody } from '../../src/lib/content/headings.ts';
import type { MdNode } from '../../src/lib/content/headings.ts';
import { successors } from '../../src/lib/flows/graph.ts';
import type { FlowData } from '../../src/lib/content/schema.ts';

/** Rules behind the content fixes of issue 16: each would have caught the mistake it fixed. */
const content = loadContent();
const flow = (id: string) => content.flows.find((f) => f.id === id)!.data;
const script = (id: string) => content.scripts.find((s) => s.id === id)!.data;
/** A policy's body (the change summaries in its frontmatter may name the old wording). */
const policyText = (id: string) => content.policies.find((p) => p.id === id)!.body;

/** Steps reachable from the start without passing through `avoid`. */
function reachableAvoiding(f: FlowData, avoid: string): Set<string> {
  const byId = new Map(f.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = [f.start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id) || id === avoid) continue;
    seen.add(id);
    stack.push(...successors(byId.get(id)!));
  }
  return seen;
}

describe('content fixes', () => {
  it('the calming steps are one list: the policy section, the flow step and the script note agree', () => {
    const policy = content.policies.find((p) => p.id === 'complaint-handling')!;
    const section = policy.sections.find((s) => s.text.startsWith('安抚'))!;
    const parsed = parseBody(policy.body);
    if (!parsed.ok) throw new Error('complaint-handling does not parse');
    const blocks = parsed.root.children ?? [];
    const at = blocks.findIndex((b) => b.type === 'heading' && b.position?.start.line === section.line);
    const list = blocks.slice(at + 1).find((b: MdNode) => b.type === 'list')!;
    const steps = list.children!.length;
    const calm = flow('complaint').steps.find((s) => s.id === 'calm')!;
    expect(calm.do).toHaveLength(steps);
    const note = script('complaint-soothe').note ?? '';
    expect(note).toContain(`${steps} `);
    expect(note).not.toContain(`${steps + 1} `);
    expect(section.text).toContain(['', '一', '二', '三', '四', '五', '六', '七'][steps]!);
    for (const s of ['聆听客户的倾诉', '判断是否为我方原因', '表示理解', '并进行说明', '详细记录']) {
      expect(note).toContain(s);
      expect(calm.do.join('')).toContain(s);
    }
  });

  it('the 24-hour rule applies only once the complaint reaches the follow-up step', () => {
    const f = flow('complaint');
    const before = reachableAvoiding(f, 'follow-up');
    const mentions = f.steps.filter((s) => JSON.stringify(s).includes('24 小时')).map((s) => s.id);
    expect(mentions.length).toBeGreaterThan(0);
    for (const id of mentions) expect(before.has(id), id).toBe(false);
    expect(f.rules.join('')).not.toContain('24 小时');
  });

  it('a complaint that is not valid is answered tactfully, never handed to a responsible department', () => {
    const f = flow('complaint');
    const judge = f.steps.find((s) => s.id === 'judge')!;
    const notValid = judge.branches!.find((b) => b.label.includes('不成立'))!.to;
    const step = f.steps.find((s) => s.id === notValid)!;
    expect(step.do.join('')).toMatch(/婉转/);
    expect(step.do.join('')).toMatch(/谅解/);
    expect(successors(step)).not.toContain('assign-dept');
  });

  it('the 三要 example closes with the prescribed evaluation invitation', () => {
    expect(script('three-musts').lines.at(-1)).toBe(script('closing-evaluation').lines.at(-1));
  });

  it('a prescribed script adds no hang-up instruction its source does not give', () => {
    for (const s of content.scripts) {
      if (s.data.source.kind !== 'original') continue;
      if (!(s.data.source.quote ?? '').includes('挂机')) expect(s.data.note ?? '', s.id).not.toContain('挂机');
    }
  });

  it('the 监听反馈表 deadline is the same everywhere: daily, and weekend sheets by Monday 17:00', () => {
    for (const id of ['reports', 'quality-monitoring']) {
      // A table row is one statement; in prose, each clause is.
      const lines = policyText(id)
        .split('\n')
        .flatMap((l) => (l.startsWith('|') ? [l] : l.split(/[；。]/)))
        .filter((l) => l.includes('监听反馈表') && /\d{1,2}:\d{2}/.test(l));
      expect(lines.length, id).toBeGreaterThan(0);
      for (const line of lines) expect(line, `${id}: ${line}`).toMatch(/周一\s*17:00/);
    }
  });

  it('the two take-out rules stand side by side, and quick-reference lines keep 擅自 and 随意', () => {
    const text = policyText('confidentiality');
    const rows = text.split('\n').filter((l) => l.startsWith('|') && l.includes('带出'));
    expect(rows.some((r) => r.includes('工作区'))).toBe(true);
    expect(rows.some((r) => r.includes('未经特许'))).toBe(true);
    for (const id of ['confidentiality', 'customer-records']) {
      const quick = policyText(id).split('## 要点速记')[1] ?? '';
      for (const line of quick.split('\n')) {
        if (line.includes('复印')) expect(line, id).toContain('擅自');
        if (line.includes('抄录')) expect(line, id).toContain('随意');
      }
    }
  });

  it('the urgent reporting path has no phone deadline: that rule belongs to leave (seed 000)', () => {
    const urgent = flow('escalation').steps.find((s) => s.id === 'urgent-report')!;
    expect(JSON.stringify(urgent)).not.toMatch(/\d+\s*小时/);
    expect(policyText('reporting-meetings')).not.toMatch(/1\s*小时/);
    expect(policyText('attendance-leave')).toMatch(/请假[^\n]*紧急情况[^\n]*1 小时内电话通知部门经理/);
  });
});
