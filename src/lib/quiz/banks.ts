import type { QuestionShape } from './types.ts';

/** Question shapes grouped by topic in payload order: what drawPaper needs, identical wherever it is built. */
export function banksFromQuestions<T extends QuestionShape & { topic: string }>(
  questions: readonly T[],
): Map<string, T[]> {
  const banks = new Map<string, T[]>();
  for (const q of questions) banks.set(q.topic, [...(banks.get(q.topic) ?? []), q]);
  return banks;
}
