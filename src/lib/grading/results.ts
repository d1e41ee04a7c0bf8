import * as z from '../zod-mini.ts';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { parseJson } from '../json/parse-json.ts';
import { monthlyAssessmentEffect } from '../quiz/score.ts';
import { learnerSchema, partResultSchema } from '../progress/schema.ts';
import { base32Decode, base32Encode } from './code.ts';
import { isCounted } from './board.ts';
import type { LearnerGrades } from './board.ts';
import { signingAlgs } from './key-records.ts';
import type { PrivateKeyRecord, PublicKeyRecord } from './key-records.ts';
import { base64url, fromBase64url, signBytes, verifyBytes } from './signing.ts';
import { gradingText as say } from '../../i18n/strings/grading-reasons.ts';

/**
 * What leaves the dashboard signed: a results file per learner and a certificate code. The signature
 * covers the exact payload text, so any change to it (one character) fails verification.
 */

export const RESULTS_FORMAT = 'kb-signed-results';

const text = z.string().check(z.minLength(1));

export const signedResultSchema = z.object({
  attemptId: text,
  examId: text,
  examTitle: z.string(),
  examVersion: text,
  kind: z.enum(['certification', 'mock', 'monthly']),
  startedAt: text,
  finishedAt: text,
  score: z.number(),
  max: z.number(),
  percent: z.number(),
  passed: z.boolean(),
  theory: partResultSchema,
  practical: z.optional(partResultSchema),
  topics: z.array(z.object({ topic: text, score: z.number(), max: z.number(), percent: z.number() })),
  simulations: z.array(
    z.object({
      simulationId: text,
      passed: z.boolean(),
      auto: z.optional(z.boolean()),
      /** 人工复核: the trainer's decision and reason, recorded. */
      review: z.optional(z.object({ passed: z.boolean(), reason: text })),
    }),
  ),
  monthEffect: z.optional(z.number()),
  certificate: z.optional(z.string()),
});

export const resultsPayloadSchema = z.object({
  format: z.literal('kb-results-payload'),
  version: z.literal(1),
  kid: text,
  issuedAt: text,
  learner: learnerSchema,
  results: z.array(signedResultSchema),
  notCounted: z.array(z.object({ attemptId: text, examId: text, reasons: z.array(z.string()) })),
});

export const signedResultsFileSchema = z.object({
  format: z.literal(RESULTS_FORMAT),
  version: z.literal(1),
  kid: text,
  alg: z.enum(signingAlgs),
  payload: text,
  signature: text,
});

export type SignedResult = z.infer<typeof signedResultSchema>;
export type ResultsPayload = z.infer<typeof resultsPayloadSchema>;
export type SignedResultsFile = z.infer<typeof signedResultsFileSchema>;

// ---- certificate codes ----

export interface CertificateClaims {
  kid: string;
  employeeId: string;
  name: string;
  examId: string;
  examVersion: string;
  /** Epoch seconds of the finish time. */
  finishedAt: number;
  percent: number;
  theory: number;
  /** Practical part, passed simulations of total ("3/3"), empty when the exam has none. */
  practical: string;
}

const SIG_BYTES = 64;
const CERT_TAG = 'C1';

function claimsText(c: CertificateClaims): string {
  return [
    CERT_TAG,
    c.kid,
    c.employeeId,
    c.name,
    c.examId,
    c.examVersion,
    c.finishedAt.toString(36),
    c.percent,
    c.theory,
    c.practical,
  ].join('\n');
}

export async function certificateCode(claims: CertificateClaims, key: PrivateKeyRecord): Promise<string> {
  const body = utf8ToBytes(claimsText(claims));
  const sig = await signBytes(key, body);
  const all = new Uint8Array(body.length + sig.length);
  all.set(body);
  all.set(sig, body.length);
  return base32Encode(all);
}

export type Verified<T> = { ok: true; value: T; key: PublicKeyRecord } | { ok: false; reason: string };

function keyFor(kid: string, keys: readonly PublicKeyRecord[]): PublicKeyRecord | undefined {
  return keys.find((k) => k.kid === kid);
}

/** A typed or scanned certificate code → its claims, or exactly why it fails. */
export async function verifyCertificateCode(
  code: string,
  keys: readonly PublicKeyRecord[],
): Promise<Verified<CertificateClaims>> {
  if (!code.trim()) return { ok: false, reason: say('code.empty') };
  const decoded = base32Decode(code);
  if (!decoded.ok) return { ok: false, reason: say('code.badChar', { char: decoded.bad }) };
  const bytes = decoded.bytes;
  if (bytes.length <= SIG_BYTES) return { ok: false, reason: say('code.short') };
  const body = bytes.slice(0, bytes.length - SIG_BYTES);
  const sig = bytes.slice(bytes.length - SIG_BYTES);
  let fields: string[];
  try {
    fields = new TextDecoder('utf-8', { fatal: true }).decode(body).split('\n');
  } catch {
    return { ok: false, reason: say('code.unreadable') };
  }
  if (fields[0] !== CERT_TAG || fields.length !== 10) return { ok: false, reason: say('code.unreadable') };
  const [
    ,
    kid = '',
    employeeId = '',
    name = '',
    examId = '',
    examVersion = '',
    finished = '',
    percent = '',
    theory = '',
    practical = '',
  ] = fields;
  const key = keyFor(kid, keys);
  if (!key) return { ok: false, reason: say('code.unknownKey', { kid }) };
  if (!(await verifyBytes(key, body, sig))) return { ok: false, reason: say('code.badSignature', { kid }) };
  return {
    ok: true,
    key,
    value: {
      kid,
      employeeId,
      name,
      examId,
      examVersion,
      finishedAt: parseInt(finished, 36),
      percent: Number(percent),
      theory: Number(theory),
      practical,
    },
  };
}

