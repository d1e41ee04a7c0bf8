import { z } from 'astro/zod';
import { calendarDay } from '../content/schema.ts';
import { provenanceSchema } from '../content/provenance.ts';
import { examKinds } from './kinds.ts';
import { schemaText as say } from '../../i18n/strings/content-schema.ts';

/** Question banks and exam definitions; content.config.ts and the validator import these. */

export const questionTypes = ['single', 'multiple', 'truefalse', 'order', 'spot-phrase', 'scenario'] as const;
export type QuestionType = (typeof questionTypes)[number];

const nonEmpty = z
  .string()
  .trim()
  .min(1, { error: say('check.field.empty') });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: say('check.field.slug') });
const questionId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: say('check.quiz.id') });
const index = z.number().int().nonnegative();

const base = {
  id: questionId,
  stem: nonEmpty,
  explanation: nonEmpty,
  /** policyId#anchor of the heading that teaches it; resolved at build time. */
  ref: z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, { error: say('check.quiz.ref') }),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** practice: answers shown in practice; exam: only ever inside an exam. */
  pool: z.enum(['practice', 'exam'], { error: say('check.quiz.pool') }).default('practice'),
  /** The one fact the question tests (a short slug); two questions on one fact never share a paper. */
  fact: slug.optional(),
  /** Where the wording comes from; questions are almost always 参考示例 following their ref. */
  source: provenanceSchema,
};
const options = z
  .array(nonEmpty)
  .min(2, { error: say('check.quiz.optionsMin') })
  .max(8, { error: say('check.quiz.optionsMax') });

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
      ctx.addIssue({ code: 'custom', path: ['answer'], message: say('check.quiz.answer', { id: q.id, message }) });
    if (q.type === 'truefalse') return;
    const n = q.options.length;
    if (q.type === 'multiple') {
      const bad = q.answer.filter((a) => a >= n);
      if (bad.length) fail(say('check.quiz.answerNotOption', { answer: bad.join(', '), n }));
      if (new Set(q.answer).size !== q.answer.length) fail(say('check.quiz.answerRepeat'));
    } else if (q.type === 'order') {
      const sorted = [...q.answer].sort((a, b) => a - b);
      if (sorted.length !== n || sorted.some((v, i) => v !== i)) {
        fail(say('check.quiz.orderAnswer', { answer: q.answer.join(', '), last: n - 1 }));
      }
    } else if (q.answer >= n) {
      fail(say('check.quiz.answerNotOption', { answer: q.answer, n }));
    }
  });

export const bankSchema = z.strictObject({
  topic: slug,
  title: nonEmpty,
  questions: z.array(questionSchema).min(1, { error: say('check.bank.questions') }),
});

const quota = z.number().int().nonnegative();
/** Questions per difficulty in one draw: every paper of the exam carries exactly these counts. */
const difficultySchema = z.strictObject({ 1: quota.optional(), 2: quota.optional(), 3: quota.optional() });
export type DifficultyQuota = z.infer<typeof difficultySchema>;
export const difficulties = [1, 2, 3] as const;
export const quotaSum = (q: DifficultyQuota) => (q[1] ?? 0) + (q[2] ?? 0) + (q[3] ?? 0);

const drawSchema = z
  .strictObject({
    topic: slug,
    /** Total for this bank; may be left out when `difficulty` gives the split. */
    count: z.number().int().positive().optional(),
    /** Per-difficulty counts; left out, the split is derived from the pool (draw.ts: drawPlan). */
    difficulty: difficultySchema.optional(),
    mustPass: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    if (d.count === undefined && !d.difficulty) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: say('check.draw.countOrDifficulty', { topic: d.topic }),
      });
    }
    if (d.difficulty && quotaSum(d.difficulty) === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['difficulty'],
        message: say('check.draw.zero', { topic: d.topic }),
      });
    }
    if (d.difficulty && d.count !== undefined && quotaSum(d.difficulty) !== d.count) {
      ctx.addIssue({
        code: 'custom',
        path: ['difficulty'],
        message: say('check.draw.sumMismatch', { topic: d.topic, sum: quotaSum(d.difficulty), count: d.count }),
      });
    }
  })
  .transform((d) => ({ ...d, count: d.count ?? quotaSum(d.difficulty ?? {}) }));

