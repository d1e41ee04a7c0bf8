import { PrefixIndex } from '../text/prefix-index.ts';
import { GAP, phrasingPieces } from './normalise.ts';
import type { Normalised, Span } from './normalise.ts';
import type { ReplyTurn } from './schema.ts';

/**
 * Where each phrasing list of a reply rubric (every element's accept, every forbidden item's match and
 * except) occurs in a normalised reply, found in one pass over the reply: the dashboard judges the same
 * rubric tens of thousands of times, so each rubric is compiled once into its phrasings' pieces, indexed
 * by the first character they start with.
 */

interface Candidate {
  /** Index of the phrasing list (elements first, then forbidden match lists, then except lists). */
  list: number;
  pieces: string[];
}

interface CompiledRubric {
  lists: number;
  /** Phrasings by how they start, for the reply as normalised; and with 你 read as 您. */
  plain: PrefixIndex<Candidate>;
  ni: PrefixIndex<Candidate>;
}

const compiledRubrics = new WeakMap<ReplyTurn['reply'], CompiledRubric>();

function index(into: PrefixIndex<Candidate>, list: number, phrasings: readonly string[], ni: boolean) {
  for (const phrasing of phrasings) {
    const pieces = phrasingPieces(phrasing, ni);
    if (pieces.length) into.add(pieces[0]!, { list, pieces });
  }
}

function compile(rubric: ReplyTurn['reply']): CompiledRubric {
  let compiled = compiledRubrics.get(rubric);
  if (compiled) return compiled;
  const plain = new PrefixIndex<Candidate>();
  const ni = new PrefixIndex<Candidate>();
  let list = 0;
  for (const el of rubric.elements) index(el.allowNi ? ni : plain, list++, el.accept, el.allowNi);
  for (const item of rubric.forbidden) index(plain, list++, item.match, false);
  for (const item of rubric.forbidden) index(plain, list++, item.except, false);
  compiled = { lists: list, plain, ni };
  compiledRubrics.set(rubric, compiled);
  return compiled;
}

/** The pieces in order from `at`, each gap at most GAP characters: the end of the match, or -1. */
function matchEnd(text: string, at: number, pieces: readonly string[]): number {
  if (!text.startsWith(pieces[0]!, at)) return -1;
  let endAt = at + pieces[0]!.length;
  for (let k = 1; k < pieces.length; k++) {
    const piece = pieces[k]!;
    const j = text.indexOf(piece, endAt);
    if (j === -1 || j - endAt > GAP) return -1;
    endAt = j + piece.length;
  }
  return endAt;
}

function record(out: (Span[] | undefined)[], list: number, start: number, end: number) {
  // Spans arrive in start order, so overlapping ones merge as they come.
  const spans = (out[list] ??= []);
  const open = spans[spans.length - 1];
  if (open && start < open.end) open.end = Math.max(open.end, end);
  else spans.push({ start, end });
}

function scan(text: string, index: PrefixIndex<Candidate>, out: (Span[] | undefined)[]) {
  if (index.size === 0) return;
  for (let at = 0; at < text.length; at++) {
    const long = index.longAt(text, at);
    if (long) tryAt(text, at, long, out);
    const short = index.shortAt(text, at);
    if (short) tryAt(text, at, short, out);
  }
}

function tryAt(text: string, at: number, candidates: readonly Candidate[], out: (Span[] | undefined)[]) {
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k]!;
    const end = matchEnd(text, at, c.pieces);
    if (end !== -1) record(out, c.list, at, end);
  }
}

const NONE: readonly Span[] = [];

/**
 * Every phrasing list of the rubric matched against the reply (`ni`: the same reply with 你 read as 您).
 * Lists are numbered elements first, then forbidden items' match lists, then their except lists.
 */
export function matchRubric(
  rubric: ReplyTurn['reply'],
  norm: Normalised,
  ni: () => Normalised,
): (list: number) => readonly Span[] {
  const compiled = compile(rubric);
  // Most lists match nothing: only those that do get an array.
  const out = new Array<Span[] | undefined>(compiled.lists).fill(undefined);
  scan(norm.text, compiled.plain, out);
  if (compiled.ni.size) scan(ni().text, compiled.ni, out);
  return (list) => out[list] ?? NONE;
}
