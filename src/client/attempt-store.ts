import type { Attempt } from '../lib/progress/attempts.ts';
import { jsonOrUndefined } from '../lib/json/parse-json.ts';
import { checkRecord, encodeRecord, recordKey } from '../lib/progress/record-store.ts';
import { learnerSchema } from '../lib/progress/schema.ts';
import type { Learner } from '../lib/progress/schema.ts';
import { UNAVAILABLE, applyPlan, asideProblem, readAll } from './local-store.ts';
import type { Loaded, Saved } from './local-store.ts';

export function loadAttempts(storage: Storage = localStorage): Loaded<Attempt> {
  const read = readAll(storage);
  const problem = asideProblem(read, 'attempt');
  return { items: read.attempts, ...(problem ? { problem } : {}), ...(read.unavailable ? { locked: true } : {}) };
}

/**
 * Saves one attempt under its own key (kb.attempt.<id>): validated alone, never rewriting other
 * records, so another tab's writes are never lost and saving the same attempt twice keeps one.
 */
export function saveAttempt(attempt: Attempt, storage: Storage = localStorage): Saved {
  const checked = checkRecord('attempt', attempt);
  if (!checked.ok) return checked;
  return applyPlan({ set: [[recordKey('attempt', checked.value), encodeRecord(checked.value)]], remove: [] }, storage);
}

const LEARNER_KEY = 'kb.learner.v1';

export function loadLearner(storage: Storage = localStorage): Learner | undefined {
  let text: string | null;
  try {
    text = storage.getItem(LEARNER_KEY);
  } catch {
    return undefined; // storage disabled: ask again
  }
  // An unreadable learner record just means asking again.
  const parsed = learnerSchema.safeParse(jsonOrUndefined(text));
  return parsed.success ? parsed.data : undefined;
}

export function saveLearner(learner: Learner, storage: Storage = localStorage): Saved {
  try {
    storage.setItem(LEARNER_KEY, JSON.stringify(learner));
    return { ok: true };
  } catch {
    return { ok: false, reason: UNAVAILABLE };
  }
}
