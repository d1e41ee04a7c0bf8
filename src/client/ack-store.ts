import { ACK_STORAGE_KEY, acknowledge, parseAcknowledgments } from '../lib/progress/acknowledgments.ts';
import type { Acknowledgment } from '../lib/progress/acknowledgments.ts';
import { loadList, saveList } from './local-store.ts';

export interface AckLoad {
  acks: Acknowledgment[];
  problem?: string | undefined;
}

export function loadAcks(storage: Storage = localStorage): AckLoad {
  const loaded = loadList(ACK_STORAGE_KEY, parseAcknowledgments, storage);
  return { acks: loaded.items, problem: loaded.problem };
}

/** Saves an acknowledgment; false when storage refuses (quota, private mode, unreadable original). */
export function saveAck(policyId: string, version: string, storage: Storage = localStorage): boolean {
  const loaded = loadList(ACK_STORAGE_KEY, parseAcknowledgments, storage);
  if (loaded.locked) return false;
  return saveList(ACK_STORAGE_KEY, acknowledge(loaded.items, policyId, version, new Date()), storage).ok;
}
