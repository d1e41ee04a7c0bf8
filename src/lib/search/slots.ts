/**
 * Blanks in a line the agent must fill before saying or sending it: `……` (the center's documents
 * write a blank this way), `××` (a name or staff number) and any `{…}` placeholder left unfilled.
 */
const SLOT = /……|…|××|\{[^{}]*\}/g;

export type SlotPart = { text: string } | { slot: number; hint: string };

/** The text cut into literal runs and numbered blanks, in order. */
export function slotParts(text: string): SlotPart[] {
  const parts: SlotPart[] = [];
  let at = 0;
  let n = 0;
  for (const m of text.matchAll(SLOT)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ slot: n++, hint: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

export function slotCount(text: string): number {
  return slotParts(text).filter((p) => 'slot' in p).length;
}

/** The text with each blank replaced by its value; a blank left empty keeps its mark, so nothing vanishes. */
export function fillSlots(text: string, values: readonly string[]): string {
  return slotParts(text)
    .map((p) => ('slot' in p ? values[p.slot]?.trim() || p.hint : p.text))
    .join('');
}
