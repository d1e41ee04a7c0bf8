import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { practiceTopicsByPolicy, studyProgress } from '../../src/lib/study/path.ts';

describe('study path', () => {
  it('links a policy to the practice topics whose practice questions cite it, most-cited first', () => {
    const map = practiceTopicsByPolicy([
      { topic: 'a', title: 'A', questions: [{ ref: 'kpi#x' }, { ref: 'kpi#y' }, { ref: 'conf#z', pool: 'exam' }] },
      { topic: 'b', title: 'B', questions: [{ ref: 'kpi#x', pool: 'practice' }, { ref: 'conf#z' }] },
    ]);
    expect(map.get('kpi')).toEqual([
      { topic: 'a', title: 'A', questions: 2 },
      { topic: 'b', title: 'B', questions: 1 },
    ]);
    // Exam-pool questions never send a learner to a practice page.
    expect(map.get('conf')).toEqual([{ topic: 'b', title: 'B', questions: 1 }]);
  });

  it('gives every practice topic it names a real bank, and every linked policy exists', () => {
    const content = loadContent();
    const map = practiceTopicsByPolicy(content.banks.map((b) => b.data));
    const topics = new Set(content.banks.map((b) => b.data.topic));
    const policies = new Set(content.policies.map((p) => p.id));
    expect(map.size).toBeGreaterThan(0);
    for (const [policyId, links] of map) {
      expect(policies.has(policyId), policyId).toBe(true);
      for (const l of links) expect(topics.has(l.topic)).toBe(true);
    }
  }, 30_000);

  it('ticks a policy only for its current version and a topic once practised', () => {
    const progress = studyProgress(
      [
        { id: 'kpi', version: '1.2' },
        { id: 'conf', version: '1.0' },
      ],
      ['a', 'b'],
      (id, version) => id === 'kpi' && version === '1.1',
      new Set(['b']),
    );
    expect(progress.policies.map((p) => p.done)).toEqual([false, false]);
    expect(progress.topics.map((t) => t.done)).toEqual([false, true]);
    expect([progress.done, progress.total]).toEqual([1, 4]);
  });
});
