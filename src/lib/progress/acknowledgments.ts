/** Policy acknowledgments kept in the browser until the progress export takes them over. */
export interface Acknowledgment {
  policyId: string;
  version: string;
  at: string;
}

export const ACK_STORAGE_KEY = 'kb.acknowledgments.v1';

export type ParsedAcks = { ok: true; acks: Acknowledgment[] } | { ok: false; reason: string };

function isAck(value: unknown): value is Acknowledgment {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['policyId'] === 'string' && typeof v['version'] === 'string' && typeof v['at'] === 'string';
}

/** Reads the stored list; anything unexpected is reported so the caller can set the raw text aside. */
export function parseAcknowledgments(raw: string | null): ParsedAcks {
  if (raw === null || raw === '') return { ok: true, acks: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: '阅读记录不是有效的 JSON' };
  }
  if (!Array.isArray(value)) return { ok: false, reason: '阅读记录格式不对（应为列表）' };
  const bad = value.findIndex((v) => !isAck(v));
  if (bad !== -1) return { ok: false, reason: `第 ${bad + 1} 条阅读记录缺少 policyId、version 或 at` };
  return { ok: true, acks: value as Acknowledgment[] };
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
