import { z } from 'astro/zod';
import { provenanceSchema } from '../content/provenance.ts';
import { schemaText as say } from '../../i18n/strings/content-schema.ts';

/**
 * 实操 (call simulations): one YAML file per simulation under quizzes/simulations/.
 * content.config.ts, the build validation and the judge all use these schemas; types are inferred.
 */

/** The bank topics a simulation may belong to (quizzes/banks/<topic>.yaml). */
export const simulationTopics = [
  'confidentiality',
  'service-language',
  'forbidden-phrases',
  'complaints',
  'consultation-callback',
  'quality-kpi',
  'assessment',
  'floor-attendance',
  'training',
] as const;
export type SimulationTopic = (typeof simulationTopics)[number];

export const moods = ['calm', 'silent', 'anxious', 'angry', 'furious', 'sad', 'satisfied', 'unsatisfied'] as const;
export type Mood = (typeof moods)[number];

const nonEmpty = z
  .string()
  .trim()
  .min(1, { error: say('check.field.empty') });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: say('check.field.slug') });
/** policyId#anchor, resolved against the policy's headings at build time. */
export const policyRef = z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, { error: say('check.sim.ref') });
/** A turn id, or `end` to finish the call. */
const target = slug;

export const requiredElementSchema = z.strictObject({
  id: slug,
  /** What the element is, as feedback names it: 致歉、说明已接通热线… */
  label: nonEmpty,
  /**
   * Accepted phrasings. Matching ignores spaces, punctuation and full/half width; `…` inside a
   * phrasing allows up to a few characters in between (对不起…久等 matches 对不起，让您久等了).
   */
  accept: z.array(nonEmpty).min(1, { error: say('check.sim.accept') }),
  points: z.number().int().positive().default(1),
  ref: policyRef,
  /** Missing a critical element fails the whole simulation. */
  critical: z.boolean().default(false),
  /** 你 counts as 您 for this element (the rule does not insist on 您). */
  allowNi: z.boolean().default(false),
  /** The prescribed wording shown (and copyable) in feedback; the first accepted phrasing when absent. */
  script: nonEmpty.optional(),
});

export const forbiddenItemSchema = z.strictObject({
  id: slug,
  label: nonEmpty,
  match: z.array(nonEmpty).min(1, { error: say('check.sim.match') }),
  /** Longer phrasings that contain a match but are fine (一定时间 is not a promise). */
  except: z.array(nonEmpty).default([]),
  why: nonEmpty,
  instead: nonEmpty,
});

export const orderRuleSchema = z.strictObject({
  before: slug,
  after: slug,
  why: nonEmpty,
  critical: z.boolean().default(false),
});

export const badReplySchema = z.strictObject({
  text: nonEmpty,
  why: nonEmpty,
  /** The content/phrases id this bad reply demonstrates; the build checks the phrase checker flags it. */
  phrase: slug.optional(),
});

export const branchSchema = z
  .strictObject({
    met: slug.optional(),
    missed: slug.optional(),
    /** The reply carried forbidden content. */
    forbidden: z.boolean().optional(),
    choice: z.number().int().nonnegative().optional(),
    to: target,
  })
  .refine((b) => [b.met, b.missed, b.forbidden, b.choice].filter((x) => x !== undefined).length === 1, {
    error: say('check.sim.branch'),
  });

const flow = {
  /** Where the call goes next: a later turn id or `end`; the following turn when absent. */
  next: target.optional(),
  branches: z.array(branchSchema).default([]),
};

export const customerTurnSchema = z.strictObject({
  id: slug,
  says: nonEmpty,
  mood: z.enum(moods, {
    error: (i) =>
      say('check.enum.unknown', { what: say('check.enum.mood'), input: String(i.input), values: moods.join(', ') }),
  }),
  next: target.optional(),
});

export const replyTurnSchema = z.strictObject({
  id: slug,
  /** What the learner is asked to do in this turn. */
  task: nonEmpty,
  reply: z.strictObject({
    elements: z.array(requiredElementSchema).min(1, { error: say('check.sim.elements') }),
    forbidden: z.array(forbiddenItemSchema).default([]),
    order: z.array(orderRuleSchema).default([]),
    /** Longest reply accepted (characters without spaces and punctuation): a pasted script list never passes. */
    maxLength: z.number().int().positive().default(150),
    model: z.strictObject({ text: nonEmpty, source: provenanceSchema }),
    bad: z.array(badReplySchema).min(2, { error: say('check.sim.bad') }),
  }),
  ...flow,
});

export const chooseTurnSchema = z.strictObject({
  id: slug,
  task: nonEmpty,
  choose: z.strictObject({
    options: z
      .array(nonEmpty)
      .min(2, { error: say('check.sim.optionsMin') })
      .max(6, { error: say('check.sim.optionsMax') }),
    key: z.number().int().nonnegative(),
    points: z.number().int().positive().default(1),
    critical: z.boolean().default(false),
    why: nonEmpty,
    ref: policyRef,
  }),
  ...flow,
});

export const turnSchema = z.union([customerTurnSchema, replyTurnSchema, chooseTurnSchema], {
  error: say('check.sim.turn'),
});

export const simulationSchema = z.strictObject({
  id: slug,
  title: nonEmpty,
  topic: z.enum(simulationTopics, {
    error: (i) =>
      say('check.enum.unknown', {
        what: say('check.enum.topic'),
        input: String(i.input),
        values: simulationTopics.join(', '),
      }),
  }),
  refs: z.array(policyRef).min(1, { error: say('check.sim.refs') }),
  situation: nonEmpty,
  /** practice: rubric shipped and judged in the browser; exam: only the trainer kit carries its rubric. */
  pool: z.enum(['practice', 'exam'], { error: say('check.sim.pool') }).default('practice'),
  /** Percentage of the points on the path taken needed to pass (with no critical failure). */
  passMark: z.number().min(0).max(100).default(70),
  /** Forbidden items that apply to every reply turn (e.g. rash promises in a complaint call). */
  forbidden: z.array(forbiddenItemSchema).default([]),
  turns: z.array(turnSchema).min(2, { error: say('check.sim.turns') }),
});

export type Simulation = z.infer<typeof simulationSchema>;
export type SimulationTurn = z.infer<typeof turnSchema>;
export type CustomerTurn = z.infer<typeof customerTurnSchema>;
export type ReplyTurn = z.infer<typeof replyTurnSchema>;
export type ChooseTurn = z.infer<typeof chooseTurnSchema>;
export type RequiredElement = z.infer<typeof requiredElementSchema>;
export type ForbiddenItem = z.infer<typeof forbiddenItemSchema>;
export type OrderRule = z.infer<typeof orderRuleSchema>;
export type Branch = z.infer<typeof branchSchema>;

export { END, isChooseTurn, isCustomerTurn, isReplyTurn } from './turns.ts';
