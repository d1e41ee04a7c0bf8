import { ACK_STORAGE_KEY, acknowledge, parseAcknowledgments } from '../lib/progress/acknowledgments.ts';
import type { Acknowledgment } from '../lib/progress/acknowledgments.ts';
import { loadList, saveList } from './local-store.ts';
import type { Parse } from './local-store.ts';

const parse: Parse<Acknowledgment> = (raw) => {
  const p = parseAcknowledgments(raw);
  return p.ok ? { ok: true, value: p.acks } : p;
};

export interface AckLoad {
  acks: Acknowledgment[];
  problem?: string | undefined;
}

export function loadAcks(storage: Storage = localStorage): AckLoad {
  const loaded = loadList(ACK_STORAGE_KEY, parse, storage);
  return { acks: loaded.items, problem: loaded.problem };
}

/** Saves an acknowledgment; false when storage refuses (quota, private mode, unreadable original). */
export function saveAck(policyId: string, version: string, storage: Storage = localStorage): boolean {
  const loaded = loadList(ACK_STORAGE_KEY, parse, storage);
  if (loaded.locked) return false;
  return saveList(ACK_STORAGE_KEY, acknowledge(loaded.items, policyId, version, new Date()), storage).ok;
}
