import { isAcknowledged } from '../lib/progress/acknowledgments.ts';
import type { Acknowledgment } from '../lib/progress/acknowledgments.ts';
import { encodeRecord, recordKey } from '../lib/progress/record-store.ts';
import { centerIso } from '../lib/time/center-time.ts';
import { applyPlan, asideProblem, readAll } from './local-store.ts';

export interface AckLoad {
  acks: Acknowledgment[];
  problem?: string | undefined;
}

export function loadAcks(storage: Storage = localStorage): AckLoad {
  const read = readAll(storage);
  return { acks: read.acks, problem: asideProblem(read, 'ack') };
}

/** Saves an acknowledgment under its own key; false when storage refuses (quota, private mode). */
export function saveAck(policyId: string, version: string, storage: Storage = localStorage): boolean {
  if (isAcknowledged(loadAcks(storage).acks, policyId, version)) return true;
  const ack: Acknowledgment = { policyId, version, at: centerIso(new Date()) };
  return applyPlan({ set: [[recordKey('ack', ack), encodeRecord(ack)]], remove: [] }, storage).ok;
}
