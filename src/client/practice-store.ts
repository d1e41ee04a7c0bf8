import { addPracticeRound } from '../lib/progress/practice.ts';
import type { PracticeRecord } from '../lib/progress/practice.ts';
import { encodeRecord, recordKey } from '../lib/progress/record-store.ts';
import { centerIso } from '../lib/time/center-time.ts';
import { applyPlan, readAll } from './local-store.ts';
import type { Saved } from './local-store.ts';

/**
 * Practice completions on this device (kb.practice.<topic>), read by the home page's study checklist.
 * The exam runner calls recordPractice(topic, right, total) when a practice round is finished.
 */
export function recordPractice(topic: string, right: number, total: number, storage: Storage = localStorage): Saved {
  const previous = readAll(storage).practice.find((p) => p.topic === topic);
  const record = addPracticeRound(previous, topic, right, total, centerIso(new Date()));
  return applyPlan({ set: [[recordKey('practice', record), encodeRecord(record)]], remove: [] }, storage);
}

/** Topics with at least one finished practice round here. */
export function practisedTopics(storage: Storage = localStorage): Set<string> {
  return new Set(readAll(storage).practice.map((p) => p.topic));
}

/** Every topic's latest practice round, for the retake rule (seed 004: practise what was failed first). */
export function loadPractice(storage: Storage = localStorage): PracticeRecord[] {
  return readAll(storage).practice;
}
