// Drawing and scoring 10,000 certification papers with the real banks.
import { loadContent } from '../../src/lib/content/load-content.ts';
import { drawPaper } from '../../src/lib/quiz/draw.ts';
import { scoreAttempt } from '../../src/lib/quiz/score.ts';
import type { Response } from '../../src/lib/quiz/types.ts';

export function benchQuiz(print: (label: string, value: string, note?: string) => void) {
  const content = loadContent();
  const banks = new Map(
    content.banks.map((b) => [
      b.data.topic,
      b.data.questions.map((q) => ({
        id: q.id,
        type: q.type,
        optionCount: q.type === 'truefalse' ? 0 : q.options.length,
      })),
    ]),
  );
  const answers = new Map(content.banks.flatMap((b) => b.data.questions.map((q) => [q.id, q] as const)));
  const exam = content.exams.find((e) => e.id === 'certification')!.data;
  const rules = {
    passMark: exam.passMark,
    topicPassMark: exam.topicPassMark,
    mustPass: exam.draws.filter((d) => d.mustPass).map((d) => d.topic),
    partialCredit: exam.partialCredit,
  };
  const N = 10_000;
  let passed = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const paper = drawPaper(exam, banks, `bench-${i}`);
    const responses: Record<string, Response> = {};
    paper.questions.forEach((pq, j) => {
      const q = answers.get(pq.id)!;
      // Some answers blank, the rest right: scores spread around the pass mark.
      responses[pq.id] = (i * 7 + j) % (5 + (i % 8)) === 0 ? null : q.answer;
    });
    if (scoreAttempt(paper, responses, answers, rules).passed) passed++;
  }
  const seconds = (performance.now() - t0) / 1000;
  print(
    'draw + score 10,000 certification papers',
    `${seconds.toFixed(2)} s`,
    `${Math.round(N / seconds)} papers/s (${passed} passed)`,
  );
}
