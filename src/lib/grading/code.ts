/**
 * Crockford base32 for codes people type: no I, L, O or U; case, spaces and dashes ignored;
 * O read as 0 and I/L as 1. Printed in groups of five.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Typed text → bytes; the first character that is not part of the alphabet is reported. */
export function base32Decode(text: string): { ok: true; bytes: Uint8Array } | { ok: false; bad: string } {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const c of clean) {
    const v = VALUE.get(c);
    if (v === undefined) return { ok: false, bad: c };
    buffer = (buffer << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  // Leftover bits must be padding zeros: otherwise a changed last character would go unnoticed.
  if (bits >= 5 || buffer !== 0) return { ok: false, bad: clean.slice(-1) };
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** ABCDE-FGHIJ-… for printing. */
export function groupCode(code: string, size = 5): string {
  return code.match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? '';
}
