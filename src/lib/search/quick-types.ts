/** What the quick palette can find. */
export const quickKinds = ['script', 'phrase', 'section', 'step'] as const;
export type QuickKind = (typeof quickKinds)[number];

/** One palette entry, as shipped in /quick-index.json (pinyin precomputed at build time). */
export interface QuickEntry {
  kind: QuickKind;
  title: string;
  /** First line shown under the title. */
  text: string;
  url: string;
  /** Text Enter copies (scripts: every line; phrases: the first alternative). */
  copy?: string;
  /** Search keys in Chinese: the title first, then keywords and aliases. */
  keys: string[];
  /** Toneless pinyin of each key, no separators (无声电话 → wushengdianhua). */
  py: string[];
  /** Pinyin initials of each key (无声电话 → wsdh). */
  ini: string[];
}

export interface QuickIndex {
  version: string;
  entries: QuickEntry[];
}
