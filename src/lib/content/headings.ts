import { mdxToMdast } from 'satteri';
import { placeholderValues } from '../../site.config.ts';
import { createHeadingSlugger } from './heading-slug.ts';

/**
 * The one heading parser: policy bodies are parsed with the MDX parser the build itself uses (satteri,
 * behind @astrojs/mdx), and the same walk feeds the rendered anchors' checks, quiz `ref`s, change impact
 * and the quick palette. A body the parser rejects has no sections (the safety check reports it).
 */

export interface MdNode {
  type: string;
  value?: string;
  name?: string | null;
  depth?: number;
  url?: string;
  children?: MdNode[];
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface HeadingSection {
  depth: number;
  text: string;
  anchor: string;
  /** The first line of text under the heading, without Markdown markers. */
  firstLine: string;
  /** Short terms the section defines: bold phrases and first table cells (indicator names, form names). */
  terms: string[];
  /** 1-based line of the heading in the body. */
  line: number;
  /** Plain text of the section including its subsections (up to the next heading of the same or higher level). */
  content: string;
}

export type ParsedBody = { ok: true; root: MdNode } | { ok: false; line: number; column: number; reason: string };

/** Parses an MDX body; never throws. */
export function parseBody(body: string): ParsedBody {
  try {
    return { ok: true, root: mdxToMdast(body) as unknown as MdNode };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    return { ok: false, line: Number(m?.[1] ?? 1), column: Number(m?.[2] ?? 1), reason: m?.[3] ?? message };
  }
}

/** What a reader sees of a node, as text: site components render their site.config value. */
export function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
    if (node.name === 'Hotline') return placeholderValues.hotline;
  }
  if (node.type === 'break') return '\n';
  if (node.type === 'tableCell') return `${(node.children ?? []).map(plainText).join('')} `;
  const inner = (node.children ?? []).map(plainText);
  const blocky = ['root', 'list', 'table', 'blockquote', 'listItem'].includes(node.type);
  return inner.join(blocky ? '\n' : '').replace(/ +$/gm, '');
}

const MAX_TERMS = 8;

function firstLineOf(node: MdNode): string {
  let target = node;
  if ((node.type === 'table' || node.type === 'list') && node.children?.[0]) target = node.children[0];
  const text = (plainText(target).split('\n').find((l) => l.trim()) ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function collectTerms(node: MdNode, terms: string[]): void {
  if (terms.length >= MAX_TERMS) return;
  const add = (t: string) => {
    const term = t.trim();
    if (term.length >= 2 && term.length <= 12 && !terms.includes(term) && terms.length < MAX_TERMS) terms.push(term);
  };
  if (node.type === 'tableRow') {
    for (const cell of node.children ?? []) collectTerms(cell, terms);
    const first = node.children?.[0];
    if (first) add(plainText(first));
    return;
  }
  if (node.type === 'strong') add(plainText(node));
  for (const child of node.children ?? []) collectTerms(child, terms);
}

/** The ##…###### headings of a parsed body with the anchors the site renders for them. */
export function sectionsOf(root: MdNode): HeadingSection[] {
  const slug = createHeadingSlugger();
  const blocks = root.children ?? [];
  const sections: HeadingSection[] = [];
  blocks.forEach((node, i) => {
    if (node.type !== 'heading' || (node.depth ?? 1) < 2) return;
    const depth = node.depth ?? 2;
    const text = plainText(node).trim();
    const own: MdNode[] = [];
    const all: MdNode[] = [];
    let ownDone = false;
    for (const next of blocks.slice(i + 1)) {
      if (next.type === 'heading') {
        ownDone = true;
        if ((next.depth ?? 1) <= depth) break;
      }
      if (!ownDone) own.push(next);
      all.push(next);
    }
    const terms: string[] = [];
    for (const n of own) collectTerms(n, terms);
    const firstBlock = own.find((n) => plainText(n).trim());
    sections.push({
      depth,
      text,
      anchor: slug(text),
      firstLine: firstBlock ? firstLineOf(firstBlock) : '',
      terms,
      line: node.position?.start.line ?? 0,
      content: all.map(plainText).join('\n'),
    });
  });
  return sections;
}

export function headingSections(body: string): HeadingSection[] {
  const parsed = parseBody(body);
  return parsed.ok ? sectionsOf(parsed.root) : [];
}

export function headingAnchors(body: string): string[] {
  return headingSections(body).map((s) => s.anchor);
}

/** The whole body as a reader sees it, one block per line (for diffs and number searches). */
export function bodyText(body: string): string {
  const parsed = parseBody(body);
  return parsed.ok ? plainText(parsed.root) : body;
}
