import { el } from '../../client/dom.ts';
import type { Translate } from '../../client/strings.ts';
import type { StartDecision } from '../../lib/quiz/retake.ts';
import type { ExamDefinition } from '../../lib/quiz/schema.ts';
import { centerDateTime } from '../../lib/time/center-time.ts';
import { windowState } from '../../lib/quiz/window.ts';

type Learner = { employeeId: string; name: string };

/** The window note above the identity form; `open` says whether the form is shown at all. */
export function windowNote(t: Translate, exam: ExamDefinition, now: Date): { text: string; open: boolean } {
  const state = windowState(exam.window, now);
  if (!exam.window) return { text: '', open: true };
  const key = state === 'open' ? 'open' : state === 'not-yet' ? 'notYet' : 'closed';
  return {
    text: t(`quiz.window.${key}`, { opens: exam.window.opens, closes: exam.window.closes }),
    open: state === 'open',
  };
}

/** Why this learner cannot start now, in words (retake rule, seed 004). */
export function blockedText(
  t: Translate,
  d: Exclude<StartDecision, { ok: true }>,
  learner: Learner,
  topicName: (id: string) => string,
): string {
  const topics = d.reason === 'practise' ? d.topics.map(topicName).join('、') : '';
  const until = d.reason === 'wait' ? centerDateTime(new Date(d.until)) : '';
  return t(`quiz.blocked.${d.reason}`, { name: learner.name, id: learner.employeeId, topics, until });
}

/**
 * What to do after a failed instant exam: the retake button when it is open, otherwise what the
 * retake waits for, with links to the practice of each topic to work on.
 */
export function nextStepView(
  t: Translate,
  d: StartDecision,
  failed: readonly string[],
  learner: Learner,
  topicName: (id: string) => string,
  retake: () => void,
): HTMLElement {
  if (d.ok) {
    const button = el('button', { type: 'button' }, t('quiz.retake'));
    button.addEventListener('click', retake);
    return el('p', {}, button);
  }
  const topics = d.reason === 'practise' ? d.topics : failed;
  const links = topics.map((id) => el('li', {}, el('a', { href: `/practice/${id}/` }, topicName(id))));
  return el(
    'div',
    { className: 'qr-next-step' },
    el('p', {}, blockedText(t, d, learner, topicName)),
    ...(links.length ? [el('ul', {}, ...links)] : []),
  );
}

/** Wires the identity form: prefilled from the stored learner; a missing field is named and focused. */
export function wireIdentity(
  form: HTMLFormElement,
  message: HTMLElement,
  t: Translate,
  stored: Learner | undefined,
  submit: (who: Learner) => void,
): void {
  const [idInput, nameInput] = ['employeeId', 'name'].map((n) => form.querySelector<HTMLInputElement>(`[name=${n}]`)!);
  if (stored) [idInput!.value, nameInput!.value] = [stored.employeeId, stored.name];
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const who = { employeeId: idInput!.value.trim(), name: nameInput!.value.trim() };
    if (who.employeeId && who.name) return submit(who);
    message.textContent = t('quiz.identityMissing');
    (who.employeeId ? nameInput! : idInput!).focus();
  });
}
