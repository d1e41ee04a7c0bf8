import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJudgeContext, judgeChoice, judgeReply, judgeSimulation } from '../../src/lib/simulation/judge.ts';
import { normalise } from '../../src/lib/simulation/normalise.ts';
import { prepareSimulation } from '../../src/lib/simulation/prepare.ts';
import { publicSimulation } from '../../src/lib/simulation/public.ts';
import { simulationSchema } from '../../src/lib/simulation/schema.ts';
import type { ChooseTurn, ReplyTurn } from '../../src/lib/simulation/schema.ts';
import { placeholderValues } from '../../src/site.config.ts';

const ctx = createJudgeContext([
  { id: 'bu-zhi-dao', phrase: '不知道', variants: ['不晓得'], instead: ['请稍等，正在为您查询。'], why: '不专业' },
  { id: 'wo-bao-zheng', phrase: '我保证', variants: ['肯定没问题'], instead: ['我会详细帮您记录。'] },
]);

const sim = prepareSimulation(
  simulationSchema.parse({
    id: 'demo',
    title: '客户嫌查询慢',
    topic: 'service-language',
    refs: ['service-language#chang-jing-biao-zhun-yong-yu'],
    situation: '客户在{hotline}等查询。',
    forbidden: [
      {
        id: 'promise',
        label: '随意承诺',
        match: ['一定'],
        except: ['一定时间'],
        why: '不轻易承诺',
        instead: '我会尽快为您查询。',
      },
    ],
    turns: [
      { id: 'c1', says: '怎么这么慢？', mood: 'anxious' },
      {
        id: 'r1',
        task: '回应客户',
        reply: {
          elements: [
            { id: 'sorry', label: '致歉', accept: ['对不起', '抱歉'], ref: 'a#b', critical: true },
            { id: 'wait', label: '让您久等了', accept: ['让您久等'], ref: 'a#b' },
            { id: 'speed', label: '尽快查询', accept: ['尽快…查询'], points: 2, ref: 'a#b', critical: true },
          ],
          forbidden: [
            { id: 'blame', label: '推给系统', match: ['系统太慢'], why: '推卸', instead: '对不起，让您久等了。' },
          ],
          order: [{ before: 'sorry', after: 'speed', why: '先致歉再说明' }],
          maxLength: 40,
          model: { text: '对不起，让您久等了，我将尽快为您查询。', source: { kind: 'example', rule: 'a#b' } },
          bad: [
            { text: '系统太慢了。', why: '推卸' },
            { text: '等着。', why: '生硬' },
          ],
        },
        branches: [{ missed: 'sorry', to: 'c2-angry' }],
        next: 'q1',
      },
      { id: 'c2-angry', says: '连句对不起都没有！', mood: 'angry' },
      {
        id: 'r2',
        task: '致歉',
        reply: {
          elements: [{ id: 'sorry', label: '致歉', accept: ['对不起', '抱歉'], ref: 'a#b', critical: true }],
          model: { text: '对不起。', source: { kind: 'example', rule: 'a#b' } },
          bad: [
            { text: '嗯。', why: '敷衍' },
            { text: '好。', why: '敷衍' },
          ],
        },
      },
      {
        id: 'q1',
        task: '等多久？',
        choose: { options: ['5 秒', '20 秒'], key: 1, critical: true, why: '20 秒', ref: 'a#b' },
      },
    ],
  }),
  placeholderValues,
);
const r1 = sim.turns[1] as ReplyTurn;
const q1 = sim.turns[4] as ChooseTurn;
const judge = (reply: string) => judgeReply(r1, reply, ctx, sim.passMark);

describe('normalise', () => {
  it('folds full width, drops spaces and punctuation and keeps offsets into the original', () => {
    const n = normalise('ＯＫ， 对 不起！');
    expect(n.text).toBe('ok对不起');
    expect(n.at).toEqual([0, 1, 4, 6, 7]);
  });
  it('reads 你 as 您 only when asked', () => {
    expect(normalise('你好').text).toBe('你好');
    expect(normalise('你好', true).text).toBe('您好');
  });
});

