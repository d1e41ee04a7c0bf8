import { createRng, shuffled } from './random.ts';
import type { Paper, PaperQuestion, QuestionShape } from './types.ts';

export interface DrawRule {
  topic: string;
  count: number;
}

export interface ExamShape {
  id: string;
  version: string;
  draws: DrawRule[];
  extra: string[];
}

interface BankIndex {
  topicOf: Map<string, string>;
  shapeOf: Map<string, QuestionShape>;
}

// Re-scoring draws thousands of papers from the same banks: index them once.
const indexes = new WeakMap<ReadonlyMap<string, readonly QuestionShape[]>, BankIndex>();

function indexBanks(banks: ReadonlyMap<string, readonly QuestionShape[]>): BankIndex {
  let index = indexes.get(banks);
  if (!index) {
    index = { topicOf: new Map(), shapeOf: new Map() };
    for (const [topic, questions] of banks) {
      for (const q of questions) {
        index.topicOf.set(q.id, topic);
        index.shapeOf.set(q.id, q);
      }
    }
    indexes.set(banks, index);
  }
  return index;
}

/**
 * Draws a paper deterministically from a seed: per topic a shuffled sample of the bank, then the
 * exam's extra questions, each with its options shuffled. Same exam version + seed ⇒ same paper.
 */
export function drawPaper(exam: ExamShape, banks: ReadonlyMap<string, readonly QuestionShape[]>, seed: string): Paper {
  const rng = createRng(`${exam.id}|${exam.version}|${seed}`);
  const extra = new Set(exam.extra);
  const { topicOf, shapeOf } = indexBanks(banks);
  const picked: QuestionShape[] = [];
  for (const rule of exam.draws) {
    const bank = banks.get(rule.topic);
    if (!bank) throw new Error(`考试 ${exam.id}：题库“${rule.topic}”不存在`);
    const pool = bank.filter((q) => !extra.has(q.id));
    if (rule.count > pool.length) throw new Error(`考试 ${exam.id}：题库“${rule.topic}”不足 ${rule.count} 题`);
    picked.push(...shuffled(pool, rng).slice(0, rule.count));
  }
  for (const id of exam.extra) {
    const q = shapeOf.get(id);
    if (!q) throw new Error(`考试 ${exam.id}：附加题“${id}”不存在`);
    picked.push(q);
  }
  const questions: PaperQuestion[] = picked.map((q) => ({
    id: q.id,
    topic: topicOf.get(q.id)!,
    order: q.type === 'truefalse' ? [] : shuffled([...Array(q.optionCount).keys()], rng),
  }));
  return { examId: exam.id, examVersion: exam.version, seed, questions };
}

/** A practice sequence: one topic's questions in a seeded order, options shuffled the same way. */
export function practiceOrder(topic: string, questions: readonly QuestionShape[], seed: string): PaperQuestion[] {
  const rng = createRng(`practice|${topic}|${seed}`);
  return shuffled(questions, rng).map((q) => ({
    id: q.id,
    topic,
    order: q.type === 'truefalse' ? [] : shuffled([...Array(q.optionCount).keys()], rng),
  }));
}
