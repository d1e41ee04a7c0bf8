import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  buildProgressFile,
  mergeProgress,
  parseProgressFile,
  progressFileName,
  serializeProgress,
} from '../../src/lib/progress/export.ts';
import { ATTEMPT_CSV_HEADER, attemptsCsv, spreadsheetDateTime } from '../../src/lib/progress/csv.ts';
import { certificationStatus } from '../../src/lib/progress/certification.ts';
import { verificationCode } from '../fixtures/first-release-code.ts';
import { progressFileSchema } from '../../src/lib/progress/schema.ts';
import type { Acknowledgment, Attempt } from '../../src/lib/progress/schema.ts';
import type { GradedAttempt } from '../../src/lib/progress/attempts.ts';
import { sampleAttempt } from '../fixtures/sample-attempt.ts';

const learner = { employeeId: 'E1001', name: '张三' };

const isoArb = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
  .map((n) => new Date(n).toISOString());
const attemptArb: fc.Arbitrary<Attempt> = fc
  .record({
    examId: fc.constantFrom('certification', '2026-11', '2026-12'),
    seed: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 4, maxLength: 16 }),
    startedAt: isoArb,
    score: fc.integer({ min: 0, max: 36 }),
    passed: fc.boolean(),
    responses: fc.dictionary(
      fc.constantFrom('conf-001', 'lang-002', 'cmp-015', 'kpi-007'),
      fc.oneof(fc.constant(null), fc.boolean(), fc.nat({ max: 5 }), fc.array(fc.nat({ max: 5 }), { maxLength: 5 })),
    ),
  })
  .map((r) => ({
    id: `${r.examId}-${r.seed}-${r.startedAt}`,
    grading: 'instant' as const,
    status: 'graded' as const,
    simulations: [],
    examId: r.examId,
    examVersion: r.examId === 'certification' ? '2026.1' : r.examId,
    kind: r.examId === 'certification' ? ('certification' as const) : ('monthly' as const),
    seed: r.seed,
    learner,
    responses: r.responses,
    score: r.score,
    max: 36,
    percent: Math.round((r.score / 36) * 10000) / 100,
    passed: r.passed,
    topics: [{ topic: 'confidentiality', score: Math.min(r.score, 4), max: 4 }],
    startedAt: r.startedAt,
    finishedAt: new Date(Date.parse(r.startedAt) + 600_000).toISOString(),
  }));
const ackArb: fc.Arbitrary<Acknowledgment> = fc.record({
  policyId: fc.constantFrom('kpi', 'confidentiality', 'complaint-handling'),
  version: fc.constantFrom('1.0', '1.1'),
  at: isoArb,
});

describe('progress export and import', () => {
  it('export → import into an empty browser → export is byte-identical apart from exportedAt', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(attemptArb, { maxLength: 8 }),
        fc.array(ackArb, { maxLength: 6 }),
        async (attempts, acks) => {
          const uniqueAcks = [...new Map(acks.map((a) => [`${a.policyId}|${a.version}`, a])).values()];
          const first = serializeProgress(
            buildProgressFile(learner, attempts, uniqueAcks, new Date('2026-11-23T10:00:00Z')),
          );
          const parsed = await parseProgressFile(first);
          expect(parsed.ok && parsed.checksumOk).toBe(true);
          if (!parsed.ok) return;
          const restored = mergeProgress({ attempts: [], acknowledgments: [] }, parsed.file);
          const second = serializeProgress(
            buildProgressFile(learner, restored.attempts, restored.acknowledgments, new Date('2026-11-24T08:00:00Z')),
          );
          const withoutTime = (s: string) => s.replace(/"exportedAt": "[^"]+"/, '');
          expect(withoutTime(second)).toBe(withoutTime(first));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('importing the same file twice adds nothing the second time', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { minLength: 1, maxLength: 6 }), (attempts) => {
        const file = buildProgressFile(learner, attempts, [], new Date());
        const once = mergeProgress({ attempts: [], acknowledgments: [] }, file);
        const twice = mergeProgress(once, file);
        expect(twice.added.attempts).toBe(0);
        expect(twice.attempts).toEqual(once.attempts);
      }),
    );
  });

  it('rejects bad files with a reason that names the problem', async () => {
    const reasonOf = async (text: string) => {
      const parsed = await parseProgressFile(text);
      return parsed.ok ? undefined : parsed.reason;
    };
    expect(await reasonOf('{nope')).toContain('不是有效的 JSON');
    expect(await reasonOf('[]')).toContain('JSON 对象');
    expect(await reasonOf('{"schemaVersion":99}')).toContain('schemaVersion：99');
    const file = buildProgressFile(learner, [], [], new Date());
    const broken = { ...file, learner: { employeeId: '', name: '张三' } };
    expect(await reasonOf(JSON.stringify(broken))).toContain('learner.employeeId');
  });

  it('detects an edited file through its checksum', async () => {
    const file = buildProgressFile(
      learner,
      [],
      [{ policyId: 'kpi', version: '1.1', at: '2026-11-20T08:00:00.000Z' }],
      new Date(),
    );
    const edited = progressFileSchema.parse(JSON.parse(serializeProgress(file)));
    edited.acknowledgments[0]!.version = '9.9';
    const parsed = await parseProgressFile(JSON.stringify(edited));
    expect(parsed).toMatchObject({ ok: true, checksumOk: false });
  });

  it('names files by employee id and date, without unsafe characters', () => {
    expect(progressFileName('E1001', new Date('2026-11-23T10:00:00Z'))).toBe('progress-E1001-2026-11-23.json');
    // 23:30 UTC is already the 24th in the center.
    expect(progressFileName('E1001', new Date('2026-11-23T23:30:00Z'))).toBe('progress-E1001-2026-11-24.json');
    expect(progressFileName('../<x>', new Date('2026-11-23T10:00:00Z'), 'csv')).toBe('progress-____x_-2026-11-23.csv');
  });
});

