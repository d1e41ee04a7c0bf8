import type { KitExam, KitIndex, KitQuestion, TrainerKit } from './kit.ts';

/**
 * Several trainer kits loaded at once: the current build's and earlier ones (an exam edited mid-window
 * gets a new version; attempts on the old version are graded against the kit that has it). Kits are kept
 * newest first; the same build dropped twice is one kit.
 */

/** The kits with `kit` added (a kit built at the same time replaces its copy), newest first. */
export function addKit(kits: readonly KitIndex[], kit: KitIndex): KitIndex[] {
  return [...kits.filter((k) => k.kit.builtAt !== kit.kit.builtAt), kit].sort((a, b) =>
    b.kit.builtAt.localeCompare(a.kit.builtAt),
  );
}

/**
 * The kit to grade an attempt against: the newest that has its exam at its version; else the newest that
 * has the exam at all (grading then says the version differs); else the newest kit.
 */
export function kitFor(kits: readonly KitIndex[], examId: string, examVersion: string): KitIndex | undefined {
  return (
    kits.find((k) => k.exams.get(examId)?.version === examVersion) ?? kits.find((k) => k.exams.has(examId)) ?? kits[0]
  );
}

/** Exam versions across the kits, newest kit first: `${id} ${version}` each once. */
export function examVersions(kits: readonly KitIndex[]): KitExam[] {
  const seen = new Map<string, KitExam>();
  for (const k of kits)
    for (const e of k.exams.values()) if (!seen.has(`${e.id} ${e.version}`)) seen.set(`${e.id} ${e.version}`, e);
  return [...seen.values()];
}

/** A question as the newest kit that has it words it (for labels in views). */
export function newestQuestion(kits: readonly KitIndex[], id: string): KitQuestion | undefined {
  for (const k of kits) {
    const q = k.questions.get(id);
    if (q) return q;
  }
  return undefined;
}

/** The signing key to sign with: the newest kit's that carries one. */
export function signingKitKey(kits: readonly KitIndex[]) {
  return kits.find((k) => k.kit.signingKey)?.kit.signingKey;
}

/**
 * Exam versions an earlier kit grades that a new build's kit does not (`${id} ${version}`): when there are
 * any, the build keeps the earlier kit, since attempts on those versions can be graded with it alone.
 */
export function versionsOnlyIn(earlier: Pick<TrainerKit, 'exams'>, next: Pick<TrainerKit, 'exams'>): string[] {
  const kept = new Set(next.exams.map((e) => `${e.id} ${e.version}`));
  return earlier.exams.map((e) => `${e.id} ${e.version}`).filter((v) => !kept.has(v));
}
