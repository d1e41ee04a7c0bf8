import { describe, expect, it } from 'vitest';
import { acknowledge, parseAcknowledgments } from '../../src/lib/progress/acknowledgments.ts';
import { parseAttempts } from '../../src/lib/progress/attempts.ts';

describe('stored progress lists', () => {
  it('reads an empty store as no records', () => {
    expect(parseAttempts(null)).toEqual({ ok: true, value: [] });
    expect(parseAcknowledgments('')).toEqual({ ok: true, value: [] });
  });

  it('reports unreadable JSON and names the first bad field', () => {
    expect(parseAcknowledgments('{not json')).toEqual({ ok: false, reason: '阅读记录不是有效的 JSON' });
    expect(parseAcknowledgments('[{"policyId":"kpi","version":"1.1","at":"yesterday"}]')).toEqual({
      ok: false,
      reason: '阅读记录格式不对（[0].at）',
    });
    expect(parseAttempts('{"a":1}')).toEqual({ ok: false, reason: '考试记录格式不对（整体）' });
  });

  it('keeps earlier acknowledged versions and never adds one twice', () => {
    const at = new Date('2026-11-20T08:00:00Z');
    const once = acknowledge([{ policyId: 'kpi', version: '1.0', at: '2026-09-01T08:00:00.000Z' }], 'kpi', '1.1', at);
    expect(once.map((a) => a.version)).toEqual(['1.0', '1.1']);
    expect(acknowledge(once, 'kpi', '1.1', at)).toEqual(once);
    const parsed = parseAcknowledgments(JSON.stringify(once));
    expect(parsed.ok && parsed.value).toEqual(once);
  });
});
