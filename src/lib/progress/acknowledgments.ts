import { acknowledgmentListSchema, parseStoredList } from './schema.ts';
import type { Acknowledgment, ParsedList } from './schema.ts';

export type { Acknowledgment };

export const ACK_STORAGE_KEY = 'kb.acknowledgments.v1';

/** Reads the stored list; anything unexpected is reported so the caller can set the raw text aside. */
export function parseAcknowledgments(raw: string | null): ParsedList<Acknowledgment> {
  return parseStoredList(raw, acknowledgmentListSchema, '阅读记录');
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
