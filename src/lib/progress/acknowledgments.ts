import type { Acknowledgment } from './schema.ts';
import { centerIso } from '../time/center-time.ts';

export type { Acknowledgment };

export function isAcknowledged(acks: readonly Acknowledgment[], policyId: string, version: string): boolean {
  return acks.some((a) => a.policyId === policyId && a.version === version);
}

/** The most recent acknowledgment of a policy, any version (times compared as instants, any offset). */
export function latestAcknowledgment(acks: readonly Acknowledgment[], policyId: string): Acknowledgment | undefined {
  return acks.filter((a) => a.policyId === policyId).sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
}

/** Adds an acknowledgment unless this version is already acknowledged; earlier versions stay as history. */
export function acknowledge(
  acks: readonly Acknowledgment[],
  policyId: string,
  version: string,
  at: Date,
): Acknowledgment[] {
  if (isAcknowledged(acks, policyId, version)) return [...acks];
  return [...acks, { policyId, version, at: centerIso(at) }];
}

/** "1.10" > "1.9": versions compared number by number. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The change entries a returning reader has not seen: newer than the version they acknowledged. */
export function changesSince<C extends { version: string }>(changes: readonly C[], acknowledgedVersion: string): C[] {
  return changes.filter((c) => compareVersions(c.version, acknowledgedVersion) > 0);
}
