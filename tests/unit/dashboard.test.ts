import { describe, expect, it } from 'vitest';
import { progressChecksum } from '../../src/lib/progress/export.ts';
import { ctx, exportText, makeAttempt } from '../fixtures/progress-files.ts';
import {
  addFile,
  emptyDashboard,
  itemAnalysis,
  rejectFile,
  rosterRows,
  sizeProblem,
} from '../../src/lib/progress/dashboard.ts';
import type { Attempt } from '../../src/lib/progress/schema.ts';

const attempt = (employeeId: string, name: string, examId: string, seed: string, right: number): Attempt =>
  makeAttempt({ employeeId, name }, examId, seed, right);
const fileOf = (attempts: Attempt[], acks: { policyId: string; version: string; at: string }[] = []) =>
  exportText(attempts[0]!.learner, attempts, acks);

describe('trainer dashboard', () => {
  it('re-scores exported attempts and builds the roster', () => {
    const state = emptyDashboard();
    addFile(
      state,
      'a.json',
      fileOf(
        [attempt('E1', '张三', 'certification', 's1', 36), attempt('E1', '张三', '2026-11', 'm1', 24)],
        [{ policyId: 'confidentiality', version: '1.1', at: '2026-11-21T08:00:00.000Z' }],
      ),
      ctx,
    );
    addFile(state, 'b.json', fileOf([attempt('E2', '李四', '2026-11', 'm2', 10)]), ctx);
    expect(state.rejected).toEqual([]);
    expect(state.flags).toEqual([]);
    const rows = rosterRows(state, '2026-11', [
      { policyId: 'confidentiality', version: '1.1', title: '保密制度' },
      { policyId: 'kpi', version: '1.1', title: '服务质量指标' },
    ]);
    expect(
      rows.map((r) => [r.employeeId, r.bestCertificationPercent, r.monthPercent, r.monthEffect, r.unread]),
    ).toEqual([
      ['E1', 100, 100, 5, ['服务质量指标']],
      ['E2', undefined, 41.67, -10, ['保密制度', '服务质量指标']],
    ]);
    // The fixture finishes every attempt 25 minutes after it starts.
    expect(rows[0]!.certifiedAt).toBe('2026-11-20T09:25:00.000Z');
    expect(rows[0]!.certificateCode).toMatch(/^[0-9A-F]{4}-/);
  });

  it('flags an edited score side by side and an edited file by its checksum', () => {
    const state = emptyDashboard();
    const honest = attempt('E3', '王五', 'certification', 's3', 20);
    const edited = JSON.parse(fileOf([honest]));
    edited.attempts[0].score = 36;
    edited.attempts[0].passed = true;
    addFile(state, 'edited.json', JSON.stringify(edited), ctx);
    const kinds = state.flags.map((f) => f.kind).sort();
    expect(kinds).toEqual(['checksum', 'score']);
    const score = state.flags.find((f) => f.kind === 'score')!;
    expect(score.stored).toEqual({ score: 36, passed: true });
    expect(score.rescored).toEqual({ score: 20, passed: false });
    // The roster trusts the re-score, not the edited number.
    expect(rosterRows(state, '2026-11', [])[0]!.certifiedAt).toBeUndefined();
  });

  it('flags an edit that kept the checksum consistent, by re-scoring alone', () => {
    const state = emptyDashboard();
    const file = JSON.parse(fileOf([attempt('E4', '赵六', 'certification', 's4', 10)]));
    file.attempts[0].score = 30;
    file.checksum = progressChecksum(file);
    addFile(state, 'resigned.json', JSON.stringify(file), ctx);
    expect(state.flags.map((f) => f.kind)).toEqual(['score']);
  });

  it('lists bad files with their reason and keeps going', () => {
    const state = emptyDashboard();
    addFile(state, 'broken.json', '{oops', ctx);
    addFile(state, 'v99.json', JSON.stringify({ schemaVersion: 99 }), ctx);
    rejectFile(state, 'huge.json', sizeProblem(20 * 1024 * 1024)!);
    addFile(state, 'ok.json', fileOf([attempt('E5', '<script>alert(1)</script>', 'certification', 's5', 36)]), ctx);
    expect(state.filesSeen).toBe(4);
    expect(state.rejected.map((r) => r.file)).toEqual(['broken.json', 'v99.json', 'huge.json']);
    expect(state.rejected[1]!.reason).toContain('schemaVersion');
    expect(state.rejected[2]!.reason).toContain('20.0 MB');
    expect(rosterRows(state, '2026-11', [])[0]!.name).toBe('<script>alert(1)</script>');
  });

  it('merges duplicate learners without counting an attempt twice', () => {
    const state = emptyDashboard();
    const a = attempt('E6', '钱七', 'certification', 's6', 30);
    addFile(state, 'one.json', fileOf([a]), ctx);
    addFile(state, 'two.json', fileOf([a, attempt('E6', '钱七', '2026-11', 'm6', 20)]), ctx);
    const record = state.learners.get('E6')!;
    expect(record.attempts).toHaveLength(2);
    expect(record.files).toEqual(['one.json', 'two.json']);
    expect(state.flags.map((f) => f.kind)).toEqual(['duplicate']);
  });

  it('computes the most-missed questions and per-topic rates', () => {
    const state = emptyDashboard();
    addFile(state, 'a.json', fileOf([attempt('E7', 'A', 'certification', 's7', 18)]), ctx);
    addFile(state, 'b.json', fileOf([attempt('E8', 'B', 'certification', 's7', 30)]), ctx);
    const analysis = itemAnalysis(state);
    expect(analysis.questions).toHaveLength(36);
    expect(analysis.questions[0]!.rate).toBe(0);
    expect(analysis.questions.at(-1)!.rate).toBe(1);
    const answered = analysis.topics.reduce((n, t) => n + t.answered, 0);
    expect(answered).toBe(72);
  });
});
