import { cachedForm, foldText, isPlain } from '../text/fold.ts';
import type { Folded } from '../text/fold.ts';

/**
 * Normalising a reply for matching: full width → half width, lower case, no spaces, no punctuation
 * or symbols, 其它 → 其他; optionally 你 → 您. Each kept character remembers its offset in the
 * original text, so a match can be highlighted where the learner typed it.
 */
export type Normalised = Folded;

const DROP = /[\p{P}\p{S}\p{Z}\s\u200b-\u200d\ufeff]/u;
const FOLD: Record<string, string> = { 它: '他' };
const TA = '它'.charCodeAt(0);
const NI = '你'.charCodeAt(0);

/** NFKC, lower case, punctuation and spaces dropped, 它 → 他. */
const plainForm = cachedForm((c) => {
  let form = '';
  for (const f of isPlain(c.charCodeAt(0)) ? c : c.normalize('NFKC').toLowerCase())
    if (!DROP.test(f)) form += FOLD[f] ?? f;
  return form;
});
const niForm = cachedForm((c) => plainForm(c).replaceAll('你', '您'));

const keptPlain = (code: number) => isPlain(code) && code !== TA;
const keptNi = (code: number) => keptPlain(code) && code !== NI;

export function normalise(input: string, foldNi = false): Normalised {
  return foldNi ? foldText(input, keptNi, niForm) : foldText(input, keptPlain, plainForm);
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
