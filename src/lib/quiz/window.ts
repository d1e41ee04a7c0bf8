/** Where today falls relative to a monthly exam's window (inclusive days, learner's local calendar). */
export type WindowState = 'open' | 'not-yet' | 'closed';

/** Days as YYYY-MM-DD strings compare correctly as text. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function windowState(window: { opens: string; closes: string } | undefined, now: Date): WindowState {
  if (!window) return 'open';
  const today = localDay(now);
  if (today < window.opens) return 'not-yet';
  if (today > window.closes) return 'closed';
  return 'open';
}

/** Seconds left on the clock, never negative. */
export function secondsLeft(startedAt: string, limitMinutes: number, now: Date): number {
  const end = new Date(startedAt).getTime() + limitMinutes * 60_000;
  return Math.max(0, Math.round((end - now.getTime()) / 1000));
}

export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
