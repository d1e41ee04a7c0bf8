import { toCsv } from '../progress/csv.ts';
import { centerDateTime } from '../time/center-time.ts';
import type { RosterRow } from './board.ts';
import { gradingText as say, listText } from '../../i18n/strings/grading-reasons.ts';

/** The roster for Excel: both parts of the certification, the month's exam and its effect; nothing uncounted passes. */
export function rosterCsv(rows: readonly RosterRow[], month: string): string {
  return toCsv(
    [
      say('roster.employeeId'),
      say('roster.name'),
      say('roster.certResult'),
      say('roster.certFinished'),
      say('roster.certPercent'),
      say('roster.theory'),
      say('roster.practical'),
      say('roster.best'),
      say('roster.month', { month }),
      say('roster.monthPractical'),
      say('roster.effect'),
      say('roster.notCounted'),
      say('roster.unread'),
      say('roster.flags'),
    ],
    rows.map((r) => [
      r.employeeId,
      r.name,
      r.certification ? say('roster.passed') : r.bestCertificationPercent !== undefined ? say('roster.failed') : '',
      r.certification ? centerDateTime(new Date(r.certification.finishedAt)) : '',
      r.certification?.percent ?? '',
      r.certificationParts?.theory.percent ?? '',
      r.certificationParts?.practical
        ? `${r.certificationParts.practical.score}/${r.certificationParts.practical.max}`
        : '',
      r.bestCertificationPercent ?? '',
      r.month?.percent ?? '',
      r.month?.practical ? `${r.month.practical.score}/${r.month.practical.max}` : '',
      r.month ? r.month.effect : '',
      r.notCounted
        .map((n) =>
          say('roster.notCountedLine', {
            exam: n.examId,
            attempt: n.attemptId,
            reasons: n.reasons.join(say('roster.sep')),
          }),
        )
        .join('\n'),
      listText(r.unread),
      r.flags.join(say('roster.sep')),
    ]),
  );
}
