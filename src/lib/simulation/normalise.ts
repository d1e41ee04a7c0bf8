/**
 * Normalising a reply for matching: full width → half width, lower case, no spaces, no punctuation
 * or symbols, 其它 → 其他; optionally 你 → 您. Each kept character remembers its offset in the
 * original text, so a match can be highlighted where the learner typed it.
 */
export interface Normalised {
  text: string;
  /** at[i]: offset in the original text of normalised character i. */
  at: number[];
  /** end[i]: offset just after it in the original text. */
  end: number[];
}

const DROP = /[\p{P}\p{S}\p{Z}\s\u200b-\u200d\ufeff]/u;
const FOLD: Record<string, string> = { 它: '他' };

export function normalise(input: string, foldNi = false): Normalised {
  let text = '';
  const at: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const c of input) {
    const from = i;
    i += c.length;
    const code = c.charCodeAt(0);
    // Fast path: CJK ideographs and ASCII letters and digits are already in normal form.
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) {
      text += FOLD[c] ?? (foldNi && c === '你' ? '您' : c);
      at.push(from);
      end.push(i);
      continue;
    }
    for (const f of c.normalize('NFKC').toLowerCase()) {
      if (DROP.test(f)) continue;
      const g = FOLD[f] ?? (foldNi && f === '你' ? '您' : f);
      text += g;
      at.push(from);
      end.push(i);
    }
  }
  return { text, at, end };
}

const piecesCache = new Map<string, string[]>();

/** A phrasing cut at `…` / `...` into pieces, each normalised (cached: rubrics are judged many times). */
export function phrasingPieces(phrasing: string, foldNi = false): string[] {
  const key = `${foldNi ? 1 : 0}${phrasing}`;
  let pieces = piecesCache.get(key);
  if (!pieces) {
    pieces = cutPhrasing(phrasing, foldNi);
    if (piecesCache.size > 5000) piecesCache.clear();
    piecesCache.set(key, pieces);
  }
  return pieces;
}

function cutPhrasing(phrasing: string, foldNi: boolean): string[] {
  return phrasing
    .split(/…+|\.{3,}/)
    .map((p) => normalise(p, foldNi).text)
    .filter(Boolean);
}

/** Most characters allowed between two pieces of a phrasing. */
export const GAP = 12;

export interface Span {
  start: number;
  end: number;
}

/** Every place the pieces occur in order, each gap at most GAP characters; spans in normalised offsets. */
export function findPhrasing(text: string, pieces: readonly string[]): Span[] {
  const first = pieces[0];
  if (!first) return [];
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    const s = text.indexOf(first, from);
    if (s === -1) break;
    let endAt = s + first.length;
    let ok = true;
    for (let k = 1; k < pieces.length && ok; k++) {
      const piece = pieces[k]!;
      const j = text.indexOf(piece, endAt);
      if (j === -1 || j - endAt > GAP) ok = false;
      else endAt = j + piece.length;
    }
    if (ok) spans.push({ start: s, end: endAt });
    from = s + 1;
  }
  return spans;
}

/** Overlapping spans merged, sorted by start. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const open = out[out.length - 1];
    if (open && s.start < open.end) open.end = Math.max(open.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
