import { z } from 'astro/zod';
import { provenanceSchema } from './provenance.ts';
import { schemaText as say } from '../../i18n/strings/content-schema.ts';

// Trainers read these messages: zod's own ones in Chinese too.
z.config(z.locales.zhCN());

/** Every content schema lives here; content.config.ts and the validator import them, types are inferred. */

export const categoryIds = ['service', 'process', 'security', 'quality', 'management', 'career'] as const;
export const roleIds = ['new-hire', 'agent', 'team-lead', 'quality', 'trainer', 'manager'] as const;
export const stageIds = ['opening', 'during', 'difficult', 'complaint', 'closing', 'callback'] as const;

export type CategoryId = (typeof categoryIds)[number];
export type RoleId = (typeof roleIds)[number];
export type StageId = (typeof stageIds)[number];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar day. YAML 1.1 parsers hand over Date objects; strings are checked strictly (2026-02-30 fails). */
export const calendarDay = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string({ error: say('check.date.type') })
    .refine(isCalendarDay, { error: (i) => say('check.date.invalid', { input: String(i.input) }) })
    .transform((s) => new Date(`${s}T00:00:00Z`)),
);

/** An enum whose error names the bad value and the allowed ones. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (i) =>
      i.input === undefined
        ? say('check.enum.missing', { what, values: values.join(', ') })
        : say('check.enum.unknown', {
            what,
            input: typeof i.input === 'string' ? i.input : JSON.stringify(i.input),
            values: values.join(', '),
          }),
  });
}

const version = z.string().regex(/^\d+\.\d+$/, { error: say('check.field.version') });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: say('check.field.slug') });
const nonEmpty = z
  .string()
  .trim()
  .min(1, { error: say('check.field.empty') });

/** Who answers for an entry and when it must next be checked against the center's documents. */
const reviewFields = {
  owner: oneOf(roleIds, say('check.enum.owner')),
  reviewBy: calendarDay,
};

export const policyChangeSchema = z.strictObject({
  date: calendarDay,
  version,
  summary: nonEmpty,
});

export const policySchema = z
  .strictObject({
    title: nonEmpty,
    summary: nonEmpty,
    category: oneOf(categoryIds, say('check.enum.category')),
    audience: z.array(oneOf(roleIds, say('check.enum.role'))).min(1, { error: say('check.policy.audience') }),
    version,
    effective: calendarDay,
    updated: calendarDay,
    changes: z.array(policyChangeSchema).min(1, { error: say('check.policy.changes') }),
    mustRead: z.boolean().default(false),
    tags: z.array(nonEmpty).default([]),
    order: z.number().int().nonnegative(),
    ...reviewFields,
  })
  .superRefine((p, ctx) => {
    if (p.effective > p.updated) {
      ctx.addIssue({ code: 'custom', path: ['effective'], message: say('check.policy.effectiveAfterUpdated') });
    }
    p.changes.forEach((change, i) => {
      if (change.date > p.updated) {
        ctx.addIssue({
          code: 'custom',
          path: ['changes', i, 'date'],
          message: say('check.policy.changeAfterUpdated', { date: day(change.date), updated: day(p.updated) }),
        });
      }
      const next = p.changes[i + 1];
      if (next && next.date > change.date) {
        ctx.addIssue({ code: 'custom', path: ['changes', i + 1, 'date'], message: say('check.policy.changesOrder') });
      }
    });
    const latest = p.changes[0];
    if (latest && latest.version !== p.version) {
      ctx.addIssue({
        code: 'custom',
        path: ['changes', 0, 'version'],
        message: say('check.policy.versionMismatch', { latest: latest.version, version: p.version }),
      });
    }
  });

export const scriptSchema = z.strictObject({
  id: slug,
  title: nonEmpty,
  stage: oneOf(stageIds, say('check.enum.stage')),
  scenario: nonEmpty,
  lines: z.array(nonEmpty).min(1, { error: say('check.script.lines') }),
  avoid: z.array(nonEmpty).default([]),
  keywords: z.array(nonEmpty).default([]),
  policy: slug,
  note: nonEmpty.optional(),
  source: provenanceSchema,
  ...reviewFields,
});

export const phraseSchema = z.strictObject({
  id: slug,
  phrase: nonEmpty,
  variants: z.array(nonEmpty).default([]),
  why: nonEmpty,
  instead: z.array(nonEmpty).min(1, { error: say('check.phrase.instead') }),
  policy: slug,
  severity: oneOf(['high', 'medium'], say('check.enum.severity')),
  source: provenanceSchema,
  ...reviewFields,
});

export const flowBranchSchema = z.strictObject({
  label: nonEmpty,
  to: slug,
});

export const flowStepSchema = z
  .strictObject({
    id: slug,
    title: nonEmpty,
    do: z.array(nonEmpty).min(1, { error: say('check.flow.do') }),
    say: z.array(slug).default([]),
    timeLimit: nonEmpty.optional(),
    escalateTo: nonEmpty.optional(),
    next: slug.optional(),
    branches: z
      .array(flowBranchSchema)
      .min(2, { error: say('check.flow.branchesMin') })
      .max(4, { error: say('check.flow.branchesMax') })
      .optional(),
    end: z.literal(true).optional(),
    /** Every step has wording (its `do` lines), so every step says where that wording comes from. */
    source: provenanceSchema,
  })
  .superRefine((step, ctx) => {
    const ways = [step.next !== undefined, step.branches !== undefined, step.end === true].filter(Boolean).length;
    if (ways !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['next'],
        message: say('check.flow.oneWay', { id: step.id }),
      });
    }
  });

export const flowSchema = z.strictObject({
  id: slug,
  title: nonEmpty,
  summary: nonEmpty,
  policy: slug,
  start: slug,
  rules: z.array(nonEmpty).default([]),
  /** Rules that hold on every step from `from` on while the case is open (guided mode shows them). */
  watch: z.array(z.strictObject({ from: slug, text: nonEmpty })).default([]),
  steps: z.array(flowStepSchema).min(1, { error: say('check.flow.steps') }),
});

export type PolicyData = z.infer<typeof policySchema>;
export type FlowData = z.infer<typeof flowSchema>;
export type FlowStep = z.infer<typeof flowStepSchema>;
export type PolicyChange = z.infer<typeof policyChangeSchema>;
export type ScriptData = z.infer<typeof scriptSchema>;
export type PhraseData = z.infer<typeof phraseSchema>;

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}
