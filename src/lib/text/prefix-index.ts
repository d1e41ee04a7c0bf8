/**
 * Strings indexed by the first two UTF-16 units they start with, so text can be scanned once, each place
 * trying only the strings that can start there (the phrase checker and the judge's rubrics scan every
 * reply against hundreds of phrasings; most places start none of them).
 */
export class PrefixIndex<T> {
  readonly #pairs = new Map<number, Map<number, T[]>>();
  readonly #singles = new Map<number, T[]>();
  // Which units start a key (one bit each): most places in a text start none, and a bit test is cheaper than a lookup.
  readonly #startsLong = new Uint32Array(2048);
  readonly #startsShort = new Uint32Array(2048);

  /** Adds a value under its key; values keep the order they were added in. Empty keys are ignored. */
  add(key: string, value: T): void {
    if (!key) return;
    const first = key.charCodeAt(0);
    if (key.length === 1) {
      setBit(this.#startsShort, first);
      push(this.#singles, first, value);
      return;
    }
    setBit(this.#startsLong, first);
    let byNext = this.#pairs.get(first);
    if (!byNext) this.#pairs.set(first, (byNext = new Map<number, T[]>()));
    push(byNext, key.charCodeAt(1), value);
  }

  get size(): number {
    return this.#pairs.size + this.#singles.size;
  }

  /** Values whose key is two or more units long and may start at `at` (its first two units match). */
  longAt(text: string, at: number): readonly T[] | undefined {
    const first = text.charCodeAt(at);
    if (!hasBit(this.#startsLong, first)) return undefined;
    return this.#pairs.get(first)?.get(text.charCodeAt(at + 1));
  }

  /** Values whose key is the one unit at `at`. */
  shortAt(text: string, at: number): readonly T[] | undefined {
    const first = text.charCodeAt(at);
    return hasBit(this.#startsShort, first) ? this.#singles.get(first) : undefined;
  }
}

function push<T>(map: Map<number, T[]>, key: number, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const setBit = (bits: Uint32Array, unit: number) => (bits[unit >>> 5]! |= 1 << (unit & 31));
const hasBit = (bits: Uint32Array, unit: number) => (bits[unit >>> 5]! & (1 << (unit & 31))) !== 0;
