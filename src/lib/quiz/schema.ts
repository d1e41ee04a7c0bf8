import { z } from 'astro/zod';
import { calendarDay } from '../content/schema.ts';
import { provenanceSchema } from '../content/provenance.ts';
import { examKinds } from './kinds.ts';

/** Question banks and exam definitions; content.config.ts and the validator import these. */

export const questionTypes = ['single', 'multiple', 'truefalse', 'order', 'spot-phrase', 'scenario'] as const;
export type QuestionType = (typeof questionTypes)[number];

const nonEmpty = z.string().trim().min(1, { error: '不能为空' });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id 只能用小写字母、数字和连字符' });
const questionId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '题目 id 只能用小写字母、数字和连字符' });
const index = z.number().int().nonnegative();

const base = {
  id: questionId,
  stem: nonEmpty,
  explanation: nonEmpty,
  /** policyId#anchor of the heading that teaches it; resolved at build time. */
  ref: z
    .string()
    .regex(/^[a-z0-9-]+#[a-z0-9-]+$/, { error: 'ref 应为 制度id#小标题锚点，如 kpi#fu-wu-zhi-liang-kao-he-zhi-biao' }),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** practice: answers shown in practice; exam: only ever inside an exam. */
  pool: z.enum(['practice', 'exam'], { error: '题目 pool 只能是 practice 或 exam' }).default('practice'),
  /** The one fact the question tests (a short slug); two questions on one fact never share a paper. */
  fact: slug.optional(),
  /** Where the wording comes from; questions are almost always 参考示例 following their ref. */
  source: provenanceSchema,
};
const options = z.array(nonEmpty).min(2, { error: '至少两个选项' }).max(8, { error: '最多八个选项' });

const choice = (type: 'single' | 'spot-phrase' | 'scenario') =>
  z.strictObject({ ...base, type: z.literal(type), options, answer: index });

export const questionSchema = z
  .discriminatedUnion('type', [
    choice('single'),
    choice('spot-phrase'),
    choice('scenario'),
    z.strictObject({ ...base, type: z.literal('multiple'), options, answer: z.array(index).min(1) }),
    z.strictObject({ ...base, type: z.literal('truefalse'), answer: z.boolean() }),
    z.strictObject({ ...base, type: z.literal('order'), options, answer: z.array(index) }),
  ])
  .superRefine((q, ctx) => {
    const fail = (message: string) =>
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `题目 ${q.id}：${message}` });
    if (q.type === 'truefalse') return;
    const n = q.options.length;
    if (q.type === 'multiple') {
      const bad = q.answer.filter((a) => a >= n);
      if (bad.length) fail(`答案 ${bad.join(', ')} 不是选项（共 ${n} 个选项，从 0 数起）`);
      if (new Set(q.answer).size !== q.answer.length) fail('答案里有重复的选项');
    } else if (q.type === 'order') {
      const sorted = [...q.answer].sort((a, b) => a - b);
      if (sorted.length !== n || sorted.some((v, i) => v !== i)) {
        fail(`排序题的答案 [${q.answer.join(', ')}] 不是 0..${n - 1} 的一个排列`);
      }
    } else if (q.answer >= n) {
      fail(`答案 ${q.answer} 不是选项（共 ${n} 个选项，从 0 数起）`);
    }
  });

export const bankSchema = z.strictObject({
  topic: slug,
  title: nonEmpty,
  questions: z.array(questionSchema).min(1, { error: '题库至少一道题' }),
});

export const examSchema = z
  .strictObject({
    id: slug,
    kind: z.enum(examKinds, {
      error: (i) => `未知考试类型“${String(i.input)}”，可选：${examKinds.join(', ')}`,
    }),
    title: nonEmpty,
    version: nonEmpty,
    description: nonEmpty,
    /** Percentage needed to pass the whole paper. */
    passMark: z.number().min(0).max(100),
    /** Percentage each must-pass topic needs on its own. */
    topicPassMark: z.number().min(0).max(100).default(60),
    timeLimitMinutes: z.number().int().positive(),
    draws: z
      .array(z.strictObject({ topic: slug, count: z.number().int().positive(), mustPass: z.boolean().default(false) }))
      .min(1, { error: '至少从一个题库抽题' }),
    /** Questions every paper carries, e.g. on this month's policy changes. */
    extra: z.array(questionId).default([]),
    window: z.strictObject({ opens: calendarDay, closes: calendarDay }).optional(),
    retake: z.enum(['until-passed', 'unlimited', 'none']),
    partialCredit: z.boolean().default(false),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'monthly' && !e.window) {
      ctx.addIssue({ code: 'custom', path: ['window'], message: '月度考试必须有开放时间 window（opens、closes）' });
    }
    if (e.window && e.window.opens > e.window.closes) {
      ctx.addIssue({ code: 'custom', path: ['window', 'closes'], message: '考试关闭日期早于开放日期（window 颠倒）' });
    }
  });

export type Question = z.infer<typeof questionSchema>;
export type Bank = z.infer<typeof bankSchema>;
export type Exam = z.infer<typeof examSchema>;
