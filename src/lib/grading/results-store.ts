import * as z from 'zod/mini';
import { parseStoredList } from '../progress/schema.ts';
import type { ParsedList } from '../progress/schema.ts';
import { signedResultsFileSchema } from './results.ts';
import type { SignedResultsFile } from './results.ts';

/** Signed results a learner imported, kept as signed (verified again on every read), never as bare scores. */

export const SIGNED_RESULTS_STORAGE_KEY = 'kb.signedResults.v1';

const listSchema = z.array(signedResultsFileSchema);

export function parseSignedResultsList(raw: string | null): ParsedList<SignedResultsFile> {
  return parseStoredList(raw, listSchema, '签名成绩');
}

/** Adds a file once (same signature ⇒ same file); the newest issue of a learner's results comes last. */
export function addSignedResults(list: readonly SignedResultsFile[], file: SignedResultsFile): SignedResultsFile[] {
  if (list.some((f) => f.signature === file.signature)) return [...list];
  return [...list, file];
}
