import type { PhraseData } from '../content/schema.ts';

/** Severe phrases first, then by phrase in pinyin order. */
export function sortPhrases<T extends { id: string; data: PhraseData }>(phrases: readonly T[]): T[] {
  const rank = { high: 0, medium: 1 } as const;
  return [...phrases].sort(
    (a, b) => rank[a.data.severity] - rank[b.data.severity] || a.data.phrase.localeCompare(b.data.phrase, 'zh-CN'),
  );
}
