/**
 * Strings indexed by the first two UTF-16 units they start with, so text can be scanned once, each place
 * trying only the strings that can start there (the phrase checker and the judge's rubrics scan every
 * reply against hundreds of phrasings; most places start none of them).
 */
export class PrefixIndex<T> {
  readonly #pairs = new Map<number, Map<number, T[]>>();
  readonly #singles = new Map<number, T[]>();

  /** Adds a value under its key; values keep the order they were added in. Empty keys are ignored. */
  add(key: string, value: T): void {
    if (!key) return;
    const first = key.charCodeAt(0);
    if (key.length === 1) {
      push(this.#singles, first, value);
      return;
    }
    let byNext = this.#pairs.get(first);
    if (!byNext) this.#pairs.set(first, (byNext = new Map<number, T[]>()));
    push(byNext, key.charCodeAt(1), value);
  }

  get size(): number {
    return this.#pairs.size + this.#singles.size;
  }

  /** Values whose key is two or more units long and may start at `at` (its first two units match). */
  longAt(text: string, at: number): readonly T[] | undefined {
    return this.#pairs.get(text.charCodeAt(at))?.get(text.charCodeAt(at + 1));
  }

  /** Values whose key is the one unit at `at`. */
  shortAt(text: string, at: number): readonly T[] | undefined {
    return this.#singles.size ? this.#singles.get(text.charCodeAt(at)) : undefined;
  }
}

function push<T>(map: Map<number, T[]>, key: number, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
