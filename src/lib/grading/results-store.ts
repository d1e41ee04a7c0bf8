import { signedResultsFileSchema } from './results.ts';
import type { SignedResultsFile } from './results.ts';

/** Signed results a learner imported, kept as signed (verified again on every read), never as bare scores. */

export const SIGNED_RESULTS_STORAGE_KEY = 'kb.signedResults.v1';

export interface ParsedSignedResults {
  items: SignedResultsFile[];
  /** Stored entries that are not signed results files: kept in storage untouched, reported, never used. */
  bad: number;
  /** Set when the stored text is not a JSON list at all (then nothing is written over it). */
  unreadable?: boolean;
}

/** Each stored file is checked on its own: one bad entry never hides the others. */
export function parseSignedResultsList(raw: string | null): ParsedSignedResults {
  if (raw === null || raw === '') return { items: [], bad: 0 };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { items: [], bad: 0, unreadable: true };
  }
  if (!Array.isArray(value)) return { items: [], bad: 0, unreadable: true };
  const items: SignedResultsFile[] = [];
  let bad = 0;
  for (const entry of value) {
    const parsed = signedResultsFileSchema.safeParse(entry);
    if (parsed.success) items.push(parsed.data);
    else bad++;
  }
  return { items, bad };
}
