import { PrefixIndex } from '../text/prefix-index.ts';
import type { CheckablePhrase } from './judge-phrase.ts';
import { cachedForm, foldText, isPlain } from '../text/fold.ts';

export interface PhraseHit {
  /** Offsets into the original text (UTF-16), end exclusive. */
  start: number;
  end: number;
  /** Every phrase whose pattern matched inside this span, longest match first. */
  phraseIds: string[];
}

export type DraftSegment = { text: string } | { text: string; hit: PhraseHit };

interface Pattern {
  folded: string;
  phraseId: string;
}

const NONE: readonly Pattern[] = [];

const IGNORABLE = /[\s\u200b-\u200d\ufeff]/;

/**
 * Polite and regional forms of one character fold to one form, both in the draft and in the phrases,
 * so 您听明白了没有 is caught by 你听明白了没有 and 俺不知道 by 我不知道. One character to one, so
 * offsets map back.
 */
const SAME_CHAR: Record<string, string> = { 您: '你', 妳: '你', 俺: '我', 么: '吗', 嘛: '吗', 麽: '吗' };
const SAME_CODE = new Map(Object.entries(SAME_CHAR).map(([from, to]) => [from.charCodeAt(0), to]));

/** Full-width to half-width and lower case, one character at a time so offsets map back. */
function foldChar(c: string): string {
  // Most of a draft is CJK ideographs, digits and lower-case letters, already in folded form (NFKC per character is slow).
  if (isPlain(c.charCodeAt(0))) return SAME_CHAR[c] ?? c;
  const f = c.normalize('NFKC').toLowerCase();
  return SAME_CHAR[f] ?? f;
}

/** What a character becomes in a folded draft ('' when ignorable). */
const draftForm = cachedForm((c) => (IGNORABLE.test(c) ? '' : foldChar(c)));

/** A draft folded without ignorable characters, with each folded unit's original offsets. */
const keptInDraft = (code: number) => isPlain(code) && !SAME_CODE.has(code);
const foldDraft = (text: string) => foldText(text, keptInDraft, draftForm);

/** Spoken and regional wordings of the same words: each phrase is also looked for in these forms. */
const REGIONAL: [string, string][] = [
  ['知道', '晓得'],
  ['怎么', '咋'],
  ['什么', '啥'],
  ['没有', '没'],
  ['不是', '不系'],
];

/** A folded pattern and its regional forms (each swap applied alone, then all together). */
export function phraseForms(folded: string): string[] {
  const forms = new Set([folded]);
  let all = folded;
  for (const [rawA, rawB] of REGIONAL) {
    const a = foldPattern(rawA);
    const b = foldPattern(rawB);
    if (folded.includes(a)) forms.add(folded.split(a).join(b));
    all = all.split(a).join(b);
  }
  forms.add(all);
  return [...forms].filter((f) => f.length >= 2 || f === folded);
}

function foldPattern(text: string): string {
  return [...text]
    .filter((c) => !IGNORABLE.test(c))
    .map(foldChar)
    .join('');
}

export interface PhraseChecker {
  check(text: string): PhraseHit[];
}

/**
 * Builds a checker over every phrase and variant. Matching ignores whitespace and zero-width
 * characters inside a phrase (不 知道) and folds full-width forms (ＯＫ), but punctuation
 * still separates words, so 不，知道 is not flagged.
 */
export function createPhraseChecker(phrases: readonly CheckablePhrase[]): PhraseChecker {
  const patterns: Pattern[] = [];
  for (const p of phrases) {
    for (const raw of [p.phrase, ...p.variants]) {
      for (const folded of phraseForms(foldPattern(raw))) {
        if (folded && !patterns.some((x) => x.folded === folded && x.phraseId === p.id)) {
          patterns.push({ folded, phraseId: p.id });
        }
      }
    }
  }
  // Longest first, so a span is attributed to the most specific phrase before shorter ones inside it.
  patterns.sort((a, b) => b.folded.length - a.folded.length);
  const index = new PrefixIndex<Pattern>();
  for (const pattern of patterns) index.add(pattern.folded, pattern);

  return {
    check(text) {
      const { text: folded, at: startOf, end: endOf } = foldDraft(text);
      const raw: { start: number; end: number; phraseId: string; length: number }[] = [];
      const add = (pattern: Pattern, found: number) =>
        raw.push({
          start: startOf[found]!,
          end: endOf[found + pattern.folded.length - 1]!,
          phraseId: pattern.phraseId,
          length: pattern.folded.length,
        });
      // Longer patterns before one-unit ones at each place, as in the sorted list.
      for (let found = 0; found < folded.length; found++) {
        for (const pattern of index.longAt(folded, found) ?? NONE)
          if (folded.startsWith(pattern.folded, found)) add(pattern, found);
        for (const pattern of index.shortAt(folded, found) ?? NONE) add(pattern, found);
      }
      raw.sort((a, b) => a.start - b.start || b.end - a.end);
      // A match inside a longer one is the same words (不知道 in 我也不知道): only the longer phrase counts.
      // Sorted by start, longest first: one pass keeps the match reaching furthest so far.
      const outer: typeof raw = [];
      let reach: (typeof raw)[number] | undefined;
      for (const m of raw) {
        const inside = reach && reach.end >= m.end && (reach.start < m.start || reach.end > m.end);
        if (!inside) outer.push(m);
        if (!reach || m.end > reach.end) reach = m;
      }
      // Overlapping matches merge into one span that names every phrase involved; touching ones stay apart.
      const hits: PhraseHit[] = [];
      for (const m of outer) {
        const open = hits[hits.length - 1];
        if (open && m.start < open.end) {
          open.end = Math.max(open.end, m.end);
          if (!open.phraseIds.includes(m.phraseId)) open.phraseIds.push(m.phraseId);
        } else {
          hits.push({ start: m.start, end: m.end, phraseIds: [m.phraseId] });
        }
      }
      return hits;
    },
  };
}

/** The draft cut into plain runs and flagged runs, in order, for rendering in place. */
export function segmentDraft(text: string, hits: readonly PhraseHit[]): DraftSegment[] {
  const segments: DraftSegment[] = [];
  let at = 0;
  for (const hit of hits) {
    if (hit.start > at) segments.push({ text: text.slice(at, hit.start) });
    segments.push({ text: text.slice(hit.start, hit.end), hit });
    at = hit.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/** Each phrase flagged in the draft, once, in the order it first appears. */
export function flaggedPhraseIds(hits: readonly PhraseHit[]): string[] {
  return [...new Set(hits.flatMap((h) => h.phraseIds))];
}

/** The draft with one flagged span replaced by an alternative (the agent's one-click fix). */
export function replaceHit(text: string, hit: Pick<PhraseHit, 'start' | 'end'>, replacement: string): string {
  return text.slice(0, hit.start) + replacement + text.slice(hit.end);
}
