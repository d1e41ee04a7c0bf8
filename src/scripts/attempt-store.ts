import { ATTEMPTS_STORAGE_KEY, parseAttempts } from '../lib/progress/attempts.ts';
import type { Attempt } from '../lib/progress/attempts.ts';
import { loadList, saveList } from './local-store.ts';
import type { Loaded, Parse, Saved } from './local-store.ts';

const parse: Parse<Attempt> = (raw) => {
  const p = parseAttempts(raw);
  return p.ok ? { ok: true, value: p.attempts } : p;
};

export function loadAttempts(storage: Storage = localStorage): Loaded<Attempt> {
  return loadList(ATTEMPTS_STORAGE_KEY, parse, storage);
}

export function saveAttempt(attempt: Attempt, storage: Storage = localStorage): Saved {
  const loaded = loadAttempts(storage);
  if (loaded.locked) return { ok: false, reason: loaded.problem ?? '浏览器存储不可用' };
  return saveList(ATTEMPTS_STORAGE_KEY, [...loaded.items, attempt], storage);
}

const LEARNER_KEY = 'kb.learner.v1';

export function loadLearner(storage: Storage = localStorage): { employeeId: string; name: string } | undefined {
  try {
    const v = JSON.parse(storage.getItem(LEARNER_KEY) ?? 'null') as { employeeId?: unknown; name?: unknown } | null;
    if (v && typeof v.employeeId === 'string' && typeof v.name === 'string')
      return { employeeId: v.employeeId, name: v.name };
  } catch {
    // An unreadable learner record just means asking again.
  }
  return undefined;
}

export function saveLearner(learner: { employeeId: string; name: string }, storage: Storage = localStorage): Saved {
  try {
    storage.setItem(LEARNER_KEY, JSON.stringify(learner));
    return { ok: true };
  } catch {
    return { ok: false, reason: '浏览器存储不可用' };
  }
}
