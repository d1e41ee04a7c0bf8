import { SIGNED_RESULTS_STORAGE_KEY, addSignedResults, parseSignedResultsList } from '../lib/grading/results-store.ts';
import { verifyResultsText } from '../lib/grading/results.ts';
import type { ResultsPayload, SignedResultsFile } from '../lib/grading/results.ts';
import type { PublicKeyRecord } from '../lib/grading/kit.ts';
import { loadList, saveList } from './local-store.ts';
import type { Loaded, Saved } from './local-store.ts';

/** Signed results the learner imported, under their own key; verified again whenever they are read. */

export function loadSignedResults(): Loaded<SignedResultsFile> {
  return loadList(SIGNED_RESULTS_STORAGE_KEY, parseSignedResultsList);
}

export function storeSignedResults(file: SignedResultsFile): Saved {
  const current = loadSignedResults();
  if (current.locked) return { ok: false, reason: current.problem ?? '' };
  return saveList(SIGNED_RESULTS_STORAGE_KEY, addSignedResults(current.items, file));
}

/** Every stored file that still verifies with the site's keys, newest issue last; failures counted. */
export async function verifiedResults(
  keys: readonly PublicKeyRecord[],
): Promise<{ payloads: ResultsPayload[]; failed: string[]; problem?: string }> {
  const loaded = loadSignedResults();
  const payloads: ResultsPayload[] = [];
  const failed: string[] = [];
  for (const file of loaded.items) {
    const v = await verifyResultsText(JSON.stringify(file), keys);
    if (v.ok) payloads.push(v.value);
    else failed.push(v.reason);
  }
  payloads.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  return { payloads, failed, ...(loaded.problem ? { problem: loaded.problem } : {}) };
}
