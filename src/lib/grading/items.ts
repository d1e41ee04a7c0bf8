import { isCounted } from './board.ts';
import type { LearnerGrades } from './board.ts';

/** Correct rate per question and per topic over every counted (graded) attempt. */

export interface ItemStat {
  id: string;
  topic: string;
  answered: number;
  correct: number;
  rate: number;
}

export function itemAnalysis(learners: readonly LearnerGrades[]): {
  questions: ItemStat[];
  topics: { topic: string; answered: number; correct: number; rate: number }[];
} {
  const byQuestion = new Map<string, ItemStat>();
  for (const lg of learners) {
    for (const g of lg.grades) {
      if (!isCounted(g)) continue;
      for (const q of g.result.questions) {
        const s = byQuestion.get(q.id) ?? { id: q.id, topic: q.topic, answered: 0, correct: 0, rate: 0 };
        s.answered++;
        if (q.correct) s.correct++;
        byQuestion.set(q.id, s);
      }
    }
  }
  const questions = [...byQuestion.values()].map((s) => ({ ...s, rate: s.correct / s.answered }));
  questions.sort((a, b) => a.rate - b.rate || b.answered - a.answered || a.id.localeCompare(b.id));
  const topics = new Map<string, { topic: string; answered: number; correct: number; rate: number }>();
  for (const q of questions) {
    const t = topics.get(q.topic) ?? { topic: q.topic, answered: 0, correct: 0, rate: 0 };
    t.answered += q.answered;
    t.correct += q.correct;
    topics.set(q.topic, t);
  }
  return {
    questions,
    topics: [...topics.values()]
      .map((t) => ({ ...t, rate: t.correct / t.answered }))
      .sort((a, b) => a.rate - b.rate || a.topic.localeCompare(b.topic)),
  };
}
