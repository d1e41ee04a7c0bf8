import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';

const read = (path: string) => ({ path, text: readFileSync(path, 'utf8') });
const Q = 'tests/fixtures/quiz';
const policy = read('tests/fixtures/policies/valid.mdx');
const check = (banks: string[], exams: string[] = []) =>
  validateContent({
    policies: [policy],
    scripts: [],
    phrases: [],
    banks: banks.map((b) => read(join(Q, b))),
    exams: exams.map((e) => read(join(Q, e))),
  });

describe('quiz validation', () => {
  it('accepts a valid bank and monthly exam', () => {
    const report = check(['good.yaml'], ['exam-good.yaml']);
    expect(report.errors).toEqual([]);
    expect(report.banks[0]?.data.questions).toHaveLength(4);
    expect(report.exams[0]?.data.window?.opens).toBe('2026-11-01');
  });

  it.each([
    [['duplicate-id.yaml'], [], 'duplicate-id.yaml', '题目 good-001', 'id 重复'],
    [['answer-not-option.yaml'], [], 'answer-not-option.yaml', '题目 good-001', '答案 3 不是选项'],
    [['order-not-permutation.yaml'], [], 'order-not-permutation.yaml', '题目 good-004', '不是 0..2 的一个排列'],
    [['missing-policy.yaml'], [], 'missing-policy.yaml', '题目 good-001', '制度“no-such-policy”不存在'],
    [['missing-heading.yaml'], [], 'missing-heading.yaml', '题目 good-003', '没有小标题锚点“#no-such-heading”'],
    [['good.yaml'], ['draw-too-large.yaml'], 'draw-too-large.yaml', 'draws[0].count', '抽 9 题，但题库只有 4 题'],
    [['good.yaml'], ['window-inverted.yaml'], 'window-inverted.yaml', 'window.closes', 'window 颠倒'],
  ])('%j %j fails in %s naming %s', (banks, exams, file, where, problem) => {
    const errors = check(banks, exams).errors;
    const line = errors.find((e) => e.includes(problem));
    expect(line, errors.join('\n')).toBeDefined();
    expect(line).toContain(join(Q, file));
    expect(line).toContain(where);
  });
});
