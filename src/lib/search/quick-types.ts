import type { Provenance } from '../content/provenance.ts';

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
  /** Phrases: every alternative, each copyable on its own. */
  alts?: string[];
  /** Sections and flow steps: the passage shown in the palette's preview, line by line. */
  lines?: string[];
  /** Search keys in Chinese: the title first, then keywords and aliases. */
  keys: string[];
  /** Toneless pinyin of each key, no separators (无声电话 → wushengdianhua). */
  py: string[];
  /** Pinyin initials of each key (无声电话 → wsdh). */
  ini: string[];
  /** Body text (lines, scenario, alternatives, passage) folded, clauses joined by '|': found by substring. */
  body?: string;
  /** Pinyin initials of each body clause, joined by '|': initials of any word (jtl → 接通率). */
  bini?: string;
  /** Where the wording comes from (制度原文 / 参考示例), when the content says so. */
  source?: Provenance;
}

export interface QuickIndex {
  version: string;
  entries: QuickEntry[];
}
