/**
 * Rules about wording: does a script say what its cited document says, does a step state a number its
 * cited section does not, is the hotline typed by hand instead of taken from site.config.ts.
 */

/** 〔…〕 marks an editor's note inside a stored quote (a typo in the source, a replaced brand name). */
const EDITOR_NOTE = /〔[^〕]*〕/g;
/** Slots a line leaves for the agent to fill: ……, ××, {placeholder}, （instructions in brackets）. */
const FILL_IN = /……|…|××|某某|\{[^{}]*\}|（[^）]*）|\([^)]*\)/g;

/**
 * Text reduced to what wording comparisons care about: no punctuation or spaces, 你 read as 您 (the
 * documents require 您 when addressing a customer, and some write 你 in the same breath).
 */
export function normaliseWording(text: string): string {
  return text
    .normalize('NFKC')
    .replace(EDITOR_NOTE, '')
    .replace(/你/g, '您')
    .replace(/[\p{P}\p{S}\s]/gu, '');
}

/** The pieces of a line between its fill-in slots, normalised. */
export function wordingPieces(line: string): string[] {
  return line
    .split(FILL_IN)
    .map(normaliseWording)
    .filter((p) => p.length > 0);
}

/**
 * The first line whose fixed wording does not appear, in order, in the quote; undefined when every line
 * does. Fill-in slots may stand for anything (the quote's own slots are removed the same way).
 */
export function unmatchedLine(lines: readonly string[], quote: string): string | undefined {
  const text = wordingPieces(quote).join('');
  return lines.find((line) => {
    let from = 0;
    for (const piece of wordingPieces(line)) {
      const at = text.indexOf(piece, from);
      if (at < 0) return true;
      from = at + piece.length;
    }
    return false;
  });
}

const NUMBER = /(\d+(?:\.\d+)?)\s*(%|％|个?小时|分钟|个?工作日|天|日|周|次|分|元|秒|个月|月|名|人|个?步|项|条|张|类)?/g;

/** Numbers with their units as they appear ("1 小时" → "1小时"), for comparing a statement with its source. */
export function numbersIn(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(NUMBER)].map((m) => `${m[1]}${(m[2] ?? '').replace(/^个(?=[小工步])/, '')}`);
}

/** Numbers a statement makes that its source does not contain. */
export function unsupportedNumbers(statement: string, source: string): string[] {
  const known = new Set(numbersIn(source));
  return [...new Set(numbersIn(statement))].filter((n) => !known.has(n));
}

/**
 * Where a hotline name or number is typed by hand: the configured values themselves, or quoted wording
 * that names a 热线 without the placeholder. Returns the offending excerpt.
 */
/** Quoted speech that names a hotline (a greeting, a closing), as opposed to the name of a report item. */
const SPOKEN = /热线[^”"」]*[，。！？,.!?]|(?:致电|接通|欢迎|您好)[^”"」]*热线/;

export function hardCodedHotline(text: string, hotline: { name: string; number: string }): string | undefined {
  for (const literal of [hotline.name, hotline.number]) if (literal && text.includes(literal)) return literal;
  const marked = text.replace(/\{hotline\}|<Hotline\s*\/>/g, '◇');
  for (const m of marked.matchAll(/[“"「]([^”"」\n]*)[”"」]/g)) {
    const quoted = m[1] ?? '';
    if (SPOKEN.test(quoted) && !quoted.includes('◇')) return quoted;
  }
  return undefined;
}
