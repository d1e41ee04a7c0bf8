import { describe, expect, it } from 'vitest';
import { centerDateTime, centerDay, centerIso, offsetMinutes } from '../../src/lib/time/center-time.ts';

describe('center time', () => {
  const lateUtc = new Date('2026-11-23T23:30:00.000Z');

  it('shows the center’s calendar day, not UTC’s', () => {
    expect(centerDay(lateUtc)).toBe('2026-11-24');
    expect(centerDateTime(lateUtc)).toBe('2026-11-24 07:30');
  });

  it('writes ISO 8601 with the center’s offset, naming the same instant', () => {
    const iso = centerIso(lateUtc);
    expect(iso).toBe('2026-11-24T07:30:00.000+08:00');
    expect(Date.parse(iso)).toBe(lateUtc.getTime());
  });

  it('follows another zone when asked, daylight saving included', () => {
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(new Date('2026-01-01T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(centerDay(lateUtc, 'America/New_York')).toBe('2026-11-23');
  });
});
