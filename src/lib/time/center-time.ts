import { site } from '../../site.config.ts';

/**
 * Dates and times as the center reads them: in its own time zone (site.config.ts), whatever zone the
 * browser or the build machine is in.
 */

export interface CenterParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function centerParts(date: Date, timeZone: string = site.timeZone): CenterParts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(date)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out['year']!,
    month: out['month']!,
    day: out['day']!,
    hour: out['hour']!,
    minute: out['minute']!,
    second: out['second']!,
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The center's calendar day: 2026-11-24. */
export function centerDay(date: Date, timeZone: string = site.timeZone): string {
  const p = centerParts(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The center's wall-clock time to the minute: 2026-11-24 07:30. */
export function centerDateTime(date: Date, timeZone: string = site.timeZone): string {
  const p = centerParts(date, timeZone);
  return `${centerDay(date, timeZone)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** Minutes the zone is ahead of UTC at that instant (480 for Asia/Shanghai). */
export function offsetMinutes(date: Date, timeZone: string = site.timeZone): number {
  const p = centerParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/** ISO 8601 with the center's offset, for JSON: 2026-11-24T07:30:00.000+08:00. */
export function centerIso(date: Date, timeZone: string = site.timeZone): string {
  const p = centerParts(date, timeZone);
  const off = offsetMinutes(date, timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${centerDay(date, timeZone)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(date.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
