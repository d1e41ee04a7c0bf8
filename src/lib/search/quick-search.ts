import type { QuickEntry, QuickIndex, QuickKind } from './quick-types.ts';
import { queryIntent } from './intent.ts';
import type { Intent } from './intent.ts';
import { nearPrefix, oneCharOff } from './typo.ts';

/**
 * The palette's matcher, in tiers: exact → prefix → substring over short precomputed keys (Chinese,
 * full pinyin, initials), then body words and the initials of any clause, then the query with its
 * filler words removed (客户在骂我 → 骂), then a shared-character fallback, and last an optional
 * typo-tolerant tier (fuse.js over the short keys, see fuzzy-tier.ts) when the rest found too little.
 * Intent decides between kinds: a how-to-say query puts scripts and phrases above policy sections.
 * Runs in the browser on every keystroke, so it does one cheap reject test per entry before scoring.
 */

interface Prepared {
  entry: QuickEntry;
  keys: string[];
  py: string[];
  ini: string[];
  allHan: string;
  allLatin: string;
  titleLower: string;
  body: string;
  bini: string;
}

export interface QuickHit {
  entry: QuickEntry;
  score: number;
}

/** A last tier given the query and the entries already found; returns more hits (optional). */
export type FuzzyTier = (query: string, exclude: ReadonlySet<QuickEntry>, limit: number) => QuickHit[];

export interface QuickSearcher {
  size: number;
  search(query: string, limit?: number): QuickHit[];
  /** Adds the typo-tolerant last tier once it has loaded (the browser imports it on demand). */
  useFuzzy(tier: FuzzyTier): void;
}

const MAX_QUERY = 64;
const HAN = /\p{Script=Han}/u;
const SEP = '\u0001';
/** Below this best score the earlier tiers "found too little" and the fallbacks run. */
const WEAK = 60;

const KIND_BOOST: Record<Intent, Record<QuickKind, number>> = {
  say: { script: 14, phrase: 10, step: 2, section: 0 },
  know: { script: 0, phrase: 0, step: 6, section: 8 },
  any: { script: 4, phrase: 3, step: 1, section: 0 },
};

/** Words that carry no topic in what agents type: 客户在骂我 → 骂. Longest first. */
const FILLERS = [
  '怎么处理',
  '怎么回答',
  '怎么办',
  '怎么说',
  '怎么回',
  '说什么',
  '咋回事',
  '咋办',
  '咋说',
  '一直在',
  '老是',
  '总是',
  '一直',
  '客户',
  '顾客',
  '用户',
  '对方',
  '我们',
  '你们',
  '他们',
  '的话',
  '应该',
  '需要',
  '该',
  '在',
  '我',
  '你',
  '他',
  '她',
  '又',
  '就',
  '的',
  '了',
  '吗',
  '呢',
  '啊',
  '吧',
  '呀',
  '哦',
  '着',
  '要',
  '说',
  '很',
  '都',
  '还',
];

/** Lower-cased, NFKC-folded (full-width → half-width), trimmed and capped query. */
export function normalizeQuery(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
}

