/**
 * The new hire's study path: which practice topic teaches which policy (from question refs), and the
 * checklist of policies read and topics practised.
 */

export interface BankRefs {
  topic: string;
  title: string;
  questions: readonly { ref: string; pool?: 'practice' | 'exam' | undefined }[];
}

export interface TopicLink {
  topic: string;
  title: string;
  /** Practice questions of the topic that refer to the policy. */
  questions: number;
}

/**
 * Practice topics for each policy: banks whose practice-pool questions cite it, the topic citing it
 * most first. A policy no practice question cites has no entry.
 */
export function practiceTopicsByPolicy(banks: readonly BankRefs[]): Map<string, TopicLink[]> {
  const out = new Map<string, TopicLink[]>();
  for (const bank of banks) {
    const counts = new Map<string, number>();
    for (const q of bank.questions) {
      if (q.pool === 'exam') continue;
      const policyId = q.ref.split('#')[0] ?? '';
      if (policyId) counts.set(policyId, (counts.get(policyId) ?? 0) + 1);
    }
    for (const [policyId, questions] of counts) {
      const list = out.get(policyId) ?? [];
      list.push({ topic: bank.topic, title: bank.title, questions });
      out.set(policyId, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.questions - a.questions || a.topic.localeCompare(b.topic));
  return out;
}

export interface ChecklistItem {
  id: string;
  done: boolean;
}

export interface StudyProgress {
  policies: ChecklistItem[];
  topics: ChecklistItem[];
  done: number;
  total: number;
}

/** Ticks the checklist: a policy is read when its current version is acknowledged; a topic when practised. */
export function studyProgress(
  policies: readonly { id: string; version: string }[],
  topics: readonly string[],
  acknowledged: (policyId: string, version: string) => boolean,
  practised: ReadonlySet<string>,
): StudyProgress {
  const p = policies.map((x) => ({ id: x.id, done: acknowledged(x.id, x.version) }));
  const t = topics.map((id) => ({ id, done: practised.has(id) }));
  const all = [...p, ...t];
  return { policies: p, topics: t, done: all.filter((x) => x.done).length, total: all.length };
}
