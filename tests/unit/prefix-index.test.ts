import { describe, expect, it } from 'vitest';
import { PrefixIndex } from '../../src/lib/text/prefix-index.ts';

describe('PrefixIndex', () => {
  const index = new PrefixIndex<string>();
  for (const key of ['您好', '您稍等', '您', '请问', '']) index.add(key, key);

  it('offers at a place only the keys whose first two units start there, in the order added', () => {
    expect(index.longAt('请问您稍等', 2)).toEqual(['您稍等']);
    expect(index.longAt('您好', 0)).toEqual(['您好']);
    expect(index.longAt('请问', 0)).toEqual(['请问']);
    expect(index.longAt('问', 0)).toBeUndefined();
  });

  it('keeps one-unit keys apart, and reads nothing past the end of the text', () => {
    expect(index.shortAt('请您', 1)).toEqual(['您']);
    expect(index.longAt('请您', 1)).toBeUndefined();
    expect(index.shortAt('请', 0)).toBeUndefined();
  });

  it('ignores empty keys', () => {
    const empty = new PrefixIndex<string>();
    empty.add('', 'x');
    expect(empty.size).toBe(0);
  });
});
