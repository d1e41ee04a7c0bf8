import { describe, expect, it } from 'vitest';
import { acknowledge, changesSince, compareVersions } from '../../src/lib/progress/acknowledgments.ts';
import { parseProgressFile } from '../../src/lib/progress/export.ts';
import {
  LEGACY_LISTS,
  encodeRecord,
  planImport,
  planLegacyMigration,
  planRestore,
  readProgress,
  recordKey,
} from '../../src/lib/progress/record-store.ts';
import type { Entry, WritePlan } from '../../src/lib/progress/record-store.ts';
import { applyPlan } from '../../src/client/local-store.ts';
import { makeAttempt } from '../fixtures/progress-files.ts';
import {
  v1Acks,
  v1Attempt,
  v1BadAck,
  v1BadAttempt,
  v1ExportText,
  v1Learner,
  v1MonthlyAttempt,
} from '../fixtures/progress-v1.ts';

/** localStorage with a byte quota, throwing QuotaExceededError like a browser. */
class QuotaStorage implements Storage {
  map = new Map<string, string>();
  constructor(public quota = Infinity) {}
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  clear() {
    this.map.clear();
  }
  entries(): Entry[] {
    return [...this.map].map(([key, raw]) => ({ key, raw }));
  }
}

const apply = (s: QuotaStorage, plan: WritePlan) => applyPlan(plan, s);

describe('store format 1 (first release: one array per list)', () => {
  it('loads first-release attempts record by record, keeping their scores', () => {
    const read = readProgress([{ key: LEGACY_LISTS.attempt, raw: JSON.stringify([v1Attempt, v1MonthlyAttempt]) }]);
    expect(read.aside).toEqual([]);
    expect(read.attempts.map((a) => [a.examId, a.score, a.percent, a.passed, a.status])).toEqual([
      ['2026-11', 18, 50, false, 'graded'],
      ['certification', 31, 86.11, true, 'graded'],
    ]);
    expect(read.attempts[1]!.id).toMatch(/^v1:E1001:certification:5f3a9c01:/);
  });

  it('sets one bad attempt aside alone, with its reason; the others stay', () => {
    const read = readProgress([{ key: LEGACY_LISTS.attempt, raw: JSON.stringify([v1Attempt, v1BadAttempt]) }]);
    expect(read.attempts).toHaveLength(1);
    expect(read.aside).toHaveLength(1);
    expect(read.aside[0]!.reason).toMatch(/^考试记录格式不对（第 2 条：/);
    expect(JSON.parse(read.aside[0]!.raw)).toEqual(v1BadAttempt);
  });

  it('sets one malformed acknowledgment aside alone', () => {
    const read = readProgress([{ key: LEGACY_LISTS.ack, raw: JSON.stringify([...v1Acks, v1BadAck]) }]);
    expect(read.acks).toHaveLength(3);
    expect(read.aside.map((a) => a.reason)).toEqual([expect.stringContaining('阅读记录格式不对（第 4 条：version')]);
  });

  it('lists a list the first release set aside whole, and restoring it brings back its good records', () => {
    const raw = JSON.stringify([v1Attempt, v1BadAttempt]);
    const read = readProgress([{ key: `${LEGACY_LISTS.attempt}.corrupt.1763900000000`, raw }]);
    expect(read.attempts).toEqual([]);
    expect(read.aside).toMatchObject([{ wholeList: true, kind: 'attempt' }]);
    const plan = planRestore(read.aside[0]!, 1);
    expect(plan.ok && plan.value.restored).toBe(1);
    const s = new QuotaStorage();
    s.setItem(read.aside[0]!.key, raw);
    expect(apply(s, plan.ok ? plan.value : { set: [], remove: [] })).toEqual({ ok: true });
    const after = readProgress(s.entries());
    expect(after.attempts.map((a) => a.score)).toEqual([31]);
    expect(after.aside).toHaveLength(1);
    expect(after.aside[0]!.reason).toContain('考试记录格式不对');
  });

  it('migrates to one key per record, bad ones set aside alone, nothing lost', () => {
    const s = new QuotaStorage();
    s.setItem(LEGACY_LISTS.attempt, JSON.stringify([v1Attempt, v1BadAttempt, v1MonthlyAttempt]));
    s.setItem(LEGACY_LISTS.ack, JSON.stringify(v1Acks));
    const before = readProgress(s.entries());
    expect(apply(s, planLegacyMigration(s.entries()))).toEqual({ ok: true });
    expect(s.getItem(LEGACY_LISTS.attempt)).toBeNull();
    const after = readProgress(s.entries());
    expect(after.attempts).toEqual(before.attempts);
    expect(after.acks).toEqual(before.acks);
    expect(after.aside.map((a) => a.reason)).toEqual([expect.stringContaining('考试记录格式不对')]);
    expect(after.legacy).toEqual([]);
  });

  it('leaves the first-release list in place when the migration does not fit', () => {
    const raw = JSON.stringify([v1Attempt, v1MonthlyAttempt]);
    const s = new QuotaStorage(raw.length + 100);
    s.setItem(LEGACY_LISTS.attempt, raw);
    expect(apply(s, planLegacyMigration(s.entries()))).toEqual({ ok: false, reason: '浏览器存储空间已满' });
    expect(s.entries()).toEqual([{ key: LEGACY_LISTS.attempt, raw }]);
  });
});

describe('progress schema 1 exports (first release)', () => {
  it('load, with the checksum checked as written and scores kept', async () => {
    const parsed = await parseProgressFile(v1ExportText());
    expect(parsed.ok && parsed.checksumOk).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.schemaVersion).toBe(2);
    expect(parsed.file.learner).toEqual(v1Learner);
    expect(parsed.file.attempts.map((a) => a.score)).toEqual([31, 18]);
  });
});

