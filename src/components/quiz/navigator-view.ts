import { el } from '../../client/dom.ts';
import type { Translate } from '../../client/strings.ts';
import type { QuestionStatus, SessionSummary } from '../../lib/quiz/session.ts';
import { formatClock } from '../../lib/quiz/window.ts';

/** The question navigator (Moodle-style): one button per question, answered / flagged / current. */
export function navigator(t: Translate, statuses: readonly QuestionStatus[], go: (index: number) => void): HTMLElement {
  const list = el('ol', { className: 'qr-navigator' });
  for (const s of statuses) {
    const state = [
      s.answered ? t('quiz.nav.answered') : t('quiz.nav.unanswered'),
      s.flagged ? t('quiz.nav.flagged') : '',
    ]
      .filter(Boolean)
      .join('，');
    const b = el(
      'button',
      {
        type: 'button',
        className: `qr-nav-item${s.answered ? ' qr-answered' : ''}${s.flagged ? ' qr-flagged' : ''}`,
        ariaLabel: t('quiz.nav.item', { n: s.number, state }),
      },
      String(s.number),
    );
    if (s.current) b.setAttribute('aria-current', 'step');
    b.addEventListener('click', () => go(s.number - 1));
    list.append(el('li', {}, b));
  }
  return list;
}

/** The submit summary: counts, time left and calls done; its own confirm button does the submitting. */
export function summaryLines(t: Translate, s: SessionSummary): HTMLElement {
  return el(
    'dl',
    { className: 'qr-summary-counts' },
    el('dt', {}, t('quiz.summary.answered')),
    el('dd', {}, String(s.answered)),
    el('dt', {}, t('quiz.summary.unanswered')),
    el('dd', {}, String(s.unanswered)),
    el('dt', {}, t('quiz.summary.flagged')),
    el('dd', {}, String(s.flagged)),
    el('dt', {}, t('quiz.summary.timeLeft')),
    el('dd', {}, formatClock(s.secondsLeft)),
    ...(s.calls
      ? [
          el('dt', {}, t('quiz.summary.calls')),
          el('dd', {}, t('quiz.summary.callsValue', { done: s.callsDone, total: s.calls })),
        ]
      : []),
  );
}
