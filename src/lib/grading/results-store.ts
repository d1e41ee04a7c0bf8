import { parseJson } from '../json/parse-json.ts';
import { signedResultsFileSchema } from './results.ts';
import type { SignedResultsFile } from './results.ts';

/** Signed results a learner imported, kept as signed (verified again on every read), never as bare scores. */

export const SIGNED_RESULTS_STORAGE_KEY = 'kb.signedResults.v1';

export interface ParsedSignedResults {
  items: SignedResultsFile[];
  /** Every stored entry as it was (bad ones included), so a new file is appended without losing any. */
  entries: unknown[];
  /** Stored entries that are not signed results files: kept in storage untouched, reported, never used. */
  bad: number;
  /** Set when the stored text is not a JSON list at all (then nothing is written over it). */
  unreadable?: boolean;
}

/** Each stored file is checked on its own: one bad entry never hides the others. */
export function parseSignedResultsList(raw: string | null): ParsedSignedResults {
  if (raw === null || raw === '') return { items: [], entries: [], bad: 0 };
  const parsed = parseJson(raw);
  if (!parsed.ok || !Array.isArray(parsed.value)) return { items: [], entries: [], bad: 0, unreadable: true };
  const entries: unknown[] = parsed.value;
  const items: SignedResultsFile[] = [];
  let bad = 0;
  for (const entry of entries) {
    const checked = signedResultsFileSchema.safeParse(entry);
    if (checked.success) items.push(checked.data);
    else bad++;
  }
  return { items, entries, bad };
}
