import Fuse from 'fuse.js';
import type { FuzzyTier, QuickHit } from './quick-search.ts';
import type { QuickEntry, QuickIndex } from './quick-types.ts';

/**
 * The palette's last tier: fuse.js where it is strong, typo-tolerant matching over short keys only
 * (the Chinese keys, their pinyin and initials), `ignoreLocation`, a strict threshold. The browser
 * loads it on demand; the earlier tiers answer first.
 */
export function createFuzzyTier(index: QuickIndex): FuzzyTier {
  const docs = index.entries.map((entry) => ({ entry, k: entry.keys, p: entry.py }));
  const fuse = new Fuse(docs, {
    keys: ['k', 'p'],
    ignoreLocation: true,
    includeScore: true,
    threshold: 0.34,
    minMatchCharLength: 2,
    shouldSort: true,
  });
  return (query: string, exclude: ReadonlySet<QuickEntry>, limit: number): QuickHit[] => {
    const q = query.replace(/\s+/g, '');
    if (q.length < 2 || q.length > 24) return [];
    return fuse
      .search(q, { limit: limit + exclude.size })
      .filter((r) => !exclude.has(r.item.entry))
      .slice(0, limit)
      .map((r) => ({ entry: r.item.entry, score: Math.round(40 + 40 * (1 - (r.score ?? 1))) }));
  };
}