export const examSchema = z
  .strictObject({
    id: slug,
    kind: z.enum(examKinds, {
      error: (i) =>
        say('check.enum.unknown', {
          what: say('check.enum.examKind'),
          input: String(i.input),
          values: examKinds.join(', '),
        }),
    }),
    title: nonEmpty,
    version: nonEmpty,
    description: nonEmpty,
    /** instant: scored in the learner's browser; trainer: sealed, the page ships no answer material. */
    grading: z.enum(['instant', 'trainer'], { error: say('check.exam.grading') }),
    /** Which pool the draws take questions from. */
    pool: z.enum(['practice', 'exam'], { error: say('check.exam.pool') }),
    /** Percentage needed to pass the whole paper. */
    passMark: z.number().min(0).max(100),
    /** Percentage each must-pass topic needs on its own. */
    topicPassMark: z.number().min(0).max(100).default(60),
    timeLimitMinutes: z.number().int().positive(),
    draws: z.array(drawSchema).min(1, { error: say('check.exam.draws') }),
    /** Questions every paper carries, e.g. on this month's policy changes. */
    extra: z.array(questionId).default([]),
    /** Calendar days YYYY-MM-DD, inclusive, in the center's time zone. */
    window: z
      .strictObject({
        opens: calendarDay.transform((d) => d.toISOString().slice(0, 10)),
        closes: calendarDay.transform((d) => d.toISOString().slice(0, 10)),
      })
      .optional(),
    retake: z.enum(['until-passed', 'unlimited', 'none']),
    /** Seed 004 (补考直至通过): after a failed attempt, the retake opens once these are met. */
    retakeAfter: z
      .strictObject({
        hours: z.number().nonnegative().default(0),
        practiseFailedTopics: z.boolean().default(true),
      })
      .optional(),
    /** 实操: how many call simulations a paper carries, drawn by seed (the simulations collection supplies them). */
    simulations: z
      .strictObject({
        count: z.number().int().positive(),
        mustInclude: z.array(slug).default([]),
        /** Percentage of the paper's simulations that must pass (each by its own pass mark, no critical failure). */
        passMark: z.number().min(0).max(100).default(100),
      })
      .optional(),
    partialCredit: z.boolean().default(false),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'monthly' && !e.window) {
      ctx.addIssue({ code: 'custom', path: ['window'], message: say('check.exam.window') });
    }
    if (e.window && e.window.opens > e.window.closes) {
      ctx.addIssue({ code: 'custom', path: ['window', 'closes'], message: say('check.exam.windowReversed') });
    }
    if (e.grading === 'instant' && e.pool === 'exam') {
      ctx.addIssue({
        code: 'custom',
        path: ['grading'],
        message: say('check.exam.instantPool'),
      });
    }
    if (e.simulations && e.grading === 'instant') {
      ctx.addIssue({
        code: 'custom',
        path: ['simulations'],
        message: say('check.exam.instantSimulations'),
      });
    }
    if (e.simulations && e.simulations.mustInclude.length > e.simulations.count) {
      ctx.addIssue({
        code: 'custom',
        path: ['simulations', 'mustInclude'],
        message: say('check.exam.mustIncludeCount'),
      });
    }
  });

export type Question = z.infer<typeof questionSchema>;
export type Bank = z.infer<typeof bankSchema>;
/** The one exam type: what the YAML says, as every page, the runner and the dashboard see it (JSON-safe). */
export type ExamDefinition = z.output<typeof examSchema>;
export type ExamDraw = ExamDefinition['draws'][number];
