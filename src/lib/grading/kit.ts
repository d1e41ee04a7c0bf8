import * as z from '../zod-mini.ts';
import { parseJson } from '../json/parse-json.ts';
import { examQuestions, examSimulations } from '../quiz/exam-content.ts';
import { examSchema, questionTypes } from '../quiz/schema.ts';
import type { Bank, ExamDefinition } from '../quiz/schema.ts';
import type { Answer, QuestionShape } from '../quiz/types.ts';
import type { SimulationRef } from '../quiz/draw.ts';
import { simulationSchema } from '../simulation/schema.ts';
import type { Simulation } from '../simulation/schema.ts';
import { judgePhraseSchema } from '../phrases/judge-phrase.ts';
import type { JudgePhrase } from '../phrases/judge-phrase.ts';
import { issuePath } from '../progress/schema.ts';
import { privateKeyRecordSchema } from './key-records.ts';
import { createSimulationGrader } from './simulation-grader.ts';
import type { SimulationGrader } from './simulation-grader.ts';
import { gradingText as say, listText } from '../../i18n/strings/grading-reasons.ts';

/**
 * The trainer kit: what `npm run build` writes to trainer-kit/ (never to dist/) and the dashboard loads.
 * It holds the answer keys of every question a trainer-graded exam can draw, the rubrics of the
 * simulations it can draw, the phrase list the judge applies, the exam definitions of the current
 * versions and (after `npm run trainer:keys`) the signing key.
 */

export const KIT_FORMAT = 'kb-trainer-kit';
export const KIT_FILE_NAME = 'trainer-kit.json';
export const KIT_VERSION = 2;

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
  answer: z.custom<Answer>(isAnswer, { message: say('kit.answerFormat') }),
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

/** What the kit adds to an exam's definition; the definition itself is checked by the exam schema. */
const kitExamExtras = z.looseObject({
  /** Question ids per topic in the order the exam page draws from them (same order ⇒ same paper). */
  banks: z.record(z.string(), z.array(text)),
  /** The simulations a paper may draw, in the exam page's order (same order ⇒ same calls). */
  simulationIds: z.array(text),
});

/** The kit file's frame; exam definitions and simulations inside it are checked by their own schemas. */
const kitFrameSchema = z.object({
  format: z.literal(KIT_FORMAT),
  version: z.number(),
  builtAt: text,
  exams: z.array(kitExamExtras),
  /** Exams graded on the learner's device (practice, mock): their attempts are not the trainer's to grade. */
  instantExams: z.array(text),
  questions: z.array(kitQuestionSchema),
  /** Prepared simulations (placeholders filled), as the judge reads them. */
  simulations: z.array(z.object({ id: text, data: z.unknown() })),
  phrases: z.array(judgePhraseSchema),
  signingKey: z.optional(privateKeyRecordSchema),
});

export type KitQuestion = z.infer<typeof kitQuestionSchema>;
/** An exam as the kit carries it: its definition as the site parsed it, plus what re-drawing a paper needs. */
export type KitExam = ExamDefinition & Pick<z.infer<typeof kitExamExtras>, 'banks' | 'simulationIds'>;
/** The kit's frame, with its exams and simulations as their own schemas parse them. */
export type TrainerKit = Omit<z.infer<typeof kitFrameSchema>, 'exams' | 'simulations'> & {
  exams: KitExam[];
  simulations: { id: string; data: Simulation }[];
};

export type ParsedKit = { ok: true; kit: TrainerKit } | { ok: false; reason: string };

export function isKitText(text: string): boolean {
  return text.slice(0, 200).includes(`"${KIT_FORMAT}"`);
}

const fieldsOf = (issues: readonly { path: readonly PropertyKey[] }[], prefix = '') =>
  listText([...new Set(issues.map((i) => `${prefix}${issuePath(i.path)}` || say('kit.whole')))].slice(0, 3));

/** Reads a trainer kit file: the frame, then every exam definition and simulation by the site's own schemas. */
export function parseTrainerKit(text: string): ParsedKit {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, reason: say('kit.notJson', { error: json.error }) };
  const frame = kitFrameSchema.safeParse(json.value);
  if (!frame.success) return { ok: false, reason: say('kit.fields', { fields: fieldsOf(frame.error.issues) }) };
  const k = frame.data;
  if (k.version !== KIT_VERSION) {
    return {
      ok: false,
      reason: say('kit.format', { version: k.version, need: KIT_VERSION }),
    };
  }
  const exams: KitExam[] = [];
  for (const [i, e] of k.exams.entries()) {
    const { banks, simulationIds, ...definition } = e;
    const parsed = examSchema.safeParse(definition);
    if (!parsed.success)
      return { ok: false, reason: say('kit.fields', { fields: fieldsOf(parsed.error.issues, `exams[${i}].`) }) };
    exams.push({ ...parsed.data, banks, simulationIds });
  }
  const simulations: TrainerKit['simulations'] = [];
  for (const [i, s] of k.simulations.entries()) {
    const parsed = simulationSchema.safeParse(s.data);
    if (!parsed.success) {
      return {
        ok: false,
        reason: say('kit.fields', { fields: fieldsOf(parsed.error.issues, `simulations[${i}].data.`) }),
      };
    }
    simulations.push({ id: s.id, data: parsed.data });
  }
  return { ok: true, kit: { ...k, format: KIT_FORMAT, exams, simulations } };
}

