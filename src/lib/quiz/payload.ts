import { headingSections } from '../content/validate.ts';
import type { PolicyData } from '../content/schema.ts';
import type { Bank, Exam } from './schema.ts';
import { publicQuestion } from './public.ts';
import type { PublicQuestion, RefTarget } from './public.ts';

/** Everything the quiz runner needs in the page, answers sealed. */
export interface QuizPayload {
  mode: 'exam' | 'practice';
  exam?: {
    id: string;
    kind: Exam['kind'];
    version: string;
    passMark: number;
    topicPassMark: number;
    timeLimitMinutes: number;
    draws: { topic: string; count: number; mustPass: boolean }[];
    extra: string[];
    window?: { opens: string; closes: string };
    retake: Exam['retake'];
    partialCredit: boolean;
  };
  topic?: string;
  topics: Record<string, string>;
  questions: PublicQuestion[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function refTargets(
  policies: { id: string; data: PolicyData; body?: string | undefined }[],
): Map<string, RefTarget> {
  return new Map(
    policies.map((p) => [
      p.id,
      { policyTitle: p.data.title, headings: new Map(headingSections(p.body ?? '').map((s) => [s.anchor, s.text])) },
    ]),
  );
}

export function examPayload(exam: Exam, banks: Bank[], refs: ReadonlyMap<string, RefTarget>): QuizPayload {
  const topics = new Set(exam.draws.map((d) => d.topic));
  const extra = new Set(exam.extra);
  const questions = banks.flatMap((b) =>
    b.questions.filter((q) => topics.has(b.topic) || extra.has(q.id)).map((q) => publicQuestion(q, b.topic, refs)),
  );
  return {
    mode: 'exam',
    exam: {
      id: exam.id,
      kind: exam.kind,
      version: exam.version,
      passMark: exam.passMark,
      topicPassMark: exam.topicPassMark,
      timeLimitMinutes: exam.timeLimitMinutes,
      draws: exam.draws,
      extra: exam.extra,
      ...(exam.window ? { window: { opens: day(exam.window.opens), closes: day(exam.window.closes) } } : {}),
      retake: exam.retake,
      partialCredit: exam.partialCredit,
    },
    topics: Object.fromEntries(banks.map((b) => [b.topic, b.title])),
    questions,
  };
}

export function practicePayload(bank: Bank, refs: ReadonlyMap<string, RefTarget>): QuizPayload {
  return {
    mode: 'practice',
    topic: bank.topic,
    topics: { [bank.topic]: bank.title },
    questions: bank.questions.map((q) => publicQuestion(q, bank.topic, refs)),
  };
}

/** JSON for a <script type="application/json"> block: `<` escaped so no text can close the tag. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
