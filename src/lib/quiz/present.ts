import type { PublicQuestion } from './public.ts';
import type { Answer, Response } from './types.ts';

export interface AnswerWords {
  blank: string;
  yes: string;
  no: string;
}

/** Text of an answer for review: option texts in order, or the words for true/false and blank. */
export function answerText(
  q: Pick<PublicQuestion, 'type' | 'options'>,
  answer: Response | Answer,
  words: AnswerWords,
): string {
  if (answer === null || answer === undefined) return words.blank;
  if (q.type === 'truefalse') return answer === true ? words.yes : answer === false ? words.no : words.blank;
  const pick = (i: number) => q.options[i] ?? `#${i + 1}`;
  if (Array.isArray(answer)) {
    if (answer.length === 0) return words.blank;
    return q.type === 'order' ? answer.map(pick).join(' → ') : answer.map(pick).join('；');
  }
  return typeof answer === 'number' ? pick(answer) : words.blank;
}

/** Whether a response counts as answered (an order question needs every item placed). */
export function isAnswered(q: Pick<PublicQuestion, 'type' | 'optionCount'>, response: Response | undefined): boolean {
  if (response === null || response === undefined) return false;
  if (q.type === 'order') return Array.isArray(response) && response.length === q.optionCount;
  if (q.type === 'multiple') return Array.isArray(response) && response.length > 0;
  return true;
}