// ---- building the kit (Node, at build time) ----

const policyLink = (ref: string) => `/policies/${ref.split('#')[0]}/#${ref.split('#')[1] ?? ''}`;

/** The trainer kit of the current content: every trainer-graded exam, what it can draw, the keys and rubrics. */
export function buildTrainerKit(input: {
  exams: readonly ExamDefinition[];
  banks: readonly Bank[];
  /** Prepared simulations (prepareSimulation), as the exam page plays them. */
  simulations: readonly Simulation[];
  phrases: readonly JudgePhrase[];
  builtAt: string;
}): TrainerKit {
  const exams = input.exams.filter((e) => e.grading === 'trainer').sort((a, b) => a.id.localeCompare(b.id));
  const usedQuestions = new Set<string>();
  const usedSimulations = new Set<string>();
  const kitExams: KitExam[] = exams.map((exam) => {
    const banks: Record<string, string[]> = {};
    // The exam page's own list (examQuestions), grouped by topic in the same order: the same paper per seed.
    for (const { q, topic } of examQuestions(exam, input.banks)) {
      (banks[topic] ??= []).push(q.id);
      usedQuestions.add(q.id);
    }
    const simulationIds = examSimulations(exam, input.simulations).map((s) => s.id);
    for (const id of simulationIds) usedSimulations.add(id);
    return { ...exam, banks, simulationIds };
  });
  const questions: KitQuestion[] = input.banks.flatMap((b) =>
    b.questions
      .filter((q) => usedQuestions.has(q.id))
      .map((q) => ({
        id: q.id,
        topic: b.topic,
        type: q.type,
        optionCount: q.type === 'truefalse' ? 0 : q.options.length,
        answer: q.answer,
        stem: q.stem,
        options: q.type === 'truefalse' ? [] : q.options,
        explanation: q.explanation,
        ref: policyLink(q.ref),
        difficulty: q.difficulty,
        pool: q.pool,
        ...(q.fact ? { fact: q.fact } : {}),
      })),
  );
  return {
    format: KIT_FORMAT,
    version: KIT_VERSION,
    builtAt: input.builtAt,
    exams: kitExams,
    instantExams: input.exams
      .filter((e) => e.grading === 'instant')
      .map((e) => e.id)
      .sort(),
    questions,
    simulations: input.simulations.filter((s) => usedSimulations.has(s.id)).map((s) => ({ id: s.id, data: s })),
    phrases: input.phrases.map(({ id, phrase, variants, instead, why }) => ({
      id,
      phrase,
      variants,
      instead,
      ...(why ? { why } : {}),
    })),
  };
}

/** Per exam, the banks drawPaper reads (topic → question shapes in page order); built once per kit. */
export interface KitIndex {
  kit: TrainerKit;
  exams: Map<string, KitExam>;
  questions: Map<string, KitQuestion>;
  banks: Map<string, Map<string, QuestionShape[]>>;
  simulations: Map<string, Simulation>;
  /** Per exam, the simulations a paper may draw, as drawPaper takes them. */
  simulationRefs: Map<string, SimulationRef[]>;
  /** The site's judge with this kit's phrase list (built once per kit). */
  grader: SimulationGrader;
}

export function indexKit(kit: TrainerKit): KitIndex {
  const questions = new Map(kit.questions.map((q) => [q.id, q]));
  const simulations = new Map(kit.simulations.map((s) => [s.id, s.data]));
  const banks = new Map<string, Map<string, QuestionShape[]>>();
  const simulationRefs = new Map<string, SimulationRef[]>();
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
    simulationRefs.set(
      e.id,
      e.simulationIds.flatMap((id) => {
        const s = simulations.get(id);
        return s ? [{ id, topic: s.topic }] : [];
      }),
    );
  }
  const exams = new Map(kit.exams.map((e) => [e.id, e]));
  return { kit, exams, questions, banks, simulations, simulationRefs, grader: createSimulationGrader(kit.phrases) };
}
