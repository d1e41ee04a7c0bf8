import { createHeadingSlugger } from '../content/heading-slug.ts';

/** Lines per section, at most this many, each at most MAX_LINE characters: a preview, not the page. */
const MAX_LINES = 8;
const MAX_LINE = 120;

function plain(line: string): string {
  const text = line
    .replace(/^\s*(?:[-*+]|\d+[.、)]|>)\s*/, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .trim();
  if (/^\|/.test(text)) {
    const cells = text
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean);
    return cells.join(' · ');
  }
  return text.replace(/\s+/g, ' ');
}

/**
 * The readable lines under each `##`…`######` heading of an MDX body, keyed by the anchor the site
 * renders for that heading (the same slugger as the policy pages), for the palette's preview.
 */
export function sectionPassages(body: string): Map<string, string[]> {
  const passages = new Map<string, string[]>();
  const slug = createHeadingSlugger();
  let inFence = false;
  let open: string[] | undefined;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const m = /^(#{2,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (m?.[2]) {
      open = [];
      passages.set(slug(m[2]), open);
      continue;
    }
    if (!open || open.length >= MAX_LINES) continue;
    if (/^\s*\|?\s*:?-{3,}/.test(line)) {
      continue; // a table's divider row
    }
    if (/^\s*(import|export)\s/.test(line)) continue;
    const text = plain(line);
    if (!text) continue;
    open.push(text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text);
  }
  return passages;
}
