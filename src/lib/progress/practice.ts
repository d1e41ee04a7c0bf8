import * as z from '../zod-mini.ts';
import { progressText as say } from '../../i18n/strings/progress-records.ts';

/**
 * Practice done on this device, one record per bank topic: the study path's "topics practised".
 * The exam runner records a finished practice round through src/client/practice-store.ts.
 */
export const practiceRecordSchema = z.object({
  topic: z.string().check(z.minLength(1)),
  /** Rounds finished on this device. */
  rounds: z.number().check(z.int(), z.gte(1)),
  /** The last round: questions right out of questions asked. */
  right: z.number().check(z.int(), z.gte(0)),
  total: z.number().check(z.int(), z.gte(0)),
  at: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), { message: say('record.badTime') })),
});

export type PracticeRecord = z.infer<typeof practiceRecordSchema>;

/** The record after one more finished round. */
export function addPracticeRound(
  previous: PracticeRecord | undefined,
  topic: string,
  right: number,
  total: number,
  at: string,
): PracticeRecord {
  return { topic, rounds: (previous?.rounds ?? 0) + 1, right, total, at };
}
