/**
 * Cheap typo tests for the palette's last tier, linear in the key length: one slip of the finger in
 * pinyin (a letter swapped with its neighbour, dropped, doubled or wrong) or one wrong character in a
 * Chinese key of three or more characters (情绪激东 → 情绪激动).
 */

/** True when `a` and `b` differ by exactly one edit (substitution, insertion, deletion or adjacent swap). */
export function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A typed pinyin word that is one slip away from the start of a key (wushengdainhua → wushengdianhua). */
export function nearPrefix(term: string, key: string): boolean {
  // A slip on the first letter is rare, and checking it first keeps this tier cheap.
  if (term.length < 4 || key.length < term.length - 1 || key[0] !== term[0]) return false;
  for (const len of [term.length, term.length - 1, term.length + 1]) {
    if (len <= key.length && oneEdit(term, key.slice(0, len))) return true;
  }
  return false;
}

/** A Chinese key with one character different from the query, same length, three or more characters. */
export function oneCharOff(term: string, key: string): boolean {
  if (term.length < 3 || term.length !== key.length || key[0] !== term[0]) return false;
  let diff = 0;
  for (let i = 0; i < term.length; i++) if (term[i] !== key[i] && ++diff > 1) return false;
  return diff === 1;
}
