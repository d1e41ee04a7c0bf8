import type { ReplyJudgement } from './judge.ts';
import { gradingText as say } from '../../i18n/strings/grading-reasons.ts';

/** Why a judged reply did not pass, in a trainer's words. */
export function failureSummary(j: ReplyJudgement): string {
  const parts: string[] = [];
  for (const c of j.critical) {
    if (c.reason === 'empty') parts.push(say('call.empty'));
    if (c.reason === 'too-long') parts.push(say('call.tooLong', { max: c.max, length: c.length }));
    if (c.reason === 'stuffing') parts.push(say('call.stuffing'));
    if (c.reason === 'order') parts.push(say('call.order', { after: c.after, before: c.before }));
  }
  for (const m of j.missed) parts.push(say('call.missed', { label: m.label }));
  for (const f of j.forbidden) parts.push(say('call.forbidden', { label: f.label }));
  for (const o of j.orderBroken) if (!o.critical) parts.push(say('call.orderSoft', { why: o.why }));
  return parts.join(say('call.sep')) || say('call.score', { score: j.score, max: j.max });
}
