import { describe, expect, it } from 'vitest';
import { loadQuickIndex } from '../../src/lib/search/load-quick-index.ts';
import { createQuickSearcher } from '../../src/lib/search/quick-search.ts';
import { placeholderValues } from '../../src/site.config.ts';
import { relevanceQueries } from '../fixtures/quick-queries.ts';

const index = loadQuickIndex(placeholderValues, '.', 'test');
const searcher = createQuickSearcher(index);
const wins = (url: string | undefined, expected: string[]) =>
  url !== undefined && expected.some((e) => url.startsWith(e));

describe('quick search relevance on the real content', () => {
  it('puts the expected entry first for at least 85% and in the top 3 for at least 97%', () => {
    const misses: string[] = [];
    let first = 0;
    let top3 = 0;
    for (const { query, expect: expected } of relevanceQueries) {
      const top = searcher.search(query, 3).map((h) => h.entry.url);
      if (wins(top[0], expected)) first++;
      if (top.some((url) => wins(url, expected))) top3++;
      else misses.push(`${query} → got [${top.join(', ')}], want ${expected.join(' | ')}`);
    }
    const n = relevanceQueries.length;
    console.log(`hit@1 ${((first / n) * 100).toFixed(1)}%, hit@3 ${((top3 / n) * 100).toFixed(1)}% of ${n} queries`);
    if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(first / n).toBeGreaterThanOrEqual(0.85);
    expect(top3 / n).toBeGreaterThanOrEqual(0.97);
  });

  it('fixes the failures reported in issue 15', () => {
    const top = (q: string, n: number) => searcher.search(q, n).map((h) => h.entry);
    expect(top('客户在骂我', 1)[0]?.url).toBe('/scripts/upset-customer/');
    for (const q of ['喂', '大喊大叫', 'hold', 'cxm', 'jtl']) expect(top(q, 3).length, q).toBeGreaterThan(0);
    for (const q of ['经理', '主管', '班长']) {
      expect(
        top(q, 3).some((e) => e.kind === 'script'),
        q,
      ).toBe(true);
    }
  });
});
