import { describe, expect, it } from 'vitest';
import { acknowledge, parseAcknowledgments } from '../../src/lib/progress/acknowledgments.ts';
import { canStart, parseAttempts } from '../../src/lib/progress/attempts.ts';

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

  it('applies the retake rules: certification until passed, a monthly exam once', () => {
    const learner = { employeeId: 'E1', name: '张三' };
    const attempt = (examId: string, passed: boolean) =>
      ({ examId, passed, learner }) as unknown as Parameters<typeof canStart>[1][number];
    expect(canStart({ id: 'certification', retake: 'until-passed' }, [attempt('certification', false)], 'E1')).toEqual({
      ok: true,
    });
    expect(canStart({ id: 'certification', retake: 'until-passed' }, [attempt('certification', true)], 'E1')).toEqual({
      ok: false,
      reason: 'passed',
    });
    expect(canStart({ id: '2026-11', retake: 'none' }, [attempt('2026-11', false)], 'E1')).toEqual({
      ok: false,
      reason: 'taken',
    });
    expect(canStart({ id: '2026-11', retake: 'none' }, [attempt('2026-11', false)], 'E2')).toEqual({ ok: true });
  });
});