// ---- results files ----

export function resultsPayload(
  lg: LearnerGrades,
  kid: string,
  issuedAt: string,
  certificates: ReadonlyMap<string, string>,
): ResultsPayload {
  const counted = lg.grades.filter(isCounted);
  return {
    format: 'kb-results-payload',
    version: 1,
    kid,
    issuedAt,
    learner: { employeeId: lg.learner.employeeId, name: lg.learner.name },
    results: counted.map((g) => {
      const r = g.result;
      const cert = certificates.get(g.attempt.id);
      return {
        attemptId: g.attempt.id,
        examId: g.attempt.examId,
        examTitle: g.exam?.title ?? g.attempt.examId,
        examVersion: g.attempt.examVersion,
        kind: g.attempt.kind,
        startedAt: g.attempt.startedAt,
        finishedAt: g.attempt.finishedAt,
        score: r.score,
        max: r.max,
        percent: r.percent,
        passed: r.passed,
        theory: r.theory,
        ...(r.practical ? { practical: r.practical } : {}),
        topics: r.topics.map((t) => ({ topic: t.topic, score: t.score, max: t.max, percent: t.percent })),
        simulations: r.simulations.map((s) => ({
          simulationId: s.simulationId,
          passed: s.passed === true,
          ...(s.auto ? { auto: s.auto.passed } : {}),
          ...(s.override ? { review: { passed: s.override.passed, reason: s.override.reason } } : {}),
        })),
        ...(g.attempt.kind === 'monthly' ? { monthEffect: monthlyAssessmentEffect(r.percent) } : {}),
        ...(cert ? { certificate: cert } : {}),
      };
    }),
    notCounted: lg.grades
      .filter((g) => !isCounted(g))
      .map((g) => ({ attemptId: g.attempt.id, examId: g.attempt.examId, reasons: g.reasons.map((x) => x.message) })),
  };
}

export async function signResults(payload: ResultsPayload, key: PrivateKeyRecord): Promise<SignedResultsFile> {
  const body = JSON.stringify(payload);
  const sig = await signBytes(key, utf8ToBytes(body));
  return { format: RESULTS_FORMAT, version: 1, kid: key.kid, alg: key.alg, payload: body, signature: base64url(sig) };
}

export function serializeSignedResults(file: SignedResultsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A results file (text) → its verified payload, or exactly why it fails. */
export async function verifyResultsText(
  textIn: string,
  keys: readonly PublicKeyRecord[],
): Promise<Verified<ResultsPayload>> {
  const json = parseJson(textIn);
  if (!json.ok) return { ok: false, reason: say('results.notJson', { error: json.error }) };
  const file = signedResultsFileSchema.safeParse(json.value);
  if (!file.success) return { ok: false, reason: say('results.notSigned') };
  const key = keyFor(file.data.kid, keys);
  if (!key) return { ok: false, reason: say('code.unknownKey', { kid: file.data.kid }) };
  const sig = fromBase64url(file.data.signature);
  if (!sig || !(await verifyBytes(key, utf8ToBytes(file.data.payload), sig)))
    return { ok: false, reason: say('results.badSignature', { kid: key.kid }) };
  const payload = parseJson(file.data.payload);
  if (!payload.ok) return { ok: false, reason: say('results.unreadable') };
  const parsed = resultsPayloadSchema.safeParse(payload.value);
  if (!parsed.success || parsed.data.kid !== key.kid) return { ok: false, reason: say('results.badPayload') };
  return { ok: true, value: parsed.data, key };
}

/** Claims for the certificate of a learner's first passed certification result. */
export function certificateClaims(
  lg: LearnerGrades,
  kid: string,
): { attemptId: string; claims: CertificateClaims } | undefined {
  const g = lg.grades
    .filter(isCounted)
    .filter((x) => x.exam?.kind === 'certification' && x.result.passed)
    .sort((a, b) => a.attempt.finishedAt.localeCompare(b.attempt.finishedAt))[0];
  if (!g) return undefined;
  const p = g.result.practical;
  return {
    attemptId: g.attempt.id,
    claims: {
      kid,
      employeeId: lg.learner.employeeId,
      name: lg.learner.name,
      examId: g.attempt.examId,
      examVersion: g.attempt.examVersion,
      finishedAt: Math.floor(Date.parse(g.attempt.finishedAt) / 1000),
      percent: g.result.percent,
      theory: g.result.theory.percent,
      practical: p ? `${p.score}/${p.max}` : '',
    },
  };
}
