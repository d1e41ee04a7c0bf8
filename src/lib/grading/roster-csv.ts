import { toCsv } from '../progress/csv.ts';
import { centerDateTime } from '../time/center-time.ts';
import type { RosterRow } from './board.ts';

/** The roster for Excel: both parts of the certification, the month's exam and its effect; nothing uncounted passes. */
export function rosterCsv(rows: readonly RosterRow[], month: string): string {
  return toCsv(
    [
      '工号',
      '姓名',
      '认证结果',
      '认证交卷时间',
      '认证总分',
      '理论（百分）',
      '实操（通过/总数）',
      '认证最高分',
      `本月考试（${month}）`,
      '本月实操（通过/总数）',
      '考核影响',
      '不计入的记录',
      '未确认的必读制度',
      '提示',
    ],
    rows.map((r) => [
      r.employeeId,
      r.name,
      r.certification ? '通过' : r.bestCertificationPercent !== undefined ? '未通过' : '',
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
      r.notCounted.map((n) => `${n.examId} ${n.attemptId}：${n.reasons.join('；')}`).join('\n'),
      r.unread.join('、'),
      r.flags.join('；'),
    ]),
  );
}
