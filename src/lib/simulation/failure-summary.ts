import type { ReplyJudgement } from './judge.ts';

/** Why a judged reply did not pass, in a trainer's words. */
export function failureSummary(j: ReplyJudgement): string {
  const parts: string[] = [];
  for (const c of j.critical) {
    if (c.reason === 'empty') parts.push('回答为空');
    if (c.reason === 'too-long') parts.push(`超过 ${c.max} 字（${c.length} 字）`);
    if (c.reason === 'stuffing') parts.push('堆砌关键词');
    if (c.reason === 'order') parts.push(`“${c.after}”出现在“${c.before}”之前`);
  }
  for (const m of j.missed) parts.push(`缺少要点“${m.label}”`);
  for (const f of j.forbidden) parts.push(`含禁止内容“${f.label}”`);
  for (const o of j.orderBroken) if (!o.critical) parts.push(`顺序不对：${o.why}`);
  return parts.join('；') || `得分 ${j.score}/${j.max}`;
}
