import Papa from 'papaparse';
import { monthlyAssessmentEffect } from '../quiz/score.ts';
import { centerParts } from '../time/center-time.ts';
import { gradedResult } from './attempts.ts';
import type { Attempt } from './schema.ts';
import { progressText as say } from '../../i18n/strings/progress-records.ts';

/** Excel opens UTF-8 CSV correctly only with a byte-order mark. */
const BOM = '\ufeff';

/**
 * Text a spreadsheet would run as a formula: starting with = + - @, tab or carriage return (OWASP).
 * Only text is escaped: a number stays a number, so −10 is a cell Excel and LibreOffice compute with.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null;

/** CSV for Excel and LibreOffice: BOM, CRLF, numbers as numbers, text that looks like a formula escaped with '. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return (
    BOM +
    Papa.unparse(
      { fields: [...header], data: rows.map((r) => [...r]) },
      { escapeFormulae: FORMULA_START, newline: '\r\n' },
    )
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A time as spreadsheets read a date-time cell: `2026-11-24 07:30:00`, in the center's time zone
 * (site.config.ts), whatever zone the exporting browser is in. Unreadable input stays as written.
 */
export function spreadsheetDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = centerParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

export function durationSeconds(a: Pick<Attempt, 'startedAt' | 'finishedAt'>): number {
  return Math.max(0, Math.round((Date.parse(a.finishedAt) - Date.parse(a.startedAt)) / 1000));
}

export const ATTEMPT_CSV_HEADER: readonly string[] = (
  [
    'csv.employeeId',
    'csv.name',
    'csv.exam',
    'csv.examVersion',
    'csv.kind',
    'csv.score',
    'csv.max',
    'csv.percent',
    'csv.passed',
    'csv.effect',
    'csv.started',
    'csv.finished',
    'csv.seconds',
    'csv.seed',
    'csv.theory',
    'csv.practical',
  ] as const
).map((key) => say(key));

const KIND_LABEL: Record<Attempt['kind'], string> = {
  certification: say('csv.certification'),
  mock: say('csv.mock'),
  monthly: say('csv.monthly'),
};

/** Shown in every score cell of an attempt a trainer has not graded yet: never 0. */
export const PENDING = say('csv.pending');

/** One row per attempt; times in the center's zone as date cells, scores as numbers. */
export function attemptsCsv(attempts: readonly Attempt[], examTitles: Readonly<Record<string, string>> = {}): string {
  return toCsv(
    ATTEMPT_CSV_HEADER,
    attempts.map((a) => {
      const r = gradedResult(a);
      return [
        a.learner.employeeId,
        a.learner.name,
        examTitles[a.examId] ?? a.examId,
        a.examVersion,
        KIND_LABEL[a.kind] ?? a.kind,
        r ? r.score : PENDING,
        r ? r.max : PENDING,
        r ? r.percent : PENDING,
        r ? (r.passed ? say('csv.yes') : say('csv.no')) : PENDING,
        a.kind !== 'monthly' ? '' : r ? monthlyAssessmentEffect(r.percent) : PENDING,
        spreadsheetDateTime(a.startedAt),
        spreadsheetDateTime(a.finishedAt),
        durationSeconds(a),
        a.seed,
        // Both parts once a trainer's signed result is applied (certification, monthly 工作技巧).
        a.parts ? a.parts.theory.percent : '',
        a.parts?.practical ? `${a.parts.practical.score}/${a.parts.practical.max}` : '',
      ];
    }),
  );
}
