import type { Question, QuestionType } from './schema.ts';
import { sealAnswer } from './seal.ts';
import type { SealedAnswer } from './seal.ts';
import { checkText as say } from '../../i18n/strings/content-check.ts';

/** A question as a trainer-graded exam ships it: no answer material at all (no key, seal or explanation). */
export interface QuestionView {
  id: string;
  topic: string;
  type: QuestionType;
  stem: string;
  options: string[];
  optionCount: number;
  difficulty: 1 | 2 | 3;
  pool: 'practice' | 'exam';
  fact?: string | undefined;
}

/** A practice-pool question as practice and instant exams ship it: answer as a salted check, explanation sealed. */
export interface PublicQuestion extends QuestionView {
  ref: { url: string; label: string };
  sealed: SealedAnswer;
}

export interface RefTarget {
  policyTitle: string;
  headings: ReadonlyMap<string, string>;
}

/** Resolves `policyId#anchor` to a link; the build has already failed on dangling refs. */
export function resolveRef(ref: string, policies: ReadonlyMap<string, RefTarget>): { url: string; label: string } {
  const [policyId = '', anchor = ''] = ref.split('#');
  const target = policies.get(policyId);
  const heading = target?.headings.get(anchor);
  return {
    url: `/policies/${policyId}/#${anchor}`,
    label: target ? `${target.policyTitle}${heading ? ` › ${heading}` : ''}` : policyId,
  };
}

export function questionView(q: Question, topic: string): QuestionView {
  const options = q.type === 'truefalse' ? [] : q.options;
  return {
    id: q.id,
    topic,
    type: q.type,
    stem: q.stem,
    options,
    optionCount: options.length,
    difficulty: q.difficulty,
    pool: q.pool,
    ...(q.fact ? { fact: q.fact } : {}),
  };
}

export function publicQuestion(q: Question, topic: string, policies: ReadonlyMap<string, RefTarget>): PublicQuestion {
  if (q.pool !== 'practice') throw new Error(say('check.quiz.examAnswer', { id: q.id }));
  return { ...questionView(q, topic), ref: resolveRef(q.ref, policies), sealed: sealAnswer(q) };
}
