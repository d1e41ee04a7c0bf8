import type { Translate } from '../../client/strings.ts';
import { formatClock, secondsLeft } from '../../lib/quiz/window.ts';

/** Shows the time left in every `.qr-timer` under root, once a second; onZero when it runs out. */
export function startExamTimer(
  root: HTMLElement,
  t: Translate,
  exam: { startedAt: string; minutes: number },
  onZero: () => void,
): number {
  const tick = () => {
    const left = secondsLeft(exam.startedAt, exam.minutes, new Date());
    const text = t('quiz.timer', { time: formatClock(left) });
    for (const timer of root.querySelectorAll('.qr-timer')) timer.textContent = text;
    if (left === 0) onZero();
  };
  tick();
  return window.setInterval(tick, 1000);
}
