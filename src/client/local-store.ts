import { storage as storageStrings } from '../i18n/strings/storage.ts';
import { isProgressKey, planLegacyMigration, readProgress } from '../lib/progress/record-store.ts';
import type { Entry, ProgressRead, RecordKind, WritePlan } from '../lib/progress/record-store.ts';

/**
 * Progress in localStorage, one key per record (see lib/progress/record-store.ts): reading never
 * writes, a bad record is set aside alone, and a write plan is applied all or nothing.
 */

export type Saved = { ok: true } | { ok: false; reason: string };

/** Kept for callers of the first-release API (the exam runner). */
export interface Loaded<T> {
  items: T[];
  /** Set when something could not be read; says what was set aside. */
  problem?: string;
  /** True when storage cannot be used at all. */
  locked?: boolean;
}

export const UNAVAILABLE = storageStrings['storage.unavailable'];
export const QUOTA = storageStrings['storage.quota'];

/** Every progress key and its text, as stored right now. */
export function snapshot(storage: Storage = localStorage): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && isProgressKey(key)) out.push({ key, raw: storage.getItem(key) ?? '' });
  }
  return out;
}

export type Read = ProgressRead & { unavailable?: string };

export function readAll(storage: Storage = localStorage): Read {
  try {
    return readProgress(snapshot(storage));
  } catch {
    return { attempts: [], acks: [], practice: [], aside: [], legacy: [], unavailable: UNAVAILABLE };
  }
}

function failure(e: unknown): string {
  const quota = e instanceof DOMException && e.name === 'QuotaExceededError';
  return quota ? QUOTA : UNAVAILABLE;
}

/**
 * Applies a plan all or nothing: on the first refused write every key already written goes back to
 * what it held, so a full quota leaves storage exactly as it was.
 */
export function applyPlan(plan: WritePlan, storage: Storage = localStorage): Saved {
  const undo: [string, string | null][] = [];
  try {
    for (const [key, value] of plan.set) {
      undo.push([key, storage.getItem(key)]);
      storage.setItem(key, value);
    }
  } catch (e) {
    for (const [key, old] of undo.reverse()) {
      try {
        if (old === null) storage.removeItem(key);
        else storage.setItem(key, old);
      } catch {
        // Putting back a value that was there a moment ago fits; nothing else to try.
      }
    }
    return { ok: false, reason: failure(e) };
  }
  for (const key of plan.remove) {
    try {
      storage.removeItem(key);
    } catch {
      // A key that cannot be removed is read again next time; nothing is lost.
    }
  }
  return { ok: true };
}

/** Runs a read-then-write action while no other tab of this site runs one (Web Locks where present). */
export async function withProgressLock<T>(action: () => T): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return action();
  return locks.request('kb-progress', () => action());
}

/** Moves first-release lists to one key per record; left as they are if storage refuses. */
export function migrateLegacy(storage: Storage = localStorage): Saved {
  try {
    const plan = planLegacyMigration(snapshot(storage));
    if (plan.set.length === 0 && plan.remove.length === 0) return { ok: true };
    return applyPlan(plan, storage);
  } catch (e) {
    return { ok: false, reason: failure(e) };
  }
}

/** Calls back when another tab changes progress (the `storage` event); returns the unsubscribe. */
export function onProgressChange(callback: () => void): () => void {
  // An import in another tab writes many keys at once: render once per frame, not once per key.
  let pending = false;
  const listener = (e: StorageEvent) => {
    if (pending || (e.key !== null && !isProgressKey(e.key))) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      callback();
    });
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

/** What could not be read of one kind of record, for a page that only shows that kind. */
export function asideProblem(read: Read, kind: RecordKind): string | undefined {
  if (read.unavailable) return read.unavailable;
  const reasons = read.aside.filter((a) => a.kind === kind).map((a) => a.reason);
  return reasons.length ? reasons.join('；') : undefined;
}
