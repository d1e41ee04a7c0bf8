import * as z from '../zod-mini.ts';
import { examKinds } from '../quiz/kinds.ts';
import { questionTypes } from '../quiz/schema.ts';
import type { Answer, QuestionShape } from '../quiz/types.ts';
import { issuePath } from '../progress/schema.ts';

/**
 * The trainer kit: what `npm run build` writes to trainer-kit/ (never to dist/) and the dashboard loads.
 * It holds the answer keys of every question a trainer-graded exam can draw, the simulation rubrics,
 * the exam definitions of the current versions and (after `npm run trainer:keys`) the signing key.
 */

export const KIT_FORMAT = 'kb-trainer-kit';
export const KIT_FILE_NAME = 'trainer-kit.json';

const text = z.string().check(z.minLength(1));

function isAnswer(v: unknown): v is Answer {
  if (typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0;
  return Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0);
}

export const kitQuestionSchema = z.object({
  id: text,
  topic: text,
  type: z.enum(questionTypes),
  optionCount: z.number().check(z.gte(0)),
  answer: z.custom<Answer>(isAnswer, { message: '答案格式不对' }),
  stem: z.string(),
  options: z.array(z.string()),
  explanation: z.string(),
  /** Link to the policy heading that teaches it. */
  ref: z.string(),
  /** What drawPaper needs to reproduce the exam page's paper: stratum, pool and fact. */
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  pool: z.enum(['practice', 'exam']),
  fact: z.optional(z.string()),
});

export const kitExamSchema = z.object({
  id: text,
  kind: z.enum(examKinds),
  title: z.string(),
  version: text,
  grading: z.enum(['instant', 'trainer']),
  pool: z.enum(['practice', 'exam']),
  passMark: z.number(),
  topicPassMark: z.number(),
  timeLimitMinutes: z.number().check(z.gt(0)),
  draws: z.array(
    z.object({
      topic: text,
      count: z.number(),
      difficulty: z.optional(
        z.object({ 1: z.optional(z.number()), 2: z.optional(z.number()), 3: z.optional(z.number()) }),
      ),
      mustPass: z.boolean(),
    }),
  ),
  extra: z.array(text),
  window: z.optional(z.object({ opens: text, closes: text })),
  retake: z.enum(['until-passed', 'unlimited', 'none']),
  partialCredit: z.boolean(),
  /** Question ids per topic in the order the exam page draws from them (same order ⇒ same paper). */
  banks: z.record(z.string(), z.array(text)),
  /** Simulations every paper of this exam carries, in order (none until exams carry a practical part). */
  simulationIds: z.array(text),
});

export const signingAlgs = ['Ed25519', 'ES256'] as const;
export type SigningAlg = (typeof signingAlgs)[number];

const jwkSchema = z.custom<JsonWebKey>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  message: '不是 JWK 对象',
});

export const publicKeyRecordSchema = z.object({ kid: text, alg: z.enum(signingAlgs), jwk: jwkSchema });
export const privateKeyRecordSchema = z.object({
  kid: text,
  alg: z.enum(signingAlgs),
  jwk: jwkSchema,
  publicJwk: jwkSchema,
});

export const trainerKitSchema = z.object({
  format: z.literal(KIT_FORMAT),
  version: z.literal(1),
  builtAt: text,
  exams: z.array(kitExamSchema),
  /** Exams graded on the learner's device (practice, mock): their attempts are not the trainer's to grade. */
  instantExams: z.array(text),
  questions: z.array(kitQuestionSchema),
  /** Raw simulation data (rubrics, model answers) from quizzes/simulations/*.yaml, as the judge reads it. */
  simulations: z.array(z.object({ id: text, data: z.unknown() })),
  signingKey: z.optional(privateKeyRecordSchema),
});

export type KitQuestion = z.infer<typeof kitQuestionSchema>;
export type KitExam = z.infer<typeof kitExamSchema>;
export type TrainerKit = z.infer<typeof trainerKitSchema>;
export type PublicKeyRecord = z.infer<typeof publicKeyRecordSchema>;
export type PrivateKeyRecord = z.infer<typeof privateKeyRecordSchema>;

export type ParsedKit = { ok: true; kit: TrainerKit } | { ok: false; reason: string };

export function isKitText(text: string): boolean {
  return text.slice(0, 200).includes(`"${KIT_FORMAT}"`);
}

export function parseTrainerKit(text: string): ParsedKit {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `评分包不是有效的 JSON（${(e as Error).message.split('\n')[0]}）` };
  }
  const parsed = trainerKitSchema.safeParse(value);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => issuePath(i.path) || '（整体）'))].slice(0, 3);
    return { ok: false, reason: `评分包字段无效：${fields.join('、')}` };
  }
  return { ok: true, kit: parsed.data };
}

// ---- building the kit (Node, at build time) ----

/** What the kit builder reads from an exam YAML; `grading`, `pool` and `simulations` may be absent in older files. */
export interface KitExamInput {
  id: string;
  kind: KitExam['kind'];
  title: string;
  version: string;
  grading?: 'instant' | 'trainer';
  pool?: 'practice' | 'exam';
  /** The exam engine's simulation draw spec; the kit does not use it yet (no exam carries simulations). */
  simulations?: unknown;
  passMark: number;
  topicPassMark: number;
  timeLimitMinutes: number;
  draws: KitExam['draws'];
  extra: string[];
  window?: { opens: string | Date; closes: string | Date } | undefined;
  retake: KitExam['retake'];
  partialCredit: boolean;
}

