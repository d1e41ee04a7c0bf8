import { storage as storageStrings } from '../i18n/strings/storage.ts';
import { SIGNED_RESULTS_STORAGE_KEY, parseSignedResultsList } from '../lib/grading/results-store.ts';
import { verifyResultsText } from '../lib/grading/results.ts';
import type { ResultsPayload, SignedResultsFile } from '../lib/grading/results.ts';
import type { PublicKeyRecord } from '../lib/grading/key-records.ts';
import { QUOTA, UNAVAILABLE } from './local-store.ts';
import type { Loaded, Saved } from './local-store.ts';

/** Signed results the learner imported, under their own key; verified again whenever they are read. */

/** Dispatched on document after a signed results file is stored, so 我的进度 applies it at once. */
export const SIGNED_RESULTS_STORED = 'signed-results-stored';

export function loadSignedResults(storage: Storage = localStorage): Loaded<SignedResultsFile> & { raw?: unknown[] } {
  let text: string | null;
  try {
    text = storage.getItem(SIGNED_RESULTS_STORAGE_KEY);
  } catch {
    return { items: [], locked: true, problem: UNAVAILABLE };
  }
  const parsed = parseSignedResultsList(text);
  // An unreadable list is never written over: the learner's earlier results stay where they are.
  if (parsed.unreadable) return { items: [], locked: true, problem: SIGNED_UNREADABLE };
  return { items: parsed.items, raw: parsed.entries, ...(parsed.bad ? { problem: SIGNED_BAD } : {}) };
}

export function storeSignedResults(file: SignedResultsFile, storage: Storage = localStorage): Saved {
  const current = loadSignedResults(storage);
  if (current.locked) return { ok: false, reason: current.problem ?? UNAVAILABLE };
  if (current.items.some((f) => f.signature === file.signature)) return { ok: true };
  try {
    // Entries that did not parse are kept as they were; the new file is appended.
    storage.setItem(SIGNED_RESULTS_STORAGE_KEY, JSON.stringify([...(current.raw ?? []), file]));
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: e instanceof DOMException && e.name === 'QuotaExceededError' ? QUOTA : UNAVAILABLE };
  }
}

const SIGNED_UNREADABLE = storageStrings['signed.unreadable'];
const SIGNED_BAD = storageStrings['signed.bad'];

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
