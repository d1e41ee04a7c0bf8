import { el } from '../../client/dom.ts';
import type { Translate } from '../../client/strings.ts';
import { answerText } from '../../lib/quiz/present.ts';
import type { PublicQuestion, QuestionView } from '../../lib/quiz/public.ts';
import { openExplanation, unsealedAnswers } from '../../lib/quiz/seal.ts';
import { creditFor } from '../../lib/quiz/score.ts';
import type { Answer, PaperQuestion, Response } from '../../lib/quiz/types.ts';

/** Renders one question's options as controls; every change goes through `respond`. */
export function optionControls(
  t: Translate,
  pq: PaperQuestion,
  q: QuestionView,
  response: Response,
  respond: (value: Response) => void,
  rerender: () => void,
): HTMLElement[] {
  const name = `q-${q.id}`;
  if (q.type === 'truefalse') {
    return [true, false].map((value, i) =>
      choice('radio', name, `${i + 1}. ${value ? t('quiz.true') : t('quiz.false')}`, response === value, () =>
        respond(value),
      ),
    );
  }
  if (q.type === 'order') return orderControls(t, pq, q, response, respond, rerender);
  const multiple = q.type === 'multiple';
  const chosen = () => new Set(Array.isArray(response) ? response : []);
  return pq.order.map((source, i) =>
    choice(
      multiple ? 'checkbox' : 'radio',
      name,
      `${i + 1}. ${q.options[source]}`,
      multiple ? chosen().has(source) : response === source,
      (checked) => {
        if (!multiple) return respond(source);
        const set = chosen();
        if (checked) set.add(source);
        else set.delete(source);
        response = [...set].sort((a, b) => a - b);
        respond(response);
      },
    ),
  );
}

function choice(type: 'radio' | 'checkbox', name: string, label: string, checked: boolean, on: (c: boolean) => void) {
  const input = el('input', { type, name, checked });
  input.addEventListener('change', () => on(input.checked));
  return el('label', { className: 'qr-option' }, input, ' ', label);
}

/** Adds the option shown at `position` to an order response. */
export function orderAdd(pq: PaperQuestion, response: Response, position: number): Response | undefined {
  const source = pq.order[position];
  const chosen = Array.isArray(response) ? response : [];
  if (source === undefined || chosen.includes(source)) return undefined;
  return [...chosen, source];
}

export type KeyAction = { kind: 'pick'; index: number } | { kind: 'undo' } | { kind: 'primary' };

/** What a key means on a question: 1–9 pick an option, Backspace undoes an order step, Enter goes on. */
export function questionKey(e: KeyboardEvent, type: QuestionView['type']): KeyAction | undefined {
  const target = e.target as HTMLElement;
  if (e.ctrlKey || e.metaKey || e.altKey || target.matches('input[type=text], textarea')) return undefined;
  if (/^[1-9]$/.test(e.key)) return { kind: 'pick', index: Number(e.key) - 1 };
  if (e.key === 'Backspace' && type === 'order') return { kind: 'undo' };
  const control = target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
  return e.key === 'Enter' && !control ? { kind: 'primary' } : undefined;
}

export function orderUndo(response: Response): Response {
  const chosen = Array.isArray(response) ? response.slice(0, -1) : [];
  return chosen.length ? chosen : null;
}

function orderControls(
  t: Translate,
  pq: PaperQuestion,
  q: QuestionView,
  response: Response,
  respond: (value: Response) => void,
  rerender: () => void,
): HTMLElement[] {
  const chosen = Array.isArray(response) ? response : [];
  const pick = el('div', { className: 'qr-order-pick' }, el('p', {}, t('quiz.order.pick')));
  pq.order.forEach((source, i) => {
    const b = el(
      'button',
      { type: 'button', className: 'secondary qr-order-item', disabled: chosen.includes(source) },
      `${i + 1}. ${q.options[source]}`,
    );
    b.addEventListener('click', () => {
      const next = orderAdd(pq, response, i);
      if (next !== undefined) respond(next);
      rerender();
    });
    pick.append(b);
  });
  const yours = el('ol', { className: 'qr-order-yours' }, ...chosen.map((s) => el('li', {}, q.options[s] ?? '')));
  const undo = el('button', { type: 'button', className: 'secondary', disabled: !chosen.length }, t('quiz.order.undo'));
  undo.addEventListener('click', () => {
    respond(orderUndo(response));
    rerender();
  });
  const clear = el(
    'button',
    { type: 'button', className: 'secondary', disabled: !chosen.length },
    t('quiz.order.clear'),
  );
  clear.addEventListener('click', () => {
    respond(null);
    rerender();
  });
  return [
    pick,
    el('div', { className: 'qr-order-result' }, el('p', {}, t('quiz.order.yours')), yours, undo, ' ', clear),
  ];
}

/** Verdict, both answers, the unsealed explanation and the policy link (practice and instant exams only). */
export function explanation(t: Translate, q: PublicQuestion, response: Response, answer: Answer, right: boolean) {
  const words = { blank: t('quiz.blank'), yes: t('quiz.true'), no: t('quiz.false') };
  const box = el('div', { className: right ? 'qr-right' : 'qr-wrong' });
  box.append(el('p', { className: 'qr-verdict' }, right ? t('quiz.correct') : t('quiz.wrong')));
  if (!right) {
    box.append(el('p', {}, t('quiz.yourAnswer', { answer: answerText(q, response, words) })));
    box.append(el('p', {}, t('quiz.rightAnswer', { answer: answerText(q, answer, words) })));
  }
  box.append(el('p', {}, t('quiz.explanation', { text: openExplanation(q, q.sealed, answer) })));
  box.append(el('p', {}, t('quiz.learn'), ' ', el('a', { href: q.ref.url }, q.ref.label)));
  return box;
}

/** A practice answer checked: right or not, and the explanation to show (answers unsealed in the browser). */
export function practiceVerdict(t: Translate, q: PublicQuestion, response: Response) {
  const graded = unsealedAnswers([q]).get(q.id)!;
  const right = creditFor(graded, response) === 1;
  return { right, feedback: explanation(t, q, response, graded.answer, right) };
}
