// Quick-search benchmark: the real index padded with synthetic entries to 5,000, 200 mixed queries,
// our matcher next to a plain fuse.js over the same entries, measured in the same run.
import Fuse from 'fuse.js';
import { gzipSync } from 'node:zlib';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { buildQuickIndex, toPinyin } from '../../src/lib/search/quick-index.ts';
import { quickSourcesFromReport } from '../../src/lib/search/quick-sources.ts';
import { createQuickSearcher } from '../../src/lib/search/quick-search.ts';
import type { QuickEntry } from '../../src/lib/search/quick-types.ts';
import { placeholderValues } from '../../src/site.config.ts';
import { relevanceQueries } from '../../tests/fixtures/quick-queries.ts';

const TARGET_ENTRIES = 5000;
const QUERY_COUNT = 200;

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/** The baseline: fuse.js with default options over title, text, pinyin and initials. */
function plainFuse(entries: readonly QuickEntry[]) {
  return new Fuse(
    entries.map((e) => ({
      title: e.title,
      text: e.text,
      pinyin: e.py.join(' '),
      initials: e.ini.join(' '),
      url: e.url,
    })),
    { keys: ['title', 'text', 'pinyin', 'initials'] },
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchQuickSearch(print: (label: string, value: string, note?: string) => void) {
  const real = buildQuickIndex(quickSourcesFromReport(loadContent(), placeholderValues), 'bench');
  const realGzip = gzipSync(JSON.stringify(real)).length;
  const random = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const words = [...new Set(real.entries.flatMap((e) => e.keys))].filter((k) => k.length >= 2 && k.length <= 6);

  const entries: QuickEntry[] = [...real.entries];
  while (entries.length < TARGET_ENTRIES) {
    const title = `${pick(words)}${pick(words)}`.slice(0, 10);
    const keys = [title, pick(words), pick(words)];
    const pys = keys.map(toPinyin);
    entries.push({
      kind: pick(['script', 'phrase', 'section', 'step'] as const),
      title,
      text: `${pick(words)}，${pick(words)}，${pick(words)}。`,
      url: `/synthetic/${entries.length}/`,
      keys,
      py: pys.map((p) => p.py),
      ini: pys.map((p) => p.ini),
    });
  }
  const index = { version: 'bench', entries };

  // 200 mixed queries: the relevance set, then Chinese prefixes, pinyin, initials and misses.
  const queries = relevanceQueries.map((q) => q.query);
  while (queries.length < QUERY_COUNT) {
    const e = pick(real.entries);
    const kind = queries.length % 4;
    if (kind === 0) queries.push(e.keys[0]!.slice(0, 2 + Math.floor(random() * 3)));
    else if (kind === 1) queries.push(e.py[0]!.slice(0, 4 + Math.floor(random() * 6)));
    else if (kind === 2) queries.push(e.ini[0]!.slice(0, 2 + Math.floor(random() * 3)));
    else queries.push(pick(['挂断了怎么办', 'xyzq', '客户说要找媒体', '退款多久到账', '听不清楚声音']));
  }

  const ours = createQuickSearcher(index);
  const fuse = plainFuse(entries);

  const time = (fn: (q: string) => unknown) => {
    for (const q of queries.slice(0, 20)) fn(q); // warm-up
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        const t0 = performance.now();
        fn(q);
        samples.push(performance.now() - t0);
      }
    }
    return samples.sort((a, b) => a - b);
  };
  const oursMs = time((q) => ours.search(q, 8));
  const fuseMs = time((q) => fuse.search(q, { limit: 8 }));

  const hitRate = (top3: (q: string) => string[]) =>
    relevanceQueries.filter((q) => top3(q.query).some((url) => q.expect.some((e) => url.startsWith(e)))).length /
    relevanceQueries.length;
  const oursHit = hitRate((q) => ours.search(q, 3).map((h) => h.entry.url));
  const fuseHit = hitRate((q) => fuse.search(q, { limit: 3 }).map((r) => r.item.url));
  const oursReal = createQuickSearcher(real);
  const fuseReal = plainFuse(real.entries);
  const oursRealHit = hitRate((q) => oursReal.search(q, 3).map((h) => h.entry.url));
  const fuseRealHit = hitRate((q) => fuseReal.search(q, { limit: 3 }).map((r) => r.item.url));

  const ms = (n: number) => `${n.toFixed(3)} ms`;
  const p95 = percentile(oursMs, 95);
  const fuseP95 = percentile(fuseMs, 95);
  print('quick index: real entries', String(real.entries.length));
  print(
    'quick index: transferred (gzip)',
    `${(realGzip / 1024).toFixed(1)} KB`,
    `target < 60 KB ${realGzip < 60 * 1024 ? 'OK' : 'OVER'}`,
  );
  print('quick search: entries / queries', `${entries.length} / ${queries.length}`);
  print(
    'quick search (ours): p50 / p95',
    `${ms(percentile(oursMs, 50))} / ${ms(p95)}`,
    `target p95 <= 5 ms ${p95 <= 5 ? 'OK' : 'OVER'}`,
  );
  print('plain fuse.js: p50 / p95', `${ms(percentile(fuseMs, 50))} / ${ms(fuseP95)}`);
  print(
    'speed-up at p95 (fuse / ours)',
    `${(fuseP95 / p95).toFixed(1)}x`,
    `target >= 3x ${fuseP95 / p95 >= 3 ? 'OK' : 'SHORT'}`,
  );
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  print(
    `hit rate top 3, real index (${relevanceQueries.length} q)`,
    `${pct(oursRealHit)} / ${pct(fuseRealHit)}`,
    `ours / fuse.js ${oursRealHit >= fuseRealHit ? 'OK' : 'WORSE'}`,
  );
  print(
    `hit rate top 3, padded to ${entries.length}`,
    `${pct(oursHit)} / ${pct(fuseHit)}`,
    `ours / fuse.js ${oursHit >= fuseHit ? 'OK' : 'WORSE'}`,
  );
}
