import type { QuickEntry, QuickIndex, QuickKind } from './quick-types.ts';

/**
 * The palette's matcher: exact, prefix and substring tiers over short precomputed keys
 * (Chinese, full pinyin, initials), with a character-overlap fallback. Runs in the browser
 * on every keystroke, so it does one cheap reject test per entry before any scoring.
 */

interface Prepared {
  entry: QuickEntry;
  keys: string[];
  py: string[];
  ini: string[];
  allHan: string;
  allLatin: string;
  titleLower: string;
  textLower: string;
  boost: number;
}

export interface QuickSearcher {
  size: number;
  search(query: string, limit?: number): QuickHit[];
}

export interface QuickHit {
  entry: QuickEntry;
  score: number;
}

const MAX_QUERY = 64;
const HAN = /\p{Script=Han}/u;
const SEP = '\u0001';
const KIND_BOOST: Record<QuickKind, number> = { script: 3, phrase: 2, step: 1, section: 0 };

/** Lower-cased, NFKC-folded (full-width → half-width), trimmed and capped query. */
export function normalizeQuery(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
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
    textLower: fold(entry.text),
    boost: KIND_BOOST[entry.kind],
  };
}

function scoreHan(p: Prepared, term: string): number {
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
    for (let j = 0; j < p.keys.length; j++) {
      const key = p.keys[j]!;
      if (key.length >= 2 && term.includes(key)) best = Math.max(best, 55 + Math.min(key.length, 5));
    }
  }
  if (best < 60 && p.titleLower.includes(term)) best = Math.max(best, 60);
  if (best < 40 && p.textLower.includes(term)) best = 40;
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
      else if (term.length >= 3 && py.includes(term)) best = Math.max(best, 45 + lead);
    }
  }
  if (best < 60 && term.length >= 2 && p.titleLower.includes(term)) best = 60;
  if (best < 35 && term.length >= 3 && p.textLower.includes(term)) best = 35;
  return best;
}

/** Share of the query's distinct Han characters found in the keys: a typo-tolerant last resort. */
function scoreOverlap(p: Prepared, chars: string[]): number {
  let found = 0;
  for (const c of chars) if (p.allHan.includes(c)) found++;
  const share = found / chars.length;
  return share >= 0.6 ? Math.round(30 * share) : 0;
}

export function createQuickSearcher(index: QuickIndex): QuickSearcher {
  const items = index.entries.map(prepare);

  function scoreTerms(p: Prepared, terms: string[]): number {
    let total = 0;
    for (const term of terms) {
      const s = HAN.test(term) ? scoreHan(p, term) : scoreLatin(p, term.replace(/[^a-z0-9]/g, ''));
      if (s === 0) return 0;
      total += s;
    }
    return total / terms.length + p.boost;
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
    search(raw, limit = 8) {
      const query = normalizeQuery(raw);
      const terms = query.split(' ').filter((t) => HAN.test(t) || /[a-z0-9]/.test(t));
      if (terms.length === 0) return [];
      const top: QuickHit[] = [];
      for (const p of items) {
        const score = scoreTerms(p, terms);
        if (score > 0) insert(top, { entry: p.entry, score }, limit);
      }
      if (top.length < 3) {
        const chars = [...new Set([...query].filter((c) => HAN.test(c)))];
        if (chars.length >= 2) {
          for (const p of items) {
            if (top.some((h) => h.entry === p.entry)) continue;
            const score = scoreOverlap(p, chars);
            if (score > 0) insert(top, { entry: p.entry, score: score + p.boost }, limit);
          }
        }
      }
      return top;
    },
  };
}
