import Papa from 'papaparse';
import { monthlyAssessmentEffect } from '../quiz/score.ts';
import type { Attempt } from './schema.ts';

/** Excel opens UTF-8 CSV correctly only with a byte-order mark. */
const BOM = '\ufeff';

/**
 * CSV for Excel: BOM, CRLF, and papaparse's formula escaping, so a cell such as
 * =HYPERLINK(...) or +1 or @SUM is written as text and never runs.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean)[])[]): string {
  return (
    BOM +
    Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { escapeFormulae: true, newline: '\r\n' })
  );
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
] as const;

/** One row per attempt. */
export function attemptsCsv(attempts: readonly Attempt[], examTitles: Readonly<Record<string, string>> = {}): string {
  return toCsv(
    ATTEMPT_CSV_HEADER,
    attempts.map((a) => [
      a.learner.employeeId,
      a.learner.name,
      examTitles[a.examId] ?? a.examId,
      a.examVersion,
      a.kind === 'certification' ? '最低技能认证' : '月度技能考试',
      // A submitted attempt has no score yet: blank cells and 待评分, never 0 or 未通过.
      a.score ?? '',
      a.max ?? '',
      a.percent ?? '',
      a.passed === undefined ? '待评分' : a.passed ? '通过' : '未通过',
      a.kind === 'monthly' && a.percent !== undefined ? String(monthlyAssessmentEffect(a.percent)) : '',
      a.startedAt,
      a.finishedAt,
      durationSeconds(a),
      a.seed,
    ]),
  );
}
