import { centerDay } from '../time/center-time.ts';

/** Where today falls relative to a monthly exam's window (inclusive days in the center's time zone). */
export type WindowState = 'open' | 'not-yet' | 'closed';

/** Today in the center's time zone, YYYY-MM-DD (such strings compare correctly as text). */
export function localDay(now: Date): string {
  return centerDay(now);
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
