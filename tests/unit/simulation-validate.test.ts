import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import { validateSimulations } from '../../src/lib/simulation/validate.ts';
import { examSimulationErrors } from '../../src/lib/simulation/exam-check.ts';
import { placeholderValues } from '../../src/site.config.ts';

const read = (path: string) => ({ path, text: readFileSync(path, 'utf8') });
const { policies } = validateContent({
  policies: [read('tests/fixtures/policies/valid.mdx')],
  scripts: [],
  phrases: [],
});
const phrases = [
  { id: 'bu-zhi-dao', data: { id: 'bu-zhi-dao', phrase: '不知道', variants: [], instead: ['请稍等，正在为您查询。'] } },
];
const check = (...names: string[]) =>
  validateSimulations(
    names.map((n) => read(join('tests/fixtures/simulations', n))),
    { policies, phrases, values: placeholderValues },
  );

describe('simulation validation', () => {
  it('accepts a valid simulation', () => {
    const report = check('valid.yaml');
    expect(report.errors).toEqual([]);
    expect(report.simulations.map((s) => s.id)).toEqual(['valid']);
  });

  it.each([
    ['model-fails.yaml', '轮次 r1', '模范回答没有通过本轮评分标准（缺少要点“不能对外提供”）'],
    ['bad-passes.yaml', '轮次 r1', '反面示例 bad[0]“抱歉，客户资料不能对外提供。”竟然通过了评分标准'],
    ['unknown-ref.yaml', '轮次 r1', '制度“valid”中没有小标题锚点“#no-such-heading”'],
    ['unknown-phrase.yaml', '轮次 r1', '忌语“no-such-phrase”不存在'],
    ['branch-nowhere.yaml', '轮次 r1', '去向“c3-nowhere”不存在'],
  ])('%s fails in Chinese naming the file, the simulation, the %s and the problem', (file, turn, problem) => {
    const report = check(file);
    const line = report.errors.find((e) => e.includes(problem));
    expect(line, report.errors.join('\n')).toBeDefined();
    expect(line).toContain(join('tests/fixtures/simulations', file));
    expect(line).toContain(`实操 ${file.replace('.yaml', '')} ${turn}`);
    expect(report.simulations).toEqual([]);
  });

  it('names the turn of a schema error and refuses a backward branch, an unknown placeholder and a task that gives the answer away', () => {
    const bad = (path: string, edit: (t: string) => string) => ({
      path,
      text: edit(readFileSync('tests/fixtures/simulations/valid.yaml', 'utf8')),
    });
    const report = validateSimulations(
      [
        bad('x/valid.yaml', (t) => t.replace('mood: angry', 'mood: grumpy')),
        bad('y/valid.yaml', (t) => t.replace('next: q1', 'next: c1').replace('{hotline}', '{hotlien}')),
      ],
      { policies, phrases, values: placeholderValues },
    );
    expect(report.errors.find((e) => e.startsWith('x/valid.yaml: 轮次 c2-angry'))).toBeDefined();
    expect(report.errors).toContain(
      'y/valid.yaml: 实操 valid 轮次 r1: 字段 next: 去向“c1”不在本轮之后（通话只能向后进行）',
    );
    expect(report.errors).toContain('y/valid.yaml: 实操 valid: 未知占位符 {hotlien}');
    // A task that spells out the words would let a learner pass by copying it.
    const echo = validateSimulations(
      [bad('z/valid.yaml', (t) => t.replace('task: 婉拒并说明原因。', 'task: 说“抱歉，客户资料不能对外提供”。'))],
      {
        policies,
        phrases,
        values: placeholderValues,
      },
    );
    expect(echo.errors.find((e) => e.startsWith('z/valid.yaml: 实操 valid 轮次 r1: 照抄任务说明'))).toBeDefined();
  });

  it('an exam-pool simulation may not branch on what the learner typed (exams follow next only)', () => {
    const text = readFileSync('tests/fixtures/simulations/valid.yaml', 'utf8').replace(
      /^situation:/m,
      'pool: exam\nsituation:',
    );
    const report = validateSimulations([{ path: 'e/valid.yaml', text }], {
      policies,
      phrases,
      values: placeholderValues,
    });
    expect(
      report.errors.find((e) => e.startsWith('e/valid.yaml: 实操 valid 轮次') && e.includes('不能按回复内容分支')),
    ).toBeDefined();
  });
});

describe('exams with a practical part', () => {
  const sims = check('valid.yaml').simulations;
  const exam = (simulations: object, pool = 'practice') =>
    ({ path: 'quizzes/exams/x.yaml', id: 'x', data: { pool, simulations } }) as unknown as Parameters<
      typeof examSimulationErrors
    >[0][number];
  it('can always draw their calls: enough in their pool, one of each must-include topic', () => {
    expect(examSimulationErrors([exam({ count: 1, mustInclude: [], passMark: 100 })], sims)).toEqual([]);
    expect(examSimulationErrors([exam({ count: 2, mustInclude: [], passMark: 100 })], sims)).toEqual([
      'quizzes/exams/x.yaml: 字段 simulations.count: 每张试卷要 2 通实操，但 pool: practice 的实操只有 1 个（quizzes/simulations）',
    ]);
    expect(examSimulationErrors([exam({ count: 1, mustInclude: [], passMark: 100 }, 'exam')], sims)[0]).toContain(
      'pool: exam 的实操只有 0 个',
    );
    expect(examSimulationErrors([exam({ count: 1, mustInclude: ['training'], passMark: 100 })], sims)).toEqual([
      'quizzes/exams/x.yaml: 字段 simulations.mustInclude: 必含主题“training”要 1 个，pool: practice 的实操里只有 0 个',
    ]);
  });
});
