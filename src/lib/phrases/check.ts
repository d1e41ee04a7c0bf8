/** A forbidden phrase as the checker needs it: the phrase and its variants, with what to say instead. */
export interface CheckablePhrase {
  id: string;
  phrase: string;
  variants: string[];
  instead: string[];
}

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

const IGNORABLE = /[\s\u200b-\u200d\ufeff]/;

/** Full-width to half-width and lower case, one character at a time so offsets map back. */
function foldChar(c: string): string {
  return c.normalize('NFKC').toLowerCase();
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
      const folded = foldPattern(raw);
      if (folded && !patterns.some((x) => x.folded === folded && x.phraseId === p.id)) {
        patterns.push({ folded, phraseId: p.id });
      }
    }
  }
  // Longest first, so a span is attributed to the most specific phrase before shorter ones inside it.
  patterns.sort((a, b) => b.folded.length - a.folded.length);

  return {
    check(text) {
      // Folded text without ignorable characters, with each folded unit's original offsets.
      let folded = '';
      const startOf: number[] = [];
      const endOf: number[] = [];
      let i = 0;
      for (const c of text) {
        const at = i;
        i += c.length;
        if (IGNORABLE.test(c)) continue;
        const f = foldChar(c);
        folded += f;
        for (let k = 0; k < f.length; k++) {
          startOf.push(at);
          endOf.push(i);
        }
      }
      const raw: { start: number; end: number; phraseId: string; length: number }[] = [];
      for (const pattern of patterns) {
        let from = 0;
        for (;;) {
          const found = folded.indexOf(pattern.folded, from);
          if (found === -1) break;
          const last = found + pattern.folded.length - 1;
          raw.push({
            start: startOf[found]!,
            end: endOf[last]!,
            phraseId: pattern.phraseId,
            length: pattern.folded.length,
          });
          from = found + 1;
        }
      }
      raw.sort((a, b) => a.start - b.start || b.end - a.end);
      // Overlapping matches merge into one span that names every phrase involved.
      const hits: PhraseHit[] = [];
      for (const m of raw) {
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
