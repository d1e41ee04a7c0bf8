import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { buildQuickIndex } from '../../src/lib/search/quick-index.ts';
import { quickSourcesFromReport } from '../../src/lib/search/quick-sources.ts';
import { createQuickSearcher } from '../../src/lib/search/quick-search.ts';
import { placeholderValues } from '../../src/site.config.ts';
import { relevanceQueries } from '../fixtures/quick-queries.ts';

const index = buildQuickIndex(quickSourcesFromReport(loadContent(), placeholderValues), 'test');
const searcher = createQuickSearcher(index);

describe('quick search relevance on the real content', () => {
  it('holds at least 40 realistic agent queries', () => {
    expect(relevanceQueries.length).toBeGreaterThanOrEqual(40);
  });

  it('puts the expected result in the top 3 for at least 90% of queries', () => {
    const misses: string[] = [];
    for (const { query, expect: expected } of relevanceQueries) {
      const top = searcher.search(query, 3).map((h) => h.entry.url);
      if (!top.some((url) => expected.some((e) => url.startsWith(e)))) {
        misses.push(`${query} → got [${top.join(', ')}], want ${expected.join(' | ')}`);
      }
    }
    const rate = 1 - misses.length / relevanceQueries.length;
    console.log(`quick search hit rate (top 3): ${(rate * 100).toFixed(1)}% of ${relevanceQueries.length} queries`);
    if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
