import { readFileSync } from 'node:fs';
import { loadContent } from '../content/load-content.ts';
import { buildQuickIndex } from './quick-index.ts';
import { quickSourcesFromReport } from './quick-sources.ts';
import type { PlaceholderValues } from '../scripts/placeholders.ts';
import type { QuickIndex } from './quick-types.ts';

function mdxBody(text: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** Node only (tests, benchmark): the palette index built from the content tree exactly as the site builds it. */
export function loadQuickIndex(placeholders: PlaceholderValues, root = '.', version = 'local'): QuickIndex {
  const report = loadContent(root);
  const bodies = new Map(report.policies.map((p) => [p.id, mdxBody(readFileSync(p.path, 'utf8'))]));
  return buildQuickIndex(quickSourcesFromReport(report, placeholders, bodies), version);
}
