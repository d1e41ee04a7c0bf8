import type { ExamSession } from '../lib/quiz/session.ts';

/** The unfinished exam session of one exam, so a reload resumes it (parsed by lib/quiz/session.ts). */
const key = (examId: string) => `kb.exam-session.${examId}`;

export function readSession(examId: string): string | null {
  try {
    return localStorage.getItem(key(examId));
  } catch {
    return null;
  }
}

export function writeSession(examId: string, session: ExamSession): void {
  try {
    localStorage.setItem(key(examId), JSON.stringify(session));
  } catch {
    // Resuming after a reload is a convenience; the attempt itself is saved on submit.
  }
}

export function clearSession(examId: string): void {
  try {
    localStorage.removeItem(key(examId));
  } catch {
    // Nothing to clear.
  }
}