/** The topic words of a Chinese query: filler words removed (empty when nothing is left). */
export function coreOf(term: string): string {
  let core = term;
  for (const f of FILLERS) if (core.length > f.length) core = core.split(f).join('');
  return core === term ? '' : core;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function prepare(entry: QuickEntry): Prepared {
  const keys = entry.keys.map(fold);
  return {
    entry,
    keys,
    py: entry.py,
    ini: entry.ini,
    allHan: keys.join(SEP),
    allLatin: [...entry.py, ...entry.ini].join(SEP),
    titleLower: fold(entry.title),
    body: entry.body ?? '',
    bini: entry.bini ?? '',
  };
}

/** Per entry (by position), the longest key found inside the query: from a key → entries map, not a scan. */
type Contained = Map<number, number>;

function scoreHan(p: Prepared, term: string, inside: Contained, at: number): number {
  let best = 0;
  if (p.allHan.includes(term)) {
    for (let j = 0; j < p.keys.length; j++) {
      const key = p.keys[j]!;
      const lead = j === 0 ? 5 : 0;
      if (key === term) best = Math.max(best, 95 + lead);
      else if (key.startsWith(term)) best = Math.max(best, 80 + lead);
      else if (key.includes(term)) best = Math.max(best, 65 + lead);
    }
  }
  if (best < 60) {
    // The agent typed a sentence that contains one of our keywords: 客户一直骂人 → 骂人.
    const length = inside.get(at);
    if (length) best = Math.max(best, 55 + Math.min(length, 5));
  }
  if (best < 60 && p.titleLower.includes(term)) best = Math.max(best, 60);
  if (best < 45 && term.length >= 2 && p.body.includes(term)) best = 45;
  return best;
}

function scoreLatin(p: Prepared, term: string): number {
  let best = 0;
  if (p.allLatin.includes(term)) {
    for (let j = 0; j < p.py.length; j++) {
      const lead = j === 0 ? 5 : 0;
      const py = p.py[j]!;
      const ini = p.ini[j]!;
      if (py === term || ini === term) best = Math.max(best, 90 + lead);
      else if (term.length >= 2 && (py.startsWith(term) || ini.startsWith(term))) best = Math.max(best, 75 + lead);
      else if (term.length >= 3 && ini.includes(term)) best = Math.max(best, 62 + lead);
      else if (term.length >= 4 && py.includes(term)) best = Math.max(best, 50 + lead);
    }
  }
  if (best < 60 && term.length >= 2 && p.titleLower.includes(term)) best = 60;
  // Initials of any clause in the body: jtl → 人工15秒接通率.
  if (best < 50 && term.length >= 3 && p.bini.includes(term)) best = 50;
  return best;
}

/** One slip away from a short key: the typo tier (scored like a weak substring match). */
function scoreTypo(p: Prepared, term: string, han: boolean): number {
  if (han) {
    for (const key of p.keys) if (oneCharOff(term, key)) return 58;
    return 0;
  }
  for (const py of p.py) if (nearPrefix(term, py)) return 56;
  return 0;
}

/** Share of the query's two-character runs found in the keys or body: a typo-tolerant fallback. */
function scoreOverlap(p: Prepared, grams: string[], chars: string[]): number {
  let found = 0;
  for (const g of grams) if (p.allHan.includes(g)) found++;
  if (grams.length && found / grams.length >= 0.5) return Math.round(35 * (found / grams.length));
  let hit = 0;
  for (const c of chars) if (p.allHan.includes(c)) hit++;
  const share = hit / chars.length;
  return share >= 0.6 ? Math.round(30 * share) : 0;
}

export function createQuickSearcher(index: QuickIndex, fuzzy?: FuzzyTier): QuickSearcher {
  const items = index.entries.map(prepare);
  let lastTier = fuzzy;

  interface Term {
    text: string;
    han: boolean;
    /** Han: the topic words without fillers (empty if none were removed); Latin: letters and digits. */
    alt: string;
    inside?: Contained;
    altInside?: Contained;
  }

  // Every key of two or more characters → the entries that have it, for "the query contains a key".
  const byKey = new Map<string, number[]>();
  items.forEach((p, i) => {
    for (const key of p.keys) {
      if (key.length < 2 || key.length > 12) continue;
      const list = byKey.get(key);
      if (!list) byKey.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });

  // Each Chinese character → the entries (ascending) whose keys, title or body hold it: a Chinese query
  // only visits the entries holding its rarest character, not all 5,000.
  const postings = new Map<string, number[]>();
  items.forEach((p, i) => {
    for (const c of new Set(p.allHan + p.titleLower + p.body)) {
      if (!HAN.test(c)) continue;
      const list = postings.get(c);
      if (list) list.push(i);
      else postings.set(c, [i]);
    }
  });
  // Each pair of letters → the entries whose pinyin, initials, title or body initials hold it.
  const pairs = new Map<string, number[]>();
  items.forEach((p, i) => {
    const latin = `${p.allLatin}${SEP}${p.titleLower}${SEP}${p.bini}`;
    const own = new Set<string>();
    for (let k = 0; k + 1 < latin.length; k++) {
      const pair = latin.slice(k, k + 2);
      if (/^[a-z0-9]{2}$/.test(pair)) own.add(pair);
    }
    for (const pair of own) {
      const list = pairs.get(pair);
      if (list) list.push(i);
      else pairs.set(pair, [i]);
    }
  });
  const rarestPair = (word: string): number[] => {
    let best: number[] | undefined;
    for (let k = 0; k + 1 < word.length; k++) {
      const list = pairs.get(word.slice(k, k + 2)) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  };
  const rarest = (text: string): number[] => {
    let best: number[] | undefined;
    for (const c of text) {
      const list = postings.get(c) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  };

  /** Entries the query can score on at all (every term must match, so the first one decides); undefined: all. */
  function candidates(terms: Term[]): number[] | undefined {
    const first = terms[0]!;
    if (!first.han) return first.alt.length >= 2 ? rarestPair(first.alt) : undefined;
    const set = new Set<number>(rarest(first.text));
    if (first.alt) for (const i of rarest(first.alt)) set.add(i);
    for (const i of first.inside!.keys()) set.add(i);
    for (const i of first.altInside!.keys()) set.add(i);
    return [...set].sort((a, b) => a - b);
  }

  function keysInside(text: string): Contained {
    const found: Contained = new Map();
    if (!text) return found;
    const chars = [...text];
    for (let a = 0; a < chars.length; a++) {
      let sub = chars[a]!;
      for (let b = a + 1; b < chars.length && b - a < 12; b++) {
        sub += chars[b];
        for (const i of byKey.get(sub) ?? []) found.set(i, Math.max(found.get(i) ?? 0, b - a + 1));
      }
    }
    return found;
  }

  function termScore(p: Prepared, at: number, term: Term): number {
    if (!term.han) return scoreLatin(p, term.alt);
    const direct = scoreHan(p, term.text, term.inside!, at);
    if (direct >= WEAK || !term.alt) return direct;
    return Math.max(direct, scoreHan(p, term.alt, term.altInside!, at) - 10);
  }

  function scoreTerms(p: Prepared, at: number, terms: Term[]): number {
    let total = 0;
    for (const term of terms) {
      const s = termScore(p, at, term);
      if (s === 0) return 0;
      total += s;
    }
    return total / terms.length;
  }

  function insert(top: QuickHit[], hit: QuickHit, limit: number) {
    if (top.length === limit && hit.score <= top[limit - 1]!.score) return;
    let i = top.length;
    while (i > 0 && top[i - 1]!.score < hit.score) i--;
    top.splice(i, 0, hit);
    if (top.length > limit) top.pop();
  }

  return {
    size: items.length,
    useFuzzy(tier) {
      lastTier = tier;
    },
    search(raw, limit = 8) {
      const query = normalizeQuery(raw);
      const terms: Term[] = query
        .split(' ')
        .filter((t) => HAN.test(t) || /[a-z0-9]/.test(t))
        .map((t) => {
          if (!HAN.test(t)) return { text: t, han: false, alt: t.replace(/[^a-z0-9]/g, '') };
          const alt = coreOf(t);
          return { text: t, han: true, alt, inside: keysInside(t), altInside: keysInside(alt) };
        });
      if (terms.length === 0) return [];
      const boost = KIND_BOOST[queryIntent(query)];
      const top: QuickHit[] = [];
      const visit = candidates(terms);
      const count = visit ? visit.length : items.length;
      for (let n = 0; n < count; n++) {
        const at = visit ? visit[n]! : n;
        const p = items[at]!;
        const score = scoreTerms(p, at, terms);
        // Typing the forbidden phrase itself finds the phrase before a script that lists it as a keyword.
        const exactPhrase = p.entry.kind === 'phrase' && score >= 90 ? 6 : 0;
        if (score > 0) insert(top, { entry: p.entry, score: score + boost[p.entry.kind] + exactPhrase }, limit);
      }
      const weak = top.length < 3 || top[0]!.score - boost[top[0]!.entry.kind] < WEAK;
      if (!weak) return top;
      const han = query.replace(/[^\p{Script=Han}]/gu, '');
      const core = coreOf(han) || han;
      if (core.length >= 2) {
        const found = new Set(top.map((h) => h.entry));
        const chars = [...new Set(core)];
        const grams = [...new Set([...core].slice(1).map((c, i) => core[i] + c))];
        // Only entries holding enough of the query's characters can pass the overlap test.
        const seen = new Map<number, number>();
        for (const c of chars) for (const i of postings.get(c) ?? []) seen.set(i, (seen.get(i) ?? 0) + 1);
        for (const [at, n] of seen) {
          const p = items[at]!;
          if (n / chars.length < 0.5 || found.has(p.entry)) continue;
          const score = scoreOverlap(p, grams, chars);
          if (score > 0) insert(top, { entry: p.entry, score: score + boost[p.entry.kind] }, limit);
        }
      }
      const typo = terms.length === 1 ? terms[0]! : undefined;
      if (typo && (typo.han ? typo.text.length >= 3 : typo.alt.length >= 4)) {
        const word = typo.han ? typo.alt || typo.text : typo.alt;
        const pool = typo.han ? (postings.get(word[0]!) ?? []) : undefined;
        const total = pool ? pool.length : items.length;
        for (let n = 0; n < total; n++) {
          const p = items[pool ? pool[n]! : n]!;
          const score = scoreTypo(p, word, typo.han);
          if (score === 0) continue;
          const known = top.findIndex((h) => h.entry === p.entry);
          if (known >= 0 && top[known]!.score >= score + boost[p.entry.kind]) continue;
          if (known >= 0) top.splice(known, 1);
          insert(top, { entry: p.entry, score: score + boost[p.entry.kind] }, limit);
        }
      }
      if (lastTier) {
        // Typo-tolerant last tier: a fuzzy hit on a short key outranks a weak overlap of loose characters.
        for (const hit of lastTier(query, new Set(), limit)) {
          const known = top.findIndex((h) => h.entry === hit.entry);
          const score = hit.score + boost[hit.entry.kind];
          if (known >= 0 && top[known]!.score >= score) continue;
          if (known >= 0) top.splice(known, 1);
          insert(top, { entry: hit.entry, score }, limit);
        }
      }
      return top;
    },
  };
}
