import { el } from '../../client/dom.ts';
import type { Translate } from '../../client/strings.ts';
import type { PublicQuestion } from '../../lib/quiz/public.ts';
import type { ExamDefinition } from '../../lib/quiz/schema.ts';
import { monthlyAssessmentEffect } from '../../lib/quiz/score.ts';
import type { AttemptResult } from '../../lib/quiz/score.ts';
import type { Answer, Response } from '../../lib/quiz/types.ts';
import { formatClock } from '../../lib/quiz/window.ts';
import { explanation } from './question-view.ts';

export interface ResultInput {
  exam: ExamDefinition;
  result: AttemptResult;
  topics: Record<string, string>;
  byId: ReadonlyMap<string, PublicQuestion>;
  responses: Readonly<Record<string, Response>>;
  answers: ReadonlyMap<string, { answer: Answer }>;
}

/** An instant exam's result: score, verdict, must-pass topics, monthly effect, breakdown and review. */
export function resultView(t: Translate, r: ResultInput): HTMLElement[] {
  const { exam, result } = r;
  const name = (id: string) => r.topics[id] ?? id;
  const parts: HTMLElement[] = [
    el(
      'p',
      { className: 'qr-score' },
      t('quiz.score', { score: result.score, max: result.max, percent: result.percent }),
    ),
    el(
      'p',
      { className: `qr-verdict ${result.passed ? 'qr-pass' : 'qr-fail'}` },
      result.passed ? t('quiz.passed') : t('quiz.failed'),
    ),
  ];
  if (result.failedMustPass.length) {
    parts.push(el('p', {}, t('quiz.failedTopics', { topics: result.failedMustPass.map(name).join('、') })));
  }
  if (exam.kind === 'monthly') {
    const effect = monthlyAssessmentEffect(result.percent);
    const key = effect === 5 ? 'quiz.effect.plus' : effect === 0 ? 'quiz.effect.none' : 'quiz.effect.minus';
    parts.push(el('p', { className: 'qr-effect' }, t('quiz.effect', { effect: t(key) })));
  }
  const rows = result.topics.map((topic) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, name(topic.topic)),
      el('td', {}, `${topic.score} / ${topic.max}`),
      el('td', {}, `${topic.percent}%`),
      el('td', {}, topic.mustPass ? `≥ ${exam.topicPassMark}%${topic.passed ? ' ✓' : ' ✗'}` : '—'),
    ),
  );
  const head = [t('quiz.topic'), t('quiz.topicScore'), t('quiz.topicPercent'), t('quiz.topicRequired')];
  parts.push(
    el('h3', {}, t('quiz.breakdown')),
    el(
      'table',
      { className: 'qr-breakdown' },
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows),
    ),
    el('h3', {}, t('quiz.review')),
  );
  const wrong = result.questions.filter((q) => !q.correct);
  if (!wrong.length) parts.push(el('p', {}, t('quiz.reviewNone')));
  else {
    const list = el('ol', { className: 'qr-review' });
    for (const w of wrong) {
      const q = r.byId.get(w.id)!;
      const answer = r.answers.get(w.id)!.answer;
      list.append(
        el(
          'li',
          {},
          el('p', { className: 'qr-review-stem' }, q.stem),
          explanation(t, q, r.responses[w.id] ?? null, answer, false),
        ),
      );
    }
    parts.push(list);
  }
  return parts;
}

export interface ReceiptInput {
  answered: number;
  unanswered: number;
  calls: number;
  callsDone: number;
  secondsUsed: number;
  code: string;
}

/** A sealed exam's receipt: nothing about right or wrong, only what was handed in and a code. */
export function receiptView(t: Translate, r: ReceiptInput): HTMLElement[] {
  return [
    el('p', { className: 'qr-verdict qr-pending' }, t('quiz.receipt.pending')),
    el(
      'dl',
      { className: 'qr-receipt' },
      el('dt', {}, t('quiz.summary.answered')),
      el('dd', {}, String(r.answered)),
      el('dt', {}, t('quiz.summary.unanswered')),
      el('dd', {}, String(r.unanswered)),
      ...(r.calls
        ? [
            el('dt', {}, t('quiz.summary.calls')),
            el('dd', {}, t('quiz.summary.callsValue', { done: r.callsDone, total: r.calls })),
          ]
        : []),
      el('dt', {}, t('quiz.receipt.timeUsed')),
      el('dd', {}, formatClock(r.secondsUsed)),
      el('dt', {}, t('quiz.receipt.code')),
      el('dd', { className: 'qr-code' }, r.code),
    ),
    el('p', {}, t('quiz.receipt.next')),
    el('p', {}, el('a', { href: '/progress/' }, t('quiz.toProgress'))),
    el('p', {}, el('a', { href: '/certificate/' }, t('quiz.toCertificate'))),
  ];
}