describe('store format 2 (one key per record)', () => {
  const learner = { employeeId: 'E2001', name: '王五' };
  const attempt = makeAttempt(learner, 'certification', 'aa11', 30);

  it('reads each record alone; a broken or future record is set aside alone', () => {
    const ack = v1Acks[0]!;
    const read = readProgress([
      { key: recordKey('attempt', attempt), raw: encodeRecord(attempt) },
      { key: recordKey('ack', ack), raw: encodeRecord(ack) },
      { key: 'kb.attempt.x', raw: '{oops' },
      { key: 'kb.ack.y', raw: JSON.stringify({ format: 3, record: ack }) },
      { key: 'kb.ack.z', raw: encodeRecord({ ...ack, at: 'nope' }) },
      { key: 'unrelated', raw: '{}' },
    ]);
    expect(read.attempts).toEqual([attempt]);
    expect(read.acks).toEqual([ack]);
    expect(read.aside.map((a) => [a.key, a.reason])).toEqual([
      ['kb.attempt.x', '考试记录不是有效的 JSON'],
      ['kb.ack.y', '阅读记录由更新版本的网站保存（存储格式 3）'],
      ['kb.ack.z', '阅读记录格式不对（at）'],
    ]);
  });

  it('restores a set-aside record once it validates', () => {
    const item = {
      key: 'kb.attempt.aside.1.0',
      kind: 'attempt' as const,
      reason: 'x',
      raw: encodeRecord(v1Attempt),
      wholeList: false,
    };
    const plan = planRestore(item, 1);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.remove).toEqual(['kb.attempt.aside.1.0']);
    expect(plan.value.set[0]![0]).toMatch(/^kb\.attempt\.v1/);
    expect(planRestore({ ...item, raw: encodeRecord(v1BadAttempt) }, 1)).toMatchObject({ ok: false });
  });

  it('imports all or nothing: a full quota changes nothing and the counts say what was not saved', () => {
    const s = new QuotaStorage();
    for (const ack of v1Acks) s.setItem(recordKey('ack', ack), encodeRecord(ack));
    s.setItem('kb.ack.bad', encodeRecord(v1BadAck));
    const before = s.entries();
    s.quota = before.reduce((n, e) => n + e.key.length + e.raw.length, 0) + 200;
    const incoming = {
      attempts: [attempt, makeAttempt(learner, 'certification', 'bb22', 36)],
      acknowledgments: [v1Acks[0]!, { policyId: 'new', version: '1.0', at: '2026-11-24T08:00:00.000+08:00' }],
    };
    const plan = planImport(readProgress(before), incoming);
    expect([plan.attempts, plan.acks]).toEqual([2, 1]);
    expect(apply(s, plan)).toEqual({ ok: false, reason: '浏览器存储空间已满' });
    expect(s.entries()).toEqual(before);
    s.quota = Infinity;
    expect(apply(s, plan)).toEqual({ ok: true });
    const read = readProgress(s.entries());
    expect([read.attempts.length, read.acks.length, read.aside.length]).toEqual([2, 4, 1]);
    expect(planImport(read, incoming)).toMatchObject({ attempts: 0, acks: 0, set: [] });
  });
});

describe('acknowledgments and retakes', () => {
  it('keeps earlier acknowledged versions, never adds one twice, and writes the center’s offset', () => {
    const at = new Date('2026-11-23T23:30:00Z');
    const once = acknowledge([{ policyId: 'kpi', version: '1.0', at: '2026-09-01T08:00:00.000Z' }], 'kpi', '1.1', at);
    expect(once.map((a) => a.version)).toEqual(['1.0', '1.1']);
    expect(once[1]!.at).toBe('2026-11-24T07:30:00.000+08:00');
    expect(acknowledge(once, 'kpi', '1.1', at)).toEqual(once);
  });

  it('lists what changed since the acknowledged version', () => {
    const changes = [
      { version: '1.10', summary: 'c' },
      { version: '1.2', summary: 'b' },
      { version: '1.1', summary: 'a' },
    ];
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(changesSince(changes, '1.1').map((c) => c.summary)).toEqual(['c', 'b']);
    expect(changesSince(changes, '1.10')).toEqual([]);
  });
});

describe('practice completions on this device', () => {
  it('counts rounds per topic, keeps one record per topic, and refuses nothing else when full', async () => {
    const { recordPractice, practisedTopics } = await import('../../src/client/practice-store.ts');
    const s = new QuotaStorage();
    s.setItem(LEGACY_LISTS.ack, JSON.stringify(v1Acks));
    expect(recordPractice('confidentiality', 3, 5, s)).toEqual({ ok: true });
    expect(recordPractice('confidentiality', 5, 5, s)).toEqual({ ok: true });
    expect(recordPractice('complaints', 1, 5, s)).toEqual({ ok: true });
    const read = readProgress(s.entries());
    expect(read.practice.find((p) => p.topic === 'confidentiality')).toMatchObject({ rounds: 2, right: 5, total: 5 });
    expect(read.practice.find((p) => p.topic === 'confidentiality')!.at).toMatch(/\+08:00$/);
    expect([...practisedTopics(s)].sort()).toEqual(['complaints', 'confidentiality']);
    expect(read.acks).toHaveLength(3);
    s.quota = 0;
    expect(recordPractice('training', 1, 1, s)).toEqual({ ok: false, reason: '浏览器存储空间已满' });
    expect(practisedTopics(s).has('training')).toBe(false);
  });
});
