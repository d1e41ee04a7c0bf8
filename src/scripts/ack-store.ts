import { ACK_STORAGE_KEY, acknowledge, parseAcknowledgments } from '../lib/progress/acknowledgments.ts';
import type { Acknowledgment } from '../lib/progress/acknowledgments.ts';

export interface AckLoad {
  acks: Acknowledgment[];
  /** Set when the stored list was unreadable and has been copied aside. */
  problem?: string;
}

/** Loads acknowledgments; an unreadable store is copied aside under another key, never overwritten. */
export function loadAcks(storage: Storage = localStorage): AckLoad {
  let raw: string | null;
  try {
    raw = storage.getItem(ACK_STORAGE_KEY);
  } catch {
    return { acks: [], problem: '浏览器存储不可用' };
  }
  const parsed = parseAcknowledgments(raw);
  if (parsed.ok) return { acks: parsed.acks };
  const asideKey = `${ACK_STORAGE_KEY}.corrupt.${Date.now()}`;
  try {
    storage.setItem(asideKey, raw ?? '');
    storage.removeItem(ACK_STORAGE_KEY);
  } catch {
    return { acks: [], problem: `${parsed.reason}；且无法备份，原记录保持不动` };
  }
  return { acks: [], problem: `${parsed.reason}，原记录已另存为 ${asideKey}` };
}

/** Saves an acknowledgment; returns false when storage refuses (quota, private mode). */
export function saveAck(policyId: string, version: string, storage: Storage = localStorage): boolean {
  const { acks, problem } = loadAcks(storage);
  if (problem && problem.includes('原记录保持不动')) return false;
  try {
    storage.setItem(ACK_STORAGE_KEY, JSON.stringify(acknowledge(acks, policyId, version, new Date())));
    return true;
  } catch {
    return false;
  }
}