describe('judgeReply', () => {
  it('gives full marks to the model answer and lists every element met', () => {
    const j = judge('对不起，让您久等了，我将尽快为您查询。');
    expect(j).toMatchObject({ score: 4, max: 4, percent: 100, passed: true, missed: [], forbidden: [] });
    expect(j.met.map((e) => e.id)).toEqual(['sorry', 'wait', 'speed']);
  });

  it('matches whatever the width, spacing and punctuation', () => {
    expect(judge('对 不 起 ！让您久等了 ，我 尽快 给您 查询 ．').passed).toBe(true);
    expect(judge('抱歉——让您久等……我会尽快帮您查询').passed).toBe(true);
  });

  it('names a missed element with its script and fails on a missed critical one', () => {
    const j = judge('让您久等了，我将尽快为您查询。');
    expect(j.missed.map((e) => e.id)).toEqual(['sorry']);
    expect(j.missed[0]?.script).toBe('对不起');
    expect(j.critical).toContainEqual({ reason: 'missed', element: 'sorry' });
    expect(j.passed).toBe(false);
  });

  it('a broken order costs the later element its points', () => {
    const j = judge('我将尽快为您查询，对不起让您久等了。');
    expect(j.orderBroken).toEqual([{ before: 'sorry', after: 'speed', why: '先致歉再说明', critical: false }]);
    expect(j.score).toBe(2);
    expect(j.passed).toBe(false);
  });

  it('flags every phrase of content/phrases and the turn items, with offsets and the alternative', () => {
    const reply = '对不起，我不知道，系统太慢，让您久等了，我将尽快为您查询。';
    const j = judge(reply);
    expect(j.forbidden.map((f) => [f.source, f.id, reply.slice(f.start, f.end)])).toEqual([
      ['phrase', 'bu-zhi-dao', '不知道'],
      ['turn', 'blame', '系统太慢'],
    ]);
    expect(j.forbidden[0]?.instead).toEqual(['请稍等，正在为您查询。']);
    expect(j.score).toBe(0);
    expect(j.passed).toBe(false);
  });

  it('applies the simulation-wide items, except where an allowed phrase contains them', () => {
    expect(judge('对不起，让您久等了，我一定尽快为您查询。').forbidden.map((f) => f.id)).toEqual(['promise']);
    expect(judge('对不起，让您久等了，请给我一定时间，我尽快为您查询。').passed).toBe(true);
  });

  it('never passes an empty reply, an over-long paste or stuffed synonyms', () => {
    expect(judge('').critical).toContainEqual({ reason: 'empty' });
    expect(judge('   。。').passed).toBe(false);
    const paste = '对不起，让您久等了，我将尽快为您查询。'.repeat(4);
    expect(judge(paste).critical.map((c) => c.reason)).toContain('too-long');
    const stuffed = '对不起抱歉对不起抱歉让您久等尽快查询';
    expect(judge(stuffed).critical.map((c) => c.reason)).toContain('stuffing');
    expect(judge(stuffed).score).toBe(0);
  });

  it('property: a reply carrying a forbidden phrase never passes, whatever surrounds it', () => {
    const good = '对不起，让您久等了，我将尽快为您查询。';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: good.length }),
        fc.constantFrom('不知道', '我保证', '系统太慢', '不 晓 得'),
        (at, bad) => {
          expect(judge(good.slice(0, at) + bad + good.slice(at)).passed).toBe(false);
        },
      ),
    );
  });

  it('property: saying an element again never adds points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), (n) => {
        expect(judge(`${'对不起，'.repeat(n)}让您久等了，我将尽快为您查询。`).score).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('property: arbitrary text never passes unless it carries every critical element', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const j = judge(text);
        if (j.passed) {
          expect(j.met.map((e) => e.id)).toEqual(expect.arrayContaining(['sorry', 'speed']));
        }
      }),
    );
  });

  it('property: the judge is total and its numbers stay in range on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const j = judge(text);
        expect(j.score).toBeGreaterThanOrEqual(0);
        expect(j.score).toBeLessThanOrEqual(j.max);
        for (const f of j.forbidden) expect(f.end).toBeGreaterThan(f.start);
      }),
    );
  });
});

