import Papa from 'papaparse';
import { monthlyAssessmentEffect } from '../quiz/score.ts';
import { centerParts } from '../time/center-time.ts';
import { gradedResult } from './attempts.ts';
import type { Attempt } from './schema.ts';

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

export const ATTEMPT_CSV_HEADER = [
  '工号',
  '姓名',
  '考试',
  '考试版本',
  '类型',
  '得分',
  '满分',
  '百分制',
  '是否通过',
  '月度考核影响',
  '开始时间',
  '交卷时间',
  '用时（秒）',
  '试卷种子',
  '理论（百分制）',
  '实操（通过/总数）',
] as const;

const KIND_LABEL: Record<Attempt['kind'], string> = {
  certification: '最低技能认证',
  mock: '模拟认证',
  monthly: '月度技能考试',
};

/** Shown in every score cell of an attempt a trainer has not graded yet: never 0. */
export const PENDING = '待评分';

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
        r ? (r.passed ? '通过' : '未通过') : PENDING,
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
