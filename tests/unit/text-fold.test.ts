import { describe, expect, it } from 'vitest';
import { foldText, isPlain } from '../../src/lib/text/fold.ts';
import { normalise } from '../../src/lib/simulation/normalise.ts';

describe('foldText', () => {
  const upper = (c: string) => (c === ' ' ? '' : c.toUpperCase());

  it('copies kept runs whole and folds the rest, each folded unit pointing back at its character', () => {
    const f = foldText('您好 ok！', (code) => isPlain(code) && code !== 0x6f, upper);
    expect(f.text).toBe('您好Ok！');
    expect(f.at).toEqual([0, 1, 3, 4, 5]);
    expect(f.end).toEqual([1, 2, 4, 5, 6]);
  });

  it('keeps one offset per folded unit, also for characters outside the basic plane', () => {
    const f = foldText('a𠀀b', isPlain, (c) => c);
    expect(f.text.length).toBe(f.at.length);
    expect(f.at).toEqual([0, 1, 1, 3]);
    expect(f.end).toEqual([1, 3, 3, 4]);
  });

  it('normalised replies map every kept character back to where it was typed', () => {
    const reply = '您好，ＯＫ，其它𠀀问题';
    const n = normalise(reply);
    expect(n.text).toBe('您好ok其他𠀀问题');
    expect(n.at.length).toBe(n.text.length);
    expect(reply.slice(n.at[2], n.end[3])).toBe('ＯＫ');
  });
});
