import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, progressChecksum } from '../../src/lib/progress/export.ts';

/** The definition canonicalJson must keep, written the plain way: keys sorted at every level, undefined left out. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((x) => String(reference(x))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .sort()
    .filter((k) => record[k] !== undefined);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(',')}}`;
}

/** The same data with every object's keys inserted in reverse sorted order. */
function reversedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(reversedKeys);
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(record).sort().reverse())
    Object.defineProperty(out, k, { value: reversedKeys(record[k]), enumerable: true, writable: true });
  return out;
}

const keyArb = fc.oneof(fc.string(), fc.constantFrom('1', '10', '9', '__proto__', 'toJSON', 'a', 'B', 'é', '工号'));
const jsonArb = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(keyArb, tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('canonicalJson', () => {
  it('writes the keys of every object in sorted order, whatever order they were inserted in', () => {
    fc.assert(
      fc.property(jsonArb, (v) => {
        const sorted = JSON.parse(reference(v)) as unknown;
        expect(canonicalJson(v)).toBe(reference(v));
        expect(canonicalJson(reversedKeys(v))).toBe(reference(v));
        // Already-sorted parsed data (a parsed export) gives the same bytes too.
        expect(canonicalJson(sorted)).toBe(reference(v));
      }),
      { numRuns: 500 },
    );
  });

  it('treats what JSON.stringify would treat differently as data: undefined, Dates, toJSON, boxed values', () => {
    const at = new Date('2026-11-23T00:00:00Z');
    const cases: unknown[] = [
      { b: 1, a: undefined },
      [1, undefined, 2],
      { at },
      { a: { toJSON: () => 'x' } },
      Object.assign([1, 2], { toJSON: () => 'x' }),
      { s: new String('ab') },
      { n: Number.NaN, z: -0 },
      Object.assign(Object.create(null) as object, { b: 2, a: 1 }),
    ];
    for (const v of cases) expect(canonicalJson(v)).toBe(reference(v));
  });

  it('the checksum of a file does not depend on the order its fields come in', () => {
    const file = {
      schemaVersion: 2 as const,
      learner: { name: '张三', employeeId: 'E1001' },
      attempts: [],
      acknowledgments: [{ version: '1.0', policyId: 'kpi', at: '2026-11-01T00:00:00.000Z' }],
    };
    const parsed = JSON.parse(reference(file)) as typeof file;
    expect(progressChecksum(parsed)).toBe(progressChecksum(file));
  });
});
