import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonOrUndefined, parseJson } from '../../src/lib/json/parse-json.ts';

describe('parseJson: JSON text to unknown, never a throw', () => {
  it('gives back what JSON.stringify wrote, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        const expected: unknown = JSON.parse(text); // -0 comes back as 0
        expect(parseJson(text)).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('reports broken text with the parser’s first message line, not a throw', () => {
    for (const text of ['', '{', '{"a":1,}', 'undefined', "{'a':1}", '[1]\n[2]']) {
      const parsed = parseJson(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error).not.toBe('');
        expect(parsed.error).not.toContain('\n');
      }
    }
  });

  it('jsonOrUndefined gives up quietly on missing or broken text and keeps JSON null', () => {
    expect(jsonOrUndefined(null)).toBeUndefined();
    expect(jsonOrUndefined(undefined)).toBeUndefined();
    expect(jsonOrUndefined('')).toBeUndefined();
    expect(jsonOrUndefined('{"path":')).toBeUndefined();
    expect(jsonOrUndefined('null')).toBeNull();
    expect(jsonOrUndefined('{"path":["a"]}')).toEqual({ path: ['a'] });
  });
});