describe('judgeChoice', () => {
  it('scores the key and marks a wrong critical choice', () => {
    expect(judgeChoice(q1, 1)).toMatchObject({ correct: true, score: 1, critical: [] });
    expect(judgeChoice(q1, 0).critical).toEqual([{ reason: 'wrong-choice' }]);
    expect(judgeChoice(q1, undefined).critical).toEqual([{ reason: 'unanswered' }]);
  });
});

describe('judgeSimulation', () => {
  const good = {
    simulationId: 'demo',
    turns: [
      { turnId: 'r1', reply: '对不起，让您久等了，我将尽快为您查询。' },
      { turnId: 'q1', choice: 1 },
    ],
  };

  it('walks the call and passes good replies', () => {
    const j = judgeSimulation(sim, good, ctx);
    expect(j).toMatchObject({ passed: true, complete: true, score: 5, max: 5, percent: 100 });
    expect(j.path).toEqual(['c1', 'r1', 'q1']);
  });

  it('takes the branch when the apology is missed: the customer gets angrier', () => {
    const t = {
      simulationId: 'demo',
      turns: [
        { turnId: 'r1', reply: '我尽快为您查询。' },
        { turnId: 'r2', reply: '对不起。' },
        { turnId: 'q1', choice: 1 },
      ],
    };
    const j = judgeSimulation(sim, t, ctx);
    expect(j.path).toEqual(['c1', 'r1', 'c2-angry', 'r2', 'q1']);
    expect(j.passed).toBe(false);
  });

  it('a sealed exam walks `next` only, as its page could', () => {
    const t = {
      simulationId: 'demo',
      turns: [
        { turnId: 'r1', reply: '我尽快为您查询。' },
        { turnId: 'q1', choice: 1 },
      ],
    };
    expect(judgeSimulation(sim, t, ctx, { branching: false }).path).toEqual(['c1', 'r1', 'q1']);
  });

  it('a missing turn counts as unanswered and the call is incomplete', () => {
    const j = judgeSimulation(
      sim,
      { simulationId: 'demo', turns: [{ turnId: 'r1', reply: good.turns[0]!.reply }] },
      ctx,
    );
    expect(j.complete).toBe(false);
    expect(j.passed).toBe(false);
  });

  it('a forbidden phrase fails the call even when every element is there', () => {
    const t = {
      simulationId: 'demo',
      turns: [
        { turnId: 'r1', reply: '对不起，让您久等了，我保证尽快为您查询。' },
        { turnId: 'q1', choice: 1 },
      ],
    };
    const j = judgeSimulation(sim, t, ctx);
    expect(j.passed).toBe(false);
    expect(j.turns[0]?.kind === 'reply' && j.turns[0].forbidden[0]?.id).toBe('wo-bao-zheng');
  });
});

describe('publicSimulation', () => {
  it('ships no rubric, model answer, bad reply, key or branch', () => {
    const pub = publicSimulation(sim);
    const json = JSON.stringify(pub);
    for (const secret of [
      '尽快…查询',
      '对不起，让您久等了，我将尽快为您查询。',
      '系统太慢了。',
      '先致歉再说明',
      'c2-angry',
      '"key"',
      'accept',
      'branches',
    ]) {
      expect(json).not.toContain(secret);
    }
    // Only the turns a sealed call can reach (it follows `next`): the angrier customer is not shipped.
    expect(pub.turns.map((t) => t.id)).toEqual(['c1', 'r1', 'q1']);
    expect(pub.turns.map((t) => t.kind)).toEqual(['customer', 'reply', 'choose']);
    expect(pub.turns[1]).toEqual({ kind: 'reply', id: 'r1', task: '回应客户', maxLength: 40 });
    expect(pub.situation).toContain(placeholderValues.hotline);
  });
});
