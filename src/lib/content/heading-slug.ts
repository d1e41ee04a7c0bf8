import { pinyin } from 'pinyin-pro';

/**
 * ASCII anchor for a heading: toneless pinyin syllables joined by hyphens (保密范围 → bao-mi-fan-wei).
 * Chinese anchors percent-encode into fragile URLs, and quiz questions link to these anchors.
 */
export function headingSlug(text: string): string {
  const syllables = pinyin(text.normalize('NFKC'), {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
  });
  const slug = syllables
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/** Slugs for headings in document order, suffixing repeats the way github-slugger does. */
export function createHeadingSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = headingSlug(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}
