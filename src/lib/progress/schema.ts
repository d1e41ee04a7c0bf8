import * as z from 'zod/mini';

/**
 * Progress: the one versioned schema for what a learner's browser keeps and exports.
 * zod/mini keeps it small enough for every page that stores an attempt or an acknowledgment.
 */

export const PROGRESS_SCHEMA_VERSION = 1;

const text = z.string().check(z.minLength(1));
const isoTime = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), { message: '不是有效的时间' }));

export const responseSchema = z.union([z.number(), z.boolean(), z.null(), z.array(z.number())]);

export const learnerSchema = z.object({
  employeeId: text,
  name: text,
});

export const attemptSchema = z.object({
  examId: text,
  examVersion: z.string(),
  kind: z.enum(['certification', 'monthly']),
  seed: text,
  learner: learnerSchema,
  responses: z.record(z.string(), responseSchema),
  score: z.number().check(z.gte(0)),
  max: z.number().check(z.gte(0)),
  percent: z.number().check(z.gte(0), z.lte(100)),
  passed: z.boolean(),
  topics: z.array(z.object({ topic: text, score: z.number(), max: z.number() })),
  startedAt: isoTime,
  finishedAt: isoTime,
});

export const acknowledgmentSchema = z.object({
  policyId: text,
  version: text,
  at: isoTime,
});

export const progressFileSchema = z.object({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  learner: learnerSchema,
  attempts: z.array(attemptSchema),
  acknowledgments: z.array(acknowledgmentSchema),
  exportedAt: isoTime,
  checksum: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

export type Learner = z.infer<typeof learnerSchema>;
export type Attempt = z.infer<typeof attemptSchema>;
export type Acknowledgment = z.infer<typeof acknowledgmentSchema>;
export type ProgressFile = z.infer<typeof progressFileSchema>;

/** "attempts[2].score" style field names for messages. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

export const attemptListSchema = z.array(attemptSchema);
export const acknowledgmentListSchema = z.array(acknowledgmentSchema);
