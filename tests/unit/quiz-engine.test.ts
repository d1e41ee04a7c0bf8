import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { bankShapes, drawPaper, practiceOrder } from '../../src/lib/quiz/draw.ts';
import { scoringRules } from '../../src/lib/quiz/session.ts';
import { creditFor, monthlyAssessmentEffect, scoreAttempt } from '../../src/lib/quiz/score.ts';
import type { Gradable } from '../../src/lib/quiz/score.ts';
import { openExplanation, recoverAnswer, sealAnswer } from '../../src/lib/quiz/seal.ts';
import type { Response } from '../../src/lib/quiz/types.ts';

const content = loadContent();
const banks = bankShapes(content.banks.map((b) => b.data));
const questions = new Map(content.banks.flatMap((b) => b.data.questions.map((q) => [q.id, q] as const)));
// Exams whose pool holds enough questions on this branch (the exam pool is filled by the content work).
const exams = content.exams.map((e) => e.data).filter((e) => e.pool === 'practice');
const certification = exams.find((e) => e.kind === 'mock')!;
const rulesOf = scoringRules;

describe('drawing papers', () => {
  it('every draw is valid: right counts per topic, no question twice, options a permutation', () => {
    fc.assert(
      fc.property(fc.constantFrom(...exams), fc.string(), (exam, seed) => {
        const paper = drawPaper(exam, banks, seed);
        const ids = paper.questions.map((q) => q.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(exam.draws.reduce((n, d) => n + d.count, 0) + exam.extra.length);
        for (const id of exam.extra) expect(ids).toContain(id);
        for (const pq of paper.questions) {
          expect(banks.get(pq.topic)?.some((q) => q.id === pq.id)).toBe(true);
          const q = questions.get(pq.id)!;
          const n = q.type === 'truefalse' ? 0 : q.options.length;
          expect([...pq.order].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the same seed gives the same paper; another seed gives another', () => {
    const a = drawPaper(certification, banks, 'seed-1');
    expect(drawPaper(certification, banks, 'seed-1')).toEqual(a);
    expect(drawPaper(certification, banks, 'seed-2').questions).not.toEqual(a.questions);
  });

  it('practice order covers each question of the topic exactly once', () => {
    const topic = content.banks[0]!.data.topic;
    const order = practiceOrder(topic, banks.get(topic)!, 'x');
    expect(order.map((q) => q.id).sort()).toEqual(
      banks
        .get(topic)!
        .map((q) => q.id)
        .sort(),
    );
  });
});

const perfect = (paperIds: string[]): Record<string, Response> =>
  Object.fromEntries(paperIds.map((id) => [id, questions.get(id)!.answer]));

describe('scoring', () => {
  it('a perfect response scores the maximum and passes every exam', () => {
    fc.assert(
      fc.property(fc.constantFrom(...exams), fc.string(), (exam, seed) => {
        const paper = drawPaper(exam, banks, seed);
        const result = scoreAttempt(paper, perfect(paper.questions.map((q) => q.id)), questions, rulesOf(exam));
        expect(result.score).toBe(result.max);
        expect(result.percent).toBe(100);
        expect(result.passed).toBe(true);
        expect(monthlyAssessmentEffect(result.percent)).toBe(5);
      }),
      { numRuns: 100 },
    );
  });

  it('any responses score within 0..max, with per-topic scores adding up', () => {
    const response = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.nat({ max: 7 }),
      fc.array(fc.nat({ max: 7 }), { maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(response, { minLength: 36, maxLength: 36 }),
        fc.boolean(),
        (seed, rs, partial) => {
          const paper = drawPaper(certification, banks, seed);
          const responses = Object.fromEntries(paper.questions.map((q, i) => [q.id, rs[i] ?? null]));
          const result = scoreAttempt(paper, responses, questions, {
            ...rulesOf(certification),
            partialCredit: partial,
          });
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(result.max);
          // Scores are rounded to 2 decimals per topic and in total (partial credit gives thirds).
          const sum = result.topics.reduce((s, t) => s + t.score, 0);
          expect(Math.abs(sum - result.score)).toBeLessThanOrEqual(0.005 * (result.topics.length + 1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fails a paper whose must-pass topic is below its own mark even when the total passes', () => {
    const must = certification.draws.find((d) => d.mustPass);
    expect(must, 'the mock certification has no must-pass topic').toBeDefined();
    const paper = drawPaper(certification, banks, 'must-pass');
    const responses = perfect(paper.questions.map((q) => q.id));
    // Leave just enough of that topic's questions blank to fall below its own mark.
    const topic = paper.questions.filter((q) => q.topic === must!.topic);
    const mark = certification.topicPassMark ?? certification.passMark;
    for (const q of topic.slice(0, Math.floor(topic.length * (1 - mark / 100)) + 1)) responses[q.id] = null;
    const result = scoreAttempt(paper, responses, questions, rulesOf(certification));
    expect(result.percent).toBeGreaterThanOrEqual(certification.passMark);
    expect(result.passed).toBe(false);
    expect(result.failedMustPass).toEqual([must!.topic]);
  });

  it('multiple choice is all-or-nothing unless partial credit is on, and a wrong tick always scores zero', () => {
    const q: Gradable = { id: 'm', type: 'multiple', answer: [0, 2, 3] };
    expect(creditFor(q, [3, 0, 2])).toBe(1);
    expect(creditFor(q, [0, 2])).toBe(0);
    expect(creditFor(q, [0, 2], true)).toBeCloseTo(2 / 3);
    expect(creditFor(q, [0, 1, 2, 3], true)).toBe(0);
    expect(creditFor({ id: 'o', type: 'order', answer: [2, 0, 1] }, [2, 0, 1])).toBe(1);
    expect(creditFor({ id: 'o', type: 'order', answer: [2, 0, 1] }, [2, 1, 0])).toBe(0);
    expect(creditFor({ id: 't', type: 'truefalse', answer: false }, false)).toBe(1);
    expect(creditFor({ id: 't', type: 'truefalse', answer: false }, null)).toBe(0);
  });

  it('turns the monthly exam into the assessment effect: 100 → +5, 60..99 → 0, below 60 → −10', () => {
    expect(monthlyAssessmentEffect(100)).toBe(5);
    expect(monthlyAssessmentEffect(99.99)).toBe(0);
    expect(monthlyAssessmentEffect(60)).toBe(0);
    expect(monthlyAssessmentEffect(59.99)).toBe(-10);
    expect(monthlyAssessmentEffect(0)).toBe(-10);
  });
});

describe('sealed answers', () => {
  it('recovers every real answer from its check and opens the explanation', () => {
    for (const q of questions.values()) {
      const sealed = sealAnswer(q);
      const s = { id: q.id, type: q.type, optionCount: q.type === 'truefalse' ? 0 : q.options.length };
      const recovered = recoverAnswer(s, sealed);
      expect(recovered, q.id).toEqual(q.type === 'multiple' ? [...q.answer].sort((a, b) => a - b) : q.answer);
      expect(openExplanation(q, sealed, recovered!)).toBe(q.explanation);
    }
  });

  it('leaves neither the answer nor the explanation readable in the sealed form', () => {
    const q = questions.values().next().value!;
    const text = JSON.stringify(sealAnswer(q));
    expect(text).not.toContain(q.explanation.slice(0, 6));
    expect(text).not.toMatch(/"answer"/);
  });
});
