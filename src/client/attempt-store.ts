import { ATTEMPTS_STORAGE_KEY, parseAttempts } from '../lib/progress/attempts.ts';
import type { Attempt } from '../lib/progress/attempts.ts';
import { learnerSchema } from '../lib/progress/schema.ts';
import type { Learner } from '../lib/progress/schema.ts';
import { loadList, saveList } from './local-store.ts';
import type { Loaded, Saved } from './local-store.ts';

export function loadAttempts(storage: Storage = localStorage): Loaded<Attempt> {
  return loadList(ATTEMPTS_STORAGE_KEY, parseAttempts, storage);
}

export function saveAttempt(attempt: Attempt, storage: Storage = localStorage): Saved {
  const loaded = loadAttempts(storage);
  if (loaded.locked) return { ok: false, reason: loaded.problem ?? '浏览器存储不可用' };
  return saveList(ATTEMPTS_STORAGE_KEY, [...loaded.items, attempt], storage);
}

const LEARNER_KEY = 'kb.learner.v1';

export function loadLearner(storage: Storage = localStorage): Learner | undefined {
  try {
    const parsed = learnerSchema.safeParse(JSON.parse(storage.getItem(LEARNER_KEY) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // An unreadable learner record just means asking again.
    return undefined;
  }
}

export function saveLearner(learner: Learner, storage: Storage = localStorage): Saved {
  try {
    storage.setItem(LEARNER_KEY, JSON.stringify(learner));
    return { ok: true };
  } catch {
    return { ok: false, reason: '浏览器存储不可用' };
  }
}
