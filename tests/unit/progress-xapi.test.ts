import validate from '@learninglocker/xapi-validation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptRegistration, attemptStatements, isoDuration, stableUuid } from '../../src/lib/progress/xapi.ts';
import type { XapiSite } from '../../src/lib/progress/xapi.ts';
import type { Attempt } from '../../src/lib/progress/schema.ts';
import { sampleAttempt } from '../fixtures/sample-attempt.ts';

const site: XapiSite = { url: 'https://kb.example.cn/', name: '和信客服知识库', locale: 'zh-CN' };

const sample: Attempt = sampleAttempt;

const expectValid = (statements: unknown[]) => {
  for (const s of statements) expect(validate(s), JSON.stringify(s, null, 2)).toEqual([]);
};

describe('xAPI statements', () => {
  const statements = attemptStatements([sample], site, { certification: '最低技能认证' });

  it('emits completed and passed with an account actor, scaled score and ISO duration', () => {
    expect(statements.map((s) => s.verb.id)).toEqual([
      'http://adlnet.gov/expapi/verbs/completed',
      'http://adlnet.gov/expapi/verbs/passed',
    ]);
    const s = statements[1]!;
    expect(s.actor).toEqual({
      objectType: 'Agent',
      name: '张三',
      account: { homePage: 'https://kb.example.cn', name: 'E1001' },
    });
    expect(s.result).toEqual({
      score: { scaled: 0.8333, raw: 30, min: 0, max: 36 },
      success: true,
      completion: true,
      duration: 'PT12M5S',
    });
    expect(s.timestamp).toBe('2026-11-23T17:12:05.000+08:00');
    expect(Date.parse(s.timestamp)).toBe(Date.parse(sample.finishedAt));
    expect(s.object.id).toBe('https://kb.example.cn/exams/certification/');
    expect(s.version).toBe('1.0.3');
    expectValid(statements);
  });

  it('ties the statements of one attempt together and names the exam, the site, platform and language', () => {
    const other = attemptStatements([{ ...sample, id: 'a2' }], site);
    for (const s of statements) {
      expect(s.context.registration).toBe(attemptRegistration(sample));
      expect(s.context.platform).toBe('和信客服知识库');
      expect(s.context.language).toBe('zh-CN');
      expect(s.context.contextActivities.grouping.map((a) => a.id)).toEqual([
        'https://kb.example.cn/exams/certification/',
        'https://kb.example.cn/',
      ]);
    }
    expect(other[0]!.context.registration).not.toBe(statements[0]!.context.registration);
    // Same exam, seed and start time but another attempt: ids still differ.
    const ids = new Set([...statements, ...other].map((s) => s.id));
    expect(ids.size).toBe(4);
  });

  it('exports an attempt waiting for a trainer as completed, without a score or success', () => {
    const pending = attemptStatements([{ ...sample, status: 'submitted', grading: 'trainer' }], site);
    expect(pending.map((s) => s.verb.id)).toEqual(['http://adlnet.gov/expapi/verbs/completed']);
    expect(pending[0]!.result).toEqual({ completion: true, duration: 'PT12M5S' });
    expectValid(pending);
  });

  it('stays valid for odd data: RFC 1123 times, empty titles, odd ids, scores out of range, odd locale', () => {
    const odd: Attempt[] = [
      {
        ...sample,
        id: 'odd-1',
        finishedAt: 'Tue, 24 Nov 2026 07:30:00 GMT',
        startedAt: 'Tue, 24 Nov 2026 07:00:00 GMT',
      },
      { ...sample, id: 'odd-2', examId: '月考 #1 ?&', score: 40, max: 36 },
      { ...sample, id: 'odd-3', max: 0, score: 0, percent: 0, passed: false, finishedAt: sample.startedAt },
      { ...sample, id: 'odd-4', learner: { employeeId: ' ', name: '\u0000<b>x</b>' }, startedAt: 'not a time' },
      { ...sample, id: 'odd-5', kind: 'monthly', examId: '2026-11', percent: 100, score: 36 },
      { ...sample, id: 'odd-6', status: 'submitted' },
    ];
    const titles = { certification: '', '2026-11': { zh: 'x' } as unknown as string };
    expectValid(attemptStatements(odd, site, titles));
    expectValid(attemptStatements(odd, { url: 'https://kb.example.cn', name: '', locale: 'zh_CN!' }, titles));
    const rfc = attemptStatements([odd[0]!], site)[0]!;
    expect(rfc.timestamp).toBe('2026-11-24T15:30:00.000+08:00');
  });

  it('every statement of any attempt passes Learning Locker’s validator', () => {
    const text = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.record({
          id: fc.string({ minLength: 1, maxLength: 20 }),
          examId: fc.string({ minLength: 1, maxLength: 12 }),
          name: fc.string({ minLength: 1, maxLength: 8 }),
          title: text,
          score: fc.integer({ min: 0, max: 50 }),
          max: fc.integer({ min: 0, max: 50 }),
          passed: fc.boolean(),
          submitted: fc.boolean(),
          start: fc.integer({ min: 0, max: 4e12 }),
          length: fc.integer({ min: -1e6, max: 1e7 }),
        }),
        (r) => {
          const a: Attempt = {
            ...sample,
            id: r.id,
            examId: r.examId,
            learner: { employeeId: r.id, name: r.name },
            score: r.score,
            max: r.max,
            percent: r.max ? Math.min(100, (r.score / r.max) * 100) : 0,
            passed: r.passed,
            status: r.submitted ? 'submitted' : 'graded',
            startedAt: new Date(r.start).toISOString(),
            finishedAt: new Date(r.start + r.length).toISOString(),
          };
          expectValid(attemptStatements([a], site, { [r.examId]: r.title }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is checked by a validator that rejects what the first release wrote from edge data', () => {
    const [good] = attemptStatements([sample], site);
    const paths = (s: unknown) => validate(s).map((w) => (w as { path: string[] }).path.join('.'));
    expect(paths({ ...good, timestamp: 'Tue, 24 Nov 2026 07:30:00 GMT' })).toContain('statement.timestamp');
    const emptyName = { ...good!.object, definition: { ...good!.object.definition, name: { 'zh-CN': {} } } };
    expect(paths({ ...good, object: emptyName })).toContain('statement.object.definition.name.zh-CN');
  });

  it('uses stable, well-formed UUIDs and ISO durations', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const s of statements) expect(s.id).toMatch(uuid);
    expect(statements[0]!.context.registration).toMatch(uuid);
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3600)).toBe('PT1H');
    expect(isoDuration(3725)).toBe('PT1H2M5S');
  });
});
