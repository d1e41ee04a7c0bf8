import * as z from '../zod-mini.ts';
import type { Response } from '../quiz/types.ts';
import { examKinds } from '../quiz/kinds.ts';
import { progressText as say } from '../../i18n/strings/progress-records.ts';

/**
 * Progress: the one versioned schema for what a learner's browser keeps and exports.
 * zod/mini keeps it small enough for every page that stores an attempt or an acknowledgment.
 */

/** 2: attempts carry an id, how they are graded, their status and simulation transcripts (migrate.ts reads 1). */
export const PROGRESS_SCHEMA_VERSION = 2;

const text = z.string().check(z.minLength(1));
const isoTime = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), { message: say('record.badTime') }));

function isResponse(v: unknown): v is Response {
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  return Array.isArray(v) && v.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** Responses by question id. A plain check instead of a per-value union: a dashboard reads 10,000s of them. */
export const responsesSchema = z.custom<Record<string, Response>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isResponse),
  { message: say('record.badResponses') },
);

export const learnerSchema = z.object({
  employeeId: text,
  name: text,
});

/** What the learner said or chose on one learner turn of a simulation: the transcript a trainer reads. */
export const simulationTurnRecordSchema = z.object({
  turnId: text,
  reply: z.optional(z.string()),
  choice: z.optional(z.number()),
});

export const simulationRecordSchema = z.object({
  simulationId: text,
  turns: z.array(simulationTurnRecordSchema),
});

/** One part of a result: 理论 (the question paper) or 实操 (the simulations). */
export const partResultSchema = z.object({
  score: z.number().check(z.gte(0)),
  max: z.number().check(z.gte(0)),
  percent: z.number().check(z.gte(0), z.lte(100)),
  passed: z.boolean(),
});

export const attemptSchema = z.object({
  /** crypto.randomUUID() when the attempt starts; migrated first-release records get a derived id. */
  id: text,
  examId: text,
  examVersion: z.string(),
  kind: z.enum(examKinds),
  /** instant: scored on the device; trainer: sealed, scored on the dashboard against the trainer kit. */
  grading: z.enum(['instant', 'trainer']),
  /** graded: scored; submitted: waiting for a trainer (待评分), with no score fields. */
  status: z.enum(['graded', 'submitted']),
  seed: text,
  learner: learnerSchema,
  responses: responsesSchema,
  simulations: z.array(simulationRecordSchema),
  /** Score fields: present once graded; a `submitted` (sealed, 待评分) attempt has none. */
  score: z.optional(z.number().check(z.gte(0))),
  max: z.optional(z.number().check(z.gte(0))),
  percent: z.optional(z.number().check(z.gte(0), z.lte(100))),
  passed: z.optional(z.boolean()),
  topics: z.optional(z.array(z.object({ topic: text, score: z.number(), max: z.number() }))),
  parts: z.optional(z.object({ theory: partResultSchema, practical: z.optional(partResultSchema) })),
  startedAt: isoTime,
  finishedAt: isoTime,
});

export const acknowledgmentSchema = z.object({
  policyId: text,
  version: text,
  at: isoTime,
});

/** A palette query that found nothing or ended without a copy, scrubbed of customer data (lib/search/scrub.ts). */
export const searchMissSchema = z.object({
  query: z.string().check(z.minLength(1), z.maxLength(40)),
  reason: z.enum(['none', 'no-copy']),
  at: isoTime,
});

export const progressFileSchema = z.object({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  learner: learnerSchema,
  attempts: z.array(attemptSchema),
  acknowledgments: z.array(acknowledgmentSchema),
  searchMisses: z.optional(z.array(searchMissSchema)),
  exportedAt: isoTime,
  checksum: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

export type SimulationRecord = z.infer<typeof simulationRecordSchema>;
export type PartResult = z.infer<typeof partResultSchema>;
export type Learner = z.infer<typeof learnerSchema>;
export type Attempt = z.infer<typeof attemptSchema>;
export type Acknowledgment = z.infer<typeof acknowledgmentSchema>;
export type ProgressFile = z.infer<typeof progressFileSchema>;
export type SearchMiss = z.infer<typeof searchMissSchema>;

/** "attempts[2].score" style field names for messages. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}
