import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { lintBanks, lintExams } from '../../src/lib/quiz/lint.ts';
import { bankSchema, examSchema } from '../../src/lib/quiz/schema.ts';

const Q = 'tests/fixtures/quiz';
const bank = (f: string) => bankSchema.parse(parse(readFileSync(`${Q}/${f}`, 'utf8')));
const exam = (f: string) => examSchema.parse(parse(readFileSync(`${Q}/${f}`, 'utf8')));
const fair = bank('lint-fair-bank.yaml');

describe('item lint: each rule fails on its fixture, naming bank and question', () => {
  it('the key is the strictly longest option in more than 30% of a bank', () => {
    const [f] = lintBanks([bank('lint-longest-key.yaml')]);
    expect(f).toMatchObject({
      rule: 'longest-key',
      target: 'lint-long',
      questions: ['long-001', 'long-002', 'long-003'],
    });
    expect(f!.message).toContain('题库 lint-long');
  });
  it('a numeric-scale key that is always an interior value', () => {
    const [f] = lintBanks([bank('lint-interior-number.yaml')]);
    expect(f).toMatchObject({ rule: 'interior-number', questions: ['num-001', 'num-002'] });
  });
  it('near-duplicate questions across banks', () => {
    const found = lintBanks([bank('lint-duplicate-a.yaml'), bank('lint-duplicate-b.yaml')]);
    expect(found.filter((f) => f.rule === 'near-duplicate')).toEqual([
      expect.objectContaining({ rule: 'near-duplicate', questions: ['dupa-001', 'dupb-001'] }),
    ]);
  });
  it('an exam-pool question referenced by an instant (practice) exam', () => {
    const found = lintExams([exam('lint-exam-leak.yaml')], [fair]);
    expect(found).toEqual([expect.objectContaining({ rule: 'exam-item-in-practice', questions: ['fair-002'] })]);
  });
  it('a draw that cannot be satisfied', () => {
    const [f] = lintExams([exam('lint-draw-unsatisfiable.yaml')], [fair]);
    expect(f).toMatchObject({ rule: 'unsatisfiable-draw', target: 'lint-draw-unsatisfiable' });
    expect(f!.message).toContain('题库 fair 难度 3 要 3 题');
  });
  it('a fair fixture exam and bank pass', () => {
    expect(lintExams([exam('exam-fair.yaml')], [fair])).toEqual([]);
    expect(lintBanks([fair])).toEqual([]);
  });
});

describe('item lint on the real banks', () => {
  it('finds nothing: every bank and exam passes every rule', () => {
    const content = loadContent();
    const banks = content.banks.map((b) => b.data);
    const findings = [
      ...lintBanks(banks),
      ...lintExams(
        content.exams.map((e) => e.data),
        banks,
      ),
    ];
    expect(findings.map((f) => f.message)).toEqual([]);
  }, 60_000);
});
