// Drawing papers (stratified, one question per fact) and scoring them, with the real banks.
import { loadContent } from '../../src/lib/content/load-content.ts';
import { bankShapes, drawPaper } from '../../src/lib/quiz/draw.ts';
import { scoreAttempt } from '../../src/lib/quiz/score.ts';
import { scoringRules } from '../../src/lib/quiz/session.ts';
import type { Response } from '../../src/lib/quiz/types.ts';

export function benchQuiz(print: (label: string, value: string, note?: string) => void) {
  const content = loadContent();
  const banks = bankShapes(content.banks.map((b) => b.data));
  const answers = new Map(content.banks.flatMap((b) => b.data.questions.map((q) => [q.id, q] as const)));
  const N = 10_000;
  for (const { data: exam } of content.exams) {
    let drawn = 0;
    const t0 = performance.now();
    try {
      for (let i = 0; i < N; i++) {
        drawPaper(exam, banks, `bench-${i}`);
        drawn++;
      }
    } catch (e) {
      print(`paper draws: ${exam.id}`, 'n/a', (e as Error).message);
      continue;
    }
    const seconds = (performance.now() - t0) / 1000;
    print(
      `paper draws: ${exam.id}`,
      `${Math.round(drawn / seconds)} papers/s`,
      `${N} seeded papers in ${seconds.toFixed(2)} s`,
    );
  }
  const mock = content.exams.find((e) => e.data.kind === 'mock')?.data;
  if (!mock) return;
  let passed = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const paper = drawPaper(mock, banks, `bench-${i}`);
    const responses: Record<string, Response> = {};
    paper.questions.forEach((pq, j) => {
      // Some answers blank, the rest right: scores spread around the pass mark.
      responses[pq.id] = (i * 7 + j) % (5 + (i % 8)) === 0 ? null : answers.get(pq.id)!.answer;
    });
    if (scoreAttempt(paper, responses, answers, scoringRules(mock)).passed) passed++;
  }
  const seconds = (performance.now() - t0) / 1000;
  print(
    `draw + score ${N} ${mock.id} papers`,
    `${seconds.toFixed(2)} s`,
    `${Math.round(N / seconds)} papers/s (${passed} passed)`,
  );
}
