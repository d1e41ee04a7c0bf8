/**
 * One running exam per browser: the tab that starts or resumes an exam holds a Web Lock named after
 * it until the attempt ends (or the tab closes). A second tab cannot take the lock and is told so.
 */
export interface ExamLock {
  release(): void;
}

export async function acquireExamLock(examId: string): Promise<ExamLock | undefined> {
  if (!('locks' in navigator)) return { release: () => undefined };
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  return new Promise((resolve) => {
    void navigator.locks.request(`kb.exam.${examId}`, { ifAvailable: true }, async (lock) => {
      if (!lock) {
        resolve(undefined);
        return;
      }
      resolve({ release });
      await held;
    });
  });
}
