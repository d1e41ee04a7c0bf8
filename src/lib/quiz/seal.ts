import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { QuestionType } from './schema.ts';
import type { Answer } from './types.ts';

/**
 * Keeps answers and explanations out of the page source as plain text. The answer is stored only
 * as a salted SHA-256 check and the explanation is encrypted with a key derived from the answer.
 * Answer spaces are tiny (a handful of options), so the browser recovers the answer by trying
 * them all when it grades: this stops reading answers off the source, not a determined cheat.
 */

export interface SealedAnswer {
  salt: string;
  check: string;
  /** Explanation, encrypted with a key derived from the correct answer (base64). */
  explanation: string;
}

const CHECK_LENGTH = 24;

export function canonicalAnswer(type: QuestionType, answer: Answer): string {
  if (type === 'multiple' && Array.isArray(answer)) return [...answer].sort((a, b) => a - b).join(',');
  if (Array.isArray(answer)) return answer.join(',');
  return String(answer);
}

function hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

function answerCheck(salt: string, id: string, canonical: string): string {
  return hex(`${salt}|${id}|${canonical}`).slice(0, CHECK_LENGTH);
}

function keystreamXor(data: Uint8Array, key: string): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let block = 0; block * 32 < data.length; block++) {
    const stream = sha256(utf8ToBytes(`${key}|${block}`));
    for (let i = 0; i < 32 && block * 32 + i < data.length; i++) {
      out[block * 32 + i] = data[block * 32 + i]! ^ stream[i]!;
    }
  }
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Build time: seal one question's answer and explanation. The salt is derived, so builds are reproducible. */
export function sealAnswer(q: {
  id: string;
  type: QuestionType;
  stem: string;
  answer: Answer;
  explanation: string;
}): SealedAnswer {
  const salt = hex(`salt|${q.id}|${q.stem}`).slice(0, 16);
  const canonical = canonicalAnswer(q.type, q.answer);
  const key = hex(`${salt}|key|${q.id}|${canonical}`);
  return {
    salt,
    check: answerCheck(salt, q.id, canonical),
    explanation: toBase64(keystreamXor(utf8ToBytes(q.explanation), key)),
  };
}

/** Every possible answer of a question type, in a fixed order. */
export function* answerSpace(type: QuestionType, optionCount: number): Generator<Answer> {
  if (type === 'truefalse') {
    yield true;
    yield false;
    return;
  }
  if (type === 'multiple') {
    for (let mask = 1; mask < 1 << optionCount; mask++) {
      yield [...Array(optionCount).keys()].filter((i) => mask & (1 << i));
    }
    return;
  }
  if (type === 'order') {
    yield* permutations([...Array(optionCount).keys()]);
    return;
  }
  for (let i = 0; i < optionCount; i++) yield i;
}

function* permutations(items: number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i]!, ...tail];
  }
}

/** Browser side: find the answer whose check matches (cheap: at most a few thousand hashes). */
export function recoverAnswer(
  q: { id: string; type: QuestionType; optionCount: number },
  sealed: SealedAnswer,
): Answer | undefined {
  for (const candidate of answerSpace(q.type, q.optionCount)) {
    if (answerCheck(sealed.salt, q.id, canonicalAnswer(q.type, candidate)) === sealed.check) return candidate;
  }
  return undefined;
}

export function openExplanation(q: { id: string; type: QuestionType }, sealed: SealedAnswer, answer: Answer): string {
  const key = hex(`${sealed.salt}|key|${q.id}|${canonicalAnswer(q.type, answer)}`);
  return new TextDecoder().decode(keystreamXor(fromBase64(sealed.explanation), key));
}

/** Answers of sealed questions, for grading in the browser; a check that matches nothing grades as wrong (NaN). */
export function unsealedAnswers(
  questions: Iterable<{ id: string; type: QuestionType; optionCount: number; sealed: SealedAnswer }>,
): Map<string, { id: string; type: QuestionType; answer: Answer }> {
  const out = new Map<string, { id: string; type: QuestionType; answer: Answer }>();
  for (const q of questions)
    out.set(q.id, { id: q.id, type: q.type, answer: recoverAnswer(q, q.sealed) ?? Number.NaN });
  return out;
}
