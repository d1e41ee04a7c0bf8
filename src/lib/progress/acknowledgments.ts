import { acknowledgmentListSchema, issuePath } from './schema.ts';
import type { Acknowledgment } from './schema.ts';

export type { Acknowledgment };

export const ACK_STORAGE_KEY = 'kb.acknowledgments.v1';

export type ParsedAcks = { ok: true; acks: Acknowledgment[] } | { ok: false; reason: string };

/** Reads the stored list; anything unexpected is reported so the caller can set the raw text aside. */
export function parseAcknowledgments(raw: string | null): ParsedAcks {
  if (raw === null || raw === '') return { ok: true, acks: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: '阅读记录不是有效的 JSON' };
  }
  const parsed = acknowledgmentListSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `阅读记录格式不对（${issue ? issuePath(issue.path) || '整体' : '整体'}）` };
  }
  return { ok: true, acks: parsed.data };
}

export function isAcknowledged(acks: readonly Acknowledgment[], policyId: string, version: string): boolean {
  return acks.some((a) => a.policyId === policyId && a.version === version);
}

/** The most recent acknowledgment of a policy, any version. */
export function latestAcknowledgment(acks: readonly Acknowledgment[], policyId: string): Acknowledgment | undefined {
  return acks.filter((a) => a.policyId === policyId).sort((a, b) => b.at.localeCompare(a.at))[0];
}

/** Adds an acknowledgment unless this version is already acknowledged; earlier versions stay as history. */
export function acknowledge(
  acks: readonly Acknowledgment[],
  policyId: string,
  version: string,
  at: Date,
): Acknowledgment[] {
  if (isAcknowledged(acks, policyId, version)) return [...acks];
  return [...acks, { policyId, version, at: at.toISOString() }];
}