export interface KitBankInput {
  topic: string;
  questions: {
    id: string;
    type: KitQuestion['type'];
    stem: string;
    options?: string[];
    answer: Answer;
    explanation: string;
    ref: string;
    difficulty: 1 | 2 | 3;
    pool?: 'practice' | 'exam';
    fact?: string | undefined;
  }[];
}

/** How an exam is graded when its YAML does not say: the certification and monthly exams by a trainer. */
export function gradingOf(exam: Pick<KitExamInput, 'grading' | 'kind'>): 'instant' | 'trainer' {
  return exam.grading ?? (exam.kind === 'mock' ? 'instant' : 'trainer');
}

const day = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));

/** The trainer kit of the current content: every trainer-graded exam, the questions it can draw, their keys. */
export function buildTrainerKit(input: {
  exams: readonly KitExamInput[];
  banks: readonly KitBankInput[];
  simulations: readonly { id: string; data: unknown }[];
  builtAt: string;
}): TrainerKit {
  const exams = input.exams.filter((e) => gradingOf(e) === 'trainer').sort((a, b) => a.id.localeCompare(b.id));
  const byTopic = new Map(input.banks.map((b) => [b.topic, b]));
  const topicOfQuestion = new Map(input.banks.flatMap((b) => b.questions.map((q) => [q.id, b.topic] as const)));
  const used = new Set<string>();
  const kitExams: KitExam[] = exams.map((e) => {
    const inPool = (q: KitBankInput['questions'][number]) => !e.pool || (q.pool ?? 'practice') === e.pool;
    const extra = new Set(e.extra);
    const topics = [
      ...new Set([...e.draws.map((d) => d.topic), ...e.extra.map((id) => topicOfQuestion.get(id) ?? '')]),
    ];
    const banks: Record<string, string[]> = {};
    for (const topic of topics) {
      const bank = byTopic.get(topic);
      if (!bank) continue;
      banks[topic] = bank.questions.filter((q) => extra.has(q.id) || inPool(q)).map((q) => q.id);
      for (const id of banks[topic]!) used.add(id);
    }
    return {
      id: e.id,
      kind: e.kind,
      title: e.title,
      version: e.version,
      grading: 'trainer',
      pool: e.pool ?? 'exam',
      passMark: e.passMark,
      topicPassMark: e.topicPassMark,
      timeLimitMinutes: e.timeLimitMinutes,
      draws: e.draws,
      extra: e.extra,
      ...(e.window ? { window: { opens: day(e.window.opens), closes: day(e.window.closes) } } : {}),
      retake: e.retake,
      partialCredit: e.partialCredit,
      banks,
      simulationIds: [],
    };
  });
  const questions: KitQuestion[] = input.banks.flatMap((b) =>
    b.questions
      .filter((q) => used.has(q.id))
      .map((q) => ({
        id: q.id,
        topic: b.topic,
        type: q.type,
        optionCount: q.type === 'truefalse' ? 0 : (q.options?.length ?? 0),
        answer: q.answer,
        stem: q.stem,
        options: q.type === 'truefalse' ? [] : (q.options ?? []),
        explanation: q.explanation,
        ref: `/policies/${q.ref.split('#')[0]}/#${q.ref.split('#')[1] ?? ''}`,
        difficulty: q.difficulty,
        pool: q.pool ?? 'practice',
        ...(q.fact ? { fact: q.fact } : {}),
      })),
  );
  return {
    format: KIT_FORMAT,
    version: 1,
    builtAt: input.builtAt,
    exams: kitExams,
    instantExams: input.exams
      .filter((e) => gradingOf(e) === 'instant')
      .map((e) => e.id)
      .sort(),
    questions,
    // Every simulation file goes in: a rubric in the kit never leaks, and exams may add simulations later.
    simulations: input.simulations.map((s) => ({ id: s.id, data: s.data })),
  };
}

/** Per exam, the banks drawPaper reads (topic → question shapes in page order); built once per kit. */
export interface KitIndex {
  kit: TrainerKit;
  exams: Map<string, KitExam>;
  questions: Map<string, KitQuestion>;
  banks: Map<string, Map<string, QuestionShape[]>>;
  simulations: Map<string, unknown>;
}

export function indexKit(kit: TrainerKit): KitIndex {
  const questions = new Map(kit.questions.map((q) => [q.id, q]));
  const banks = new Map<string, Map<string, QuestionShape[]>>();
  for (const e of kit.exams) {
    const m = new Map<string, QuestionShape[]>();
    for (const [topic, ids] of Object.entries(e.banks)) {
      m.set(
        topic,
        ids.flatMap((id) => {
          const q = questions.get(id);
          return q
            ? [{ id, type: q.type, optionCount: q.optionCount, difficulty: q.difficulty, pool: q.pool, fact: q.fact }]
            : [];
        }),
      );
    }
    banks.set(e.id, m);
  }
  return {
    kit,
    exams: new Map(kit.exams.map((e) => [e.id, e])),
    questions,
    banks,
    simulations: new Map(kit.simulations.map((s) => [s.id, s.data])),
  };
}
