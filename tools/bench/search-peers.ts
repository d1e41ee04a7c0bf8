// The search libraries a developer would pick, each tuned fairly for this index: the same entries
// (Chinese keys, full pinyin, initials, title, body), each given what it needs for Chinese text.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { Charset, Index } from 'flexsearch';
import uFuzzy from '@leeoniya/ufuzzy';
import type { QuickEntry } from '../../src/lib/search/quick-types.ts';

/** A library under test: the URLs of its best results for a query. */
export interface Peer {
  name: string;
  search(query: string, limit: number): string[];
}

const HAN = /\p{Script=Han}/u;

/** Latin words as they are; Chinese as single characters and pairs (no word segmenter ships with them). */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const run of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []) {
    if (!HAN.test(run)) {
      out.push(run);
      continue;
    }
    const chars = [...run];
    chars.forEach((c, i) => {
      out.push(c);
      if (i + 1 < chars.length) out.push(c + chars[i + 1]);
    });
  }
  return out;
}

function doc(e: QuickEntry) {
  return {
    title: e.title,
    keys: e.keys.join(' '),
    py: e.py.join(' '),
    ini: e.ini.join(' '),
    body: (e.body ?? '').replace(/\|/g, ' '),
  };
}

export function miniSearchPeer(entries: readonly QuickEntry[]): Peer {
  const ms = new MiniSearch({
    fields: ['title', 'keys', 'py', 'ini', 'body'],
    storeFields: [],
    tokenize: tokens,
    searchOptions: {
      boost: { keys: 3, title: 2, py: 2, ini: 2 },
      prefix: true,
      // Edit distance only for Latin words of 4+ letters: on Chinese pairs it matches everything and is slow.
      fuzzy: (term) => (/^[a-z]{4,}$/.test(term) ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  ms.addAll(entries.map((e, id) => ({ id, ...doc(e) })));
  return {
    name: 'MiniSearch',
    search(query, limit) {
      let hits = ms.search(query);
      if (hits.length === 0) hits = ms.search(query, { combineWith: 'OR' });
      return hits.slice(0, limit).map((h) => entries[h.id as number]!.url);
    },
  };
}

export function flexSearchPeer(entries: readonly QuickEntry[]): Peer {
  const index = new Index({ tokenize: 'forward', encoder: Charset.CJK, resolution: 9 });
  entries.forEach((e, id) => {
    const d = doc(e);
    index.add(id, tokens(`${d.keys} ${d.py} ${d.ini} ${d.title} ${d.body}`).join(' '));
  });
  return {
    name: 'FlexSearch',
    search(query, limit) {
      const ids = index.search(tokens(query).join(' '), { limit, suggest: true }) as number[];
      return ids.map((id) => entries[id]!.url);
    },
  };
}

export function uFuzzyPeer(entries: readonly QuickEntry[]): Peer {
  const uf = new uFuzzy({
    unicode: true,
    interSplit: "[^\\p{L}\\d']+",
    intraSplit: '\\p{Ll}\\p{Lu}',
    intraBound: '\\p{L}\\d|\\d\\p{L}|\\p{Ll}\\p{Lu}',
    intraChars: "[\\p{L}\\d']",
    intraContr: "'\\p{L}{1,2}\\b",
    intraMode: 1,
  });
  // Short keys first, so uFuzzy's ranking (by match position and tightness) favours them.
  const haystack = entries.map((e) => `${e.keys.join(' ')} ${e.py.join(' ')} ${e.ini.join(' ')} ${e.title}`);
  return {
    name: 'uFuzzy',
    search(query, limit) {
      const [idxs, info, order] = uf.search(haystack, query, 0, 1000);
      if (!idxs) return [];
      const ranked = info && order ? order.map((o) => info.idx[o]!) : idxs;
      return ranked.slice(0, limit).map((i) => entries[i]!.url);
    },
  };
}

/** fuse.js tuned the way its docs advise for this job: short keys, ignoreLocation, weights. */
export function tunedFusePeer(entries: readonly QuickEntry[]): Peer {
  const fuse = new Fuse(
    entries.map((e) => ({ url: e.url, k: e.keys, p: e.py, i: e.ini, t: e.title })),
    {
      keys: [
        { name: 'k', weight: 3 },
        { name: 'p', weight: 2 },
        { name: 'i', weight: 2 },
        { name: 't', weight: 1 },
      ],
      ignoreLocation: true,
      threshold: 0.34,
      minMatchCharLength: 1,
    },
  );
  return {
    name: 'fuse.js (tuned)',
    search(query, limit) {
      return fuse.search(query, { limit }).map((r) => r.item.url);
    },
  };
}
