/**
 * Text folded character by character for matching (the phrase checker's drafts, the judge's replies), each
 * folded UTF-16 unit remembering where it came from, so a match can be shown where the person typed it.
 */
export interface Folded {
  text: string;
  /** at[i]: offset in the original text of folded unit i. */
  at: number[];
  /** end[i]: offset just after its character in the original text. */
  end: number[];
}

/** CJK unified ideographs, ASCII digits and lower-case letters: unchanged by NFKC and lower-casing, never ignorable. */
export const isPlain = (code: number) =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);

/**
 * `kept(code)`: this code unit folds to itself (runs of them are copied whole: most of a Chinese reply);
 * `form(c)`: what any other character becomes ('' drops it).
 */
export function foldText(input: string, kept: (code: number) => boolean, form: (c: string) => string): Folded {
  let text = '';
  const at: number[] = [];
  const end: number[] = [];
  let run = 0;
  for (let i = 0; i < input.length;) {
    const code = input.charCodeAt(i);
    if (kept(code)) {
      at.push(i);
      end.push(++i);
      continue;
    }
    text += input.slice(run, i);
    const c = String.fromCodePoint(input.codePointAt(i)!);
    const from = i;
    i += c.length;
    run = i;
    const f = form(c);
    text += f;
    for (let k = 0; k < f.length; k++) {
      at.push(from);
      end.push(i);
    }
  }
  return { text: text + input.slice(run), at, end };
}

/** A per-character form worked out once (NFKC per character is slow), for at most `size` characters. */
export function cachedForm(work: (c: string) => string, size = 10_000): (c: string) => string {
  const forms = new Map<string, string>();
  return (c) => {
    let f = forms.get(c);
    if (f === undefined) {
      f = work(c);
      if (forms.size < size) forms.set(c, f);
    }
    return f;
  };
}
