import { gradingText as say } from '../../i18n/strings/grading-reasons.ts';

/**
 * Employee ids as people type them: full-width letters, zero-width characters and stray spaces make
 * "E1001", "Ｅ1001", "E1001\u200b" and "E1001 " look like four people. They are one.
 */

const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/gu;

/** NFKC (full-width → ASCII), invisible characters removed, trimmed. */
export function normaliseEmployeeId(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').trim();
}

/** What normalising changed, in words a trainer reads; empty when the id was already clean. */
export function idChanges(raw: string): string[] {
  const out: string[] = [];
  if (raw.normalize('NFKC') !== raw) out.push(say('idChange.width'));
  if (new RegExp(INVISIBLE.source, 'u').test(raw)) out.push(say('idChange.invisible'));
  if (raw.replace(INVISIBLE, '') !== raw.replace(INVISIBLE, '').trim()) out.push(say('idChange.space'));
  return out;
}

const CONFUSABLE: Record<string, string> = { O: '0', I: '1', L: '1', Z: '2', S: '5', B: '8' };

/** Ids that differ only by case or by characters people mistake for each other share a skeleton. */
export function idSkeleton(id: string): string {
  return normaliseEmployeeId(id)
    .toUpperCase()
    .replace(/[OILZSB]/g, (c) => CONFUSABLE[c] ?? c)
    .replace(/[\s\-_.]/g, '');
}

/** Groups of distinct normalised ids that look alike (same skeleton); each group sorted. */
export function lookAlikeGroups(ids: Iterable<string>): string[][] {
  const bySkeleton = new Map<string, Set<string>>();
  for (const id of ids) {
    const k = idSkeleton(id);
    const set = bySkeleton.get(k) ?? new Set<string>();
    set.add(id);
    bySkeleton.set(k, set);
  }
  return [...bySkeleton.values()].filter((s) => s.size > 1).map((s) => [...s].sort());
}
