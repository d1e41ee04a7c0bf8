import type { PracticeRecord } from '../lib/quiz/retake.ts';

/** Finished practice runs on this device: a failed certification's retake waits for them (seed 004). */
const KEY = 'kb.practice.v1';

export function loadPractice(storage: Storage = localStorage): PracticeRecord[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter(
      (r): r is PracticeRecord =>
        typeof r === 'object' && r !== null && typeof r.topic === 'string' && typeof r.at === 'string',
    );
  } catch {
    // Unreadable practice records only mean the retake asks for the practice again.
    return [];
  }
}

export function recordPractice(topic: string, at: Date, storage: Storage = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify([...loadPractice(storage), { topic, at: at.toISOString() }].slice(-200)));
  } catch {
    // A full store only means the retake asks for the practice again.
  }
}
