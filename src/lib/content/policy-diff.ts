import { diffArrays } from 'diff';
import { bodyText } from './headings.ts';

/**
 * What changed in a policy's text between two versions, for readers: words added and removed, grouped by
 * paragraph, unchanged paragraphs left out. Chinese has no spaces, so the text is cut into words with
 * Intl.Segmenter (zh) before jsdiff compares the word lists.
 */

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };
/** One paragraph (a heading, list item, table row) that has at least one change. */
export type DiffParagraph = DiffPart[];

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words, with every line break its own token so paragraphs can be rebuilt. */
export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) tokens.push('\n');
    for (const { segment } of segmenter.segment(line)) tokens.push(segment);
  });
  return tokens;
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** Changed paragraphs between two plain texts (one paragraph per line). */
export function diffText(before: string, after: string): DiffParagraph[] {
  const changes = diffArrays(wordTokens(before.trim()), wordTokens(after.trim()));
  const paragraphs: DiffParagraph[] = [];
  let current: DiffPart[] = [];
  const close = () => {
    if (current.some((p) => p.kind !== 'same' && p.text.trim())) paragraphs.push(current);
    current = [];
  };
  for (const change of changes) {
    const kind: DiffPart['kind'] = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const token of change.value) {
      // A removed or added line break joins two paragraphs into one changed paragraph.
      if (token === '\n' && kind === 'same') close();
      else if (token !== '\n') push(current, kind, token);
    }
  }
  close();
  return paragraphs;
}

/** Changed paragraphs between two MDX policy bodies, compared as the text a reader sees. */
export function diffPolicyBodies(before: string, after: string): DiffParagraph[] {
  return diffText(bodyText(before), bodyText(after));
}
