import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildDay, isReviewDue, reviewWarnings } from '../../src/lib/content/review.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe('review dates', () => {
  it('are due only after the review day has passed', () => {
    expect(isReviewDue(day('2026-11-23'), '2026-11-23')).toBe(false);
    expect(isReviewDue(day('2026-11-22'), '2026-11-23')).toBe(true);
  });

  it('count days in the center time zone, not the build machine’s', () => {
    // 17:30 UTC on the 23rd is already the 24th in Shanghai.
    expect(buildDay(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
    expect(buildDay(new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23');
  });

  it('warn once per overdue entry, naming the file, the owner and the date', () => {
    const report = loadContent('tests/fixtures/review');
    expect(reviewWarnings(report, '2026-11-23')).toEqual([
      'tests/fixtures/review/content/policies/overdue.mdx: 复核日期 2020-01-31 已过（今天 2026-11-23），请 trainer 核对后把 reviewBy 改为下次复核日期',
    ]);
    expect(reviewWarnings(report, '2020-01-31')).toEqual([]);
  });

  it('make npm run check warn, not fail', { timeout: 30_000 }, () => {
    const run = spawnSync(process.execPath, ['tools/check-content.ts', 'tests/fixtures/review'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('已过复核日期');
    expect(run.stderr).toContain('overdue.mdx');
  });
});
