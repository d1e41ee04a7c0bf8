import { centerDay } from '../time/center-time.ts';
import type { ContentReport } from './validate.ts';
import { checkText as say } from '../../i18n/strings/content-check.ts';

/**
 * Review dates: every policy, script and phrase names an owner role and the day by which it must be
 * checked again. Past that day (in the center's time zone) the check warns and the page says 待复核.
 */

/** YYYY-MM-DD of a content date (stored as UTC midnight). */
function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The build's day in the center's time zone: what "today" means for review dates. */
export function buildDay(now: Date = new Date()): string {
  return centerDay(now);
}

/** True once the review day has passed (the review day itself still counts as reviewed). */
export function isReviewDue(reviewBy: Date, today: string): boolean {
  return day(reviewBy) < today;
}

/** One warning per entry whose review date has passed, naming the file, the owner and the date. */
export function reviewWarnings(report: Pick<ContentReport, 'policies' | 'scripts' | 'phrases'>, today: string): string[] {
  const entries = [...report.policies, ...report.scripts, ...report.phrases];
  return entries
    .filter((e) => isReviewDue(e.data.reviewBy, today))
    .map((e) => say('check.review.due', { path: e.path, day: day(e.data.reviewBy), today, owner: e.data.owner }));
}
