import type { QuestionType } from './schema.ts';
import type { Answer, PaperQuestion, Response } from './types.ts';

export interface Gradable {
  id: string;
  type: QuestionType;
  answer: Answer;
}

/** Whether items[i] is the first of its value (as a Set sees values: SameValueZero). */
function firstOccurrence(items: readonly number[], i: number): boolean {
  const v = items[i];
  for (let k = 0; k < i; k++) if (items[k] === v || (Number.isNaN(items[k]) && Number.isNaN(v))) return false;
  return true;
}

/** Share of one point a response earns. Multiple choice is all-or-nothing unless partial credit is on. */
export function creditFor(q: Gradable, response: Response, partialCredit = false): number {
  if (response === null || response === undefined) return 0;
  switch (q.type) {
    case 'truefalse':
      return response === q.answer ? 1 : 0;
    case 'multiple': {
      if (!Array.isArray(response) || !Array.isArray(q.answer)) return 0;
      // Each option counts once however often it is listed; a handful of numbers, so no Sets (graders
      // score 100,000s of these).
      const answer = q.answer;
      let correct = 0;
      for (let i = 0; i < answer.length; i++) if (firstOccurrence(answer, i)) correct++;
      let right = 0;
      for (let i = 0; i < response.length; i++) {
        if (!firstOccurrence(response, i)) continue;
        // Partial credit never rewards a wrong tick: any wrong option scores zero.
        if (!answer.includes(response[i]!)) return 0;
        right++;
      }
      if (right === correct) return 1;
      return partialCredit ? right / correct : 0;
    }
    case 'order':
      return Array.isArray(response) &&
        Array.isArray(q.answer) &&
        response.length === q.answer.length &&
        response.every((v, i) => v === (q.answer as number[])[i])
        ? 1
        : 0;
    default:
      return response === q.answer ? 1 : 0;
  }
}

export interface TopicResult {
  topic: string;
  score: number;
  max: number;
  percent: number;
  mustPass: boolean;
  passed: boolean;
}

export interface AttemptResult {
  score: number;
  max: number;
  percent: number;
  passed: boolean;
  topics: TopicResult[];
  /** Per question credit (0..1), in paper order. */
  questions: { id: string; topic: string; credit: number; correct: boolean }[];
  failedMustPass: string[];
}

export interface ScoringRules {
  passMark: number;
  topicPassMark: number;
  mustPass: readonly string[];
  partialCredit: boolean;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Scores a paper: one point per question, per-topic breakdown, pass mark plus must-pass topics. */
export function scoreAttempt(
  paper: { readonly questions: readonly Pick<PaperQuestion, 'id' | 'topic'>[] },
  responses: Readonly<Record<string, Response>>,
  answers: ReadonlyMap<string, Gradable>,
  rules: ScoringRules,
): AttemptResult {
  // One pass: credits summed in paper order, overall and per topic (topics in order of first appearance),
  // so the sums are the very same floating-point numbers as summing each topic's questions separately.
  const questions: AttemptResult['questions'] = [];
  const perTopic = new Map<string, { sum: number; count: number }>();
  let sum = 0;
  for (const pq of paper.questions) {
    const q = answers.get(pq.id);
    const credit = q ? creditFor(q, responses[pq.id] ?? null, rules.partialCredit) : 0;
    questions.push({ id: pq.id, topic: pq.topic, credit, correct: credit === 1 });
    sum += credit;
    const t = perTopic.get(pq.topic);
    if (t) {
      t.sum += credit;
      t.count++;
    } else perTopic.set(pq.topic, { sum: 0 + credit, count: 1 });
  }
  const topics = [...perTopic].map(([topic, t]) => {
    const score = round(t.sum);
    const percent = round((score / t.count) * 100);
    const mustPass = rules.mustPass.includes(topic);
    return { topic, score, max: t.count, percent, mustPass, passed: percent >= rules.topicPassMark };
  });
  const score = round(sum);
  const max = questions.length;
  const percent = max ? round((score / max) * 100) : 0;
  const failedMustPass = topics.filter((t) => t.mustPass && !t.passed).map((t) => t.topic);
  return {
    score,
    max,
    percent,
    passed: percent >= rules.passMark && failedMustPass.length === 0,
    topics,
    questions,
    failedMustPass,
  };
}

/** The monthly skills exam's effect on the monthly assessment: full marks +5, below 60 −10 (中度违规). */
export function monthlyAssessmentEffect(percent: number): 5 | 0 | -10 {
  if (percent >= 100) return 5;
  if (percent < 60) return -10;
  return 0;
}
