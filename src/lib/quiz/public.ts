import type { Question, QuestionType } from './schema.ts';
import { sealAnswer } from './seal.ts';
import type { SealedAnswer } from './seal.ts';

/** A question as shipped to the browser: no plain answer, explanation sealed. */
export interface PublicQuestion {
  id: string;
  topic: string;
  type: QuestionType;
  stem: string;
  options: string[];
  optionCount: number;
  difficulty: 1 | 2 | 3;
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

export function publicQuestion(q: Question, topic: string, policies: ReadonlyMap<string, RefTarget>): PublicQuestion {
  const options = q.type === 'truefalse' ? [] : q.options;
  return {
    id: q.id,
    topic,
    type: q.type,
    stem: q.stem,
    options,
    optionCount: options.length,
    difficulty: q.difficulty,
    ref: resolveRef(q.ref, policies),
    sealed: sealAnswer(q),
  };
}
