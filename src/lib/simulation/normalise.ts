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

/** What one character that is not plain becomes (NFKC, lower case, dropped, folded): cached, NFKC is slow. */
const slowForms = new Map<string, string>();

function slowForm(c: string): string {
  let form = slowForms.get(c);
  if (form === undefined) {
    form = '';
    for (const f of c.normalize('NFKC').toLowerCase()) if (!DROP.test(f)) form += f;
    if (slowForms.size < 10_000) slowForms.set(c, form);
  }
  return form;
}

const TA = '它'.charCodeAt(0);
const NI = '你'.charCodeAt(0);

export function normalise(input: string, foldNi = false): Normalised {
  let text = '';
  const at: number[] = [];
  const end: number[] = [];
  // Runs of CJK ideographs and ASCII lower-case letters and digits (already in normal form) are copied whole.
  let run = 0;
  for (let i = 0; i < input.length;) {
    const code = input.charCodeAt(i);
    const plain =
      (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
    if (plain && code !== TA && !(foldNi && code === NI)) {
      at.push(i);
      end.push(++i);
      continue;
    }
    text += input.slice(run, i);
    const from = i;
    const c = String.fromCodePoint(input.codePointAt(i)!);
    i += c.length;
    run = i;
    for (const g of plain ? c : slowForm(c)) {
      text += FOLD[g] ?? (foldNi && g === '你' ? '您' : g);
      at.push(from);
      end.push(i);
    }
  }
  return { text: text + input.slice(run), at, end };
}

/** The same normalised reply with 你 counted as 您 (one character for one, so offsets are unchanged). */
export function foldNi(norm: Normalised): Normalised {
  return norm.text.includes('你') ? { ...norm, text: norm.text.replaceAll('你', '您') } : norm;
}

/** A phrasing cut at `…` / `...` into pieces, each normalised. */
export function phrasingPieces(phrasing: string, foldNi = false): string[] {
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
