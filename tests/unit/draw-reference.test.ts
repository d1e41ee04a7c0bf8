import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawPaper, drawQuota, factOf } from '../../src/lib/quiz/draw.ts';
import type { DrawSpec, Banks } from '../../src/lib/quiz/draw.ts';
import { createRng } from '../../src/lib/quiz/random.ts';
import { creditFor, scoreAttempt } from '../../src/lib/quiz/score.ts';
import type { Response } from '../../src/lib/quiz/types.ts';
import { index } from '../fixtures/grading.ts';

/**
 * A sealed attempt is graded by re-drawing its paper from the seed the learner's browser recorded, so the
 * draw may get faster but never different: drawPaper must give exactly what the plain algorithm below gives
 * (the first release's code, written for clarity), and scoreAttempt exactly the plain per-topic sums.
 */

function plainShuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function plainDraw(exam: DrawSpec, banks: Banks, seed: string) {
  const rng = createRng(`${exam.id}|${exam.version}|${seed}`);
  const all = [...banks].flatMap(([topic, qs]) => qs.map((q) => ({ ...q, topic })));
  const extras = exam.extra.map((id) => all.find((q) => q.id === id)!);
  for (let attempt = 0; attempt < 20; attempt++) {
    const used = new Set(extras.map(factOf));
    const out: typeof all = [];
    let short = false;
    plan: for (const rule of exam.draws) {
      const candidates = all.filter(
        (q) => q.topic === rule.topic && q.pool === exam.pool && !exam.extra.includes(q.id),
      );
      const quota = drawQuota(rule.count, rule.difficulty, candidates);
      for (const d of [1, 2, 3] as const) {
        let need = quota[d];
        for (const q of plainShuffled(
          candidates.filter((c) => c.difficulty === d),
          rng,
        )) {
          if (need === 0) break;
          if (used.has(factOf(q))) continue;
          used.add(factOf(q));
          out.push(q);
          need--;
        }
        // A short stratum redraws the whole paper at once, the stream going on.
        if (need > 0) {
          short = true;
          break plan;
        }
      }
    }
    if (short) continue;
    return [...out, ...extras].map((q) => ({
      id: q.id,
      topic: q.topic,
      order: q.type === 'truefalse' ? [] : plainShuffled([...Array(q.optionCount).keys()], rng),
    }));
  }
  return 'short';
}

/** Multiple choice as first written: sets of distinct options; any wrong tick scores zero. */
function plainMultiple(answer: number[], response: number[], partialCredit: boolean): number {
  const correct = new Set(answer);
  const chosen = new Set(response);
  const wrong = [...chosen].some((i) => !correct.has(i));
  const right = [...chosen].filter((i) => correct.has(i)).length;
  if (!wrong && right === correct.size) return 1;
  return partialCredit && !wrong ? right / correct.size : 0;
}

const seeds = Array.from({ length: 400 }, (_, i) => `${i.toString(16)}-${(i * 2654435761) >>> 0}`);

describe('drawPaper and scoreAttempt against the plain algorithm', () => {
  it('every exam of the kit draws the same paper as the plain algorithm, seed for seed', () => {
    for (const exam of index.kit.exams) {
      const banks = index.banks.get(exam.id)!;
      const drawn = seeds.map((seed) => JSON.stringify(drawPaper(exam, banks, seed).questions));
      expect(drawn).toEqual(seeds.map((seed) => JSON.stringify(plainDraw(exam, banks, seed))));
    }
  });

  it('multiple choice credit is the plain set definition, duplicates and odd numbers included', () => {
    const option = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(Number.NaN, -0));
    fc.assert(
      fc.property(fc.array(option, { maxLength: 6 }), fc.array(option, { maxLength: 8 }), fc.boolean(), (a, r, p) => {
        const q = { id: 'q', type: 'multiple' as const, answer: a };
        expect(creditFor(q, r, p)).toBe(plainMultiple(a, r, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('scores are the plain per-topic and overall sums', () => {
    const exam = index.exams.get('certification') ?? index.kit.exams[0]!;
    for (const seed of seeds.slice(0, 100)) {
      const paper = drawPaper(exam, index.banks.get(exam.id)!, seed);
      const rng = createRng(seed);
      const responses: Record<string, Response> = {};
      for (const q of paper.questions) {
        const x = rng();
        const answer = index.questions.get(q.id)!.answer;
        responses[q.id] = x < 0.5 ? answer : x < 0.6 ? null : Array.isArray(answer) ? answer.slice(1) : 0;
      }
      const r = scoreAttempt(paper, responses, index.questions, { ...exam, mustPass: [], partialCredit: true });
      const sum = (qs: typeof r.questions) => Math.round(qs.reduce((s, q) => s + q.credit, 0) * 100) / 100;
      expect(r.score).toBe(sum(r.questions));
      for (const t of r.topics) {
        const own = r.questions.filter((q) => q.topic === t.topic);
        expect([t.score, t.max]).toEqual([sum(own), own.length]);
      }
      expect(r.topics.map((t) => t.topic)).toEqual([...new Set(r.questions.map((q) => q.topic))]);
    }
  });
});
