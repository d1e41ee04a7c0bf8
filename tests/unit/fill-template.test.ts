import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fillTemplate } from '../../src/i18n/format.ts';

describe('fillTemplate', () => {
  it('fills every slot, leaves an unknown one visible and other braces alone', () => {
    expect(
      fillTemplate('距上次交卷（{last}）不到 {hours} 小时（须间隔 {hours} 小时）', { last: 'a1', hours: 48 }),
    ).toBe('距上次交卷（a1）不到 48 小时（须间隔 48 小时）');
    expect(fillTemplate('{n} 份文件，{missing}', { n: 2 })).toBe('2 份文件，{missing}');
    expect(fillTemplate('{ 不是槽 } {}', { 不是槽: 'x' })).toBe('{ 不是槽 } {}');
  });

  it('property: the same template filled twice with different values gives each its own text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(fillTemplate('《{a}》', { a })).toBe(`《${a}》`);
        expect(fillTemplate('《{a}》', { a: b })).toBe(`《${b}》`);
      }),
    );
  });
});