const sample: GradedAttempt = {
  ...sampleAttempt,
  learner: { employeeId: '=HYPERLINK("http://x","y")', name: '+SUM(1)' },
};

describe('CSV for Excel', () => {
  it('starts with a BOM, has Chinese headers and one row per attempt', () => {
    const csv = attemptsCsv([sample, { ...sample, seed: 'b', learner: { employeeId: 'E2', name: '李四' } }], {
      certification: '最低技能认证',
    });
    expect(csv.startsWith('\ufeff工号,姓名,考试')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain('李四');
    expect(rows[2]).toContain('最低技能认证');
    expect(rows[2]).toContain('725');
  });

  it('escapes every formula prefix of text, and never a number', () => {
    for (const prefix of ['=', '+', '-', '@', '\t', '\r']) {
      const csv = attemptsCsv([{ ...sample, learner: { employeeId: `${prefix}cmd`, name: 'x' } }]);
      const cell = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data[1]![0]!;
      expect(cell.startsWith("'"), JSON.stringify(cell)).toBe(true);
    }
    const monthly = {
      ...sample,
      examId: '2026-11',
      kind: 'monthly' as const,
      score: 10,
      percent: 27.78,
      passed: false,
    };
    const row = Papa.parse<string[]>(attemptsCsv([monthly]).slice(1), { skipEmptyLines: true }).data[1]!;
    expect(row[ATTEMPT_CSV_HEADER.indexOf('月度考核影响')]).toBe('-10');
    expect(row[ATTEMPT_CSV_HEADER.indexOf('得分')]).toBe('10');
  });

  it('writes times as date cells in the center’s time zone', () => {
    const row = Papa.parse<string[]>(attemptsCsv([{ ...sample, finishedAt: '2026-11-23T23:30:00.000Z' }]).slice(1), {
      skipEmptyLines: true,
    }).data[1]!;
    expect(row[ATTEMPT_CSV_HEADER.indexOf('交卷时间')]).toBe('2026-11-24 07:30:00');
    expect(spreadsheetDateTime('2026-11-24T07:30:00.000+08:00')).toBe('2026-11-24 07:30:00');
  });

  it('shows 待评分 for an attempt a trainer has not graded, never 0', () => {
    const row = Papa.parse<string[]>(attemptsCsv([{ ...sample, status: 'submitted' }]).slice(1), {
      skipEmptyLines: true,
    }).data[1]!;
    for (const col of ['得分', '满分', '百分制', '是否通过'] as const) {
      expect(row[ATTEMPT_CSV_HEADER.indexOf(col)]).toBe('待评分');
    }
  });
});

describe('certification status and code', () => {
  it('is derived from the first passed attempt', () => {
    const failed = {
      ...sample,
      seed: 'f',
      passed: false,
      percent: 50,
      finishedAt: '2026-11-01T09:00:00.000Z',
      learner,
    };
    const passed = { ...sample, learner };
    const status = certificationStatus([passed, failed], 'E1001');
    expect(status).toMatchObject({ certified: true, bestPercent: 83.33, attempts: 2 });
    expect(status.attempt?.seed).toBe('abc123');
    expect(certificationStatus([failed], 'E1001').certified).toBe(false);
  });

  it('the first release’s code (which signed codes must refuse) changes with any certified fact', () => {
    const code = verificationCode(sample);
    expect(code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(verificationCode({ ...sample })).toBe(code);
    expect(verificationCode({ ...sample, score: 31 })).not.toBe(code);
  });
});
