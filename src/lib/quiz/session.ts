import * as z from '../zod-mini.ts';
import { jsonOrUndefined } from '../json/parse-json.ts';
import type { Attempt, SimulationRecord } from '../progress/schema.ts';
import { learnerSchema, responsesSchema, simulationRecordSchema } from '../progress/schema.ts';
import { drawPaper } from './draw.ts';
import type { Banks, SimulationRef } from './draw.ts';
import { isAnswered } from './present.ts';
import type { ExamDefinition } from './schema.ts';
import { scoreAttempt } from './score.ts';
import type { AttemptResult, Gradable, ScoringRules } from './score.ts';
import type { Paper, QuestionShape, Response } from './types.ts';
import { secondsLeft } from './window.ts';

/**
 * An exam session: the paper being taken, what was answered and flagged, and where the learner is.
 * Pure data and functions (no DOM, no storage): the runner element keeps one and stores it as JSON.
 */

const text = z.string().check(z.minLength(1));

export const paperSchema = z.object({
  examId: text,
  examVersion: z.string(),
  seed: z.string(),
  questions: z.array(z.object({ id: text, topic: text, order: z.array(z.number()) })),
  simulations: z.optional(z.array(text)),
});

export const sessionSchema = z.object({
  /** crypto.randomUUID() when the attempt starts; becomes the Attempt's id and the submission code. */
  attemptId: text,
  paper: paperSchema,
  responses: responsesSchema,
  flags: z.array(text),
  index: z.number().check(z.int(), z.gte(0)),
  startedAt: text,
  learner: learnerSchema,
  /** 实操: transcripts of the paper's simulations (a partial one while a call is under way). */
  transcripts: z.optional(z.array(simulationRecordSchema)),
  /** 实操 stage: the index of the call under way (= the number finished); absent while on the questions. */
  practical: z.optional(z.number().check(z.int(), z.gte(0))),
});

export type ExamSession = z.infer<typeof sessionSchema>;

/** The one mapping from an exam to its scoring rules (runner, dashboard, bench and tests use it). */
export function scoringRules(
  exam: Pick<ExamDefinition, 'passMark' | 'topicPassMark' | 'draws' | 'partialCredit'>,
): ScoringRules {
  return {
    passMark: exam.passMark,
    topicPassMark: exam.topicPassMark,
    mustPass: exam.draws.filter((d) => d.mustPass).map((d) => d.topic),
    partialCredit: exam.partialCredit,
  };
}

export interface StartOptions {
  attemptId: string;
  seed: string;
  now: Date;
  learner: { employeeId: string; name: string };
  /** 实操: the simulations the exam may draw from (examSimulations). */
  simulations?: readonly SimulationRef[];
}

export function startSession(exam: ExamDefinition, banks: Banks, o: StartOptions): ExamSession {
  return {
    attemptId: o.attemptId,
    paper: drawPaper(exam, banks, o.seed, o.simulations),
    responses: {},
    flags: [],
    index: 0,
    startedAt: o.now.toISOString(),
    learner: o.learner,
  };
}

/** A practice run: one topic's questions in order, nobody's attempt (it is never stored or handed in). */
export function practiceSession(topic: string, questions: Paper['questions']): ExamSession {
  const paper = { examId: `practice-${topic}`, examVersion: '', seed: '', questions };
  return {
    attemptId: '-',
    paper,
    responses: {},
    flags: [],
    index: 0,
    startedAt: '',
    learner: { employeeId: '-', name: '-' },
  };
}

const onPaper = (s: ExamSession, id: string) => s.paper.questions.some((q) => q.id === id);

/** Answers a question; once the 实操 stage has opened, the questions are closed and nothing changes. */
export function respond(s: ExamSession, id: string, response: Response): ExamSession {
  if (!onPaper(s, id) || inPractical(s)) return s;
  return { ...s, responses: { ...s.responses, [id]: response } };
}

export function toggleFlag(s: ExamSession, id: string): ExamSession {
  if (!onPaper(s, id)) return s;
  const flags = s.flags.includes(id) ? s.flags.filter((f) => f !== id) : [...s.flags, id];
  return { ...s, flags };
}

/** Moves to a question; out-of-range indexes are clamped. */
export function goTo(s: ExamSession, index: number): ExamSession {
  const last = s.paper.questions.length - 1;
  return { ...s, index: Math.min(Math.max(0, Math.trunc(index)), Math.max(0, last)) };
}

// ---- 实操 stage: after the questions, the paper's calls one by one; the questions are then closed ----

export const paperSimulations = (s: ExamSession): readonly string[] => s.paper.simulations ?? [];
export const inPractical = (s: ExamSession) => s.practical !== undefined;

/** Closes the questions and opens the first call (no-op when already there). */
export function startPractical(s: ExamSession): ExamSession {
  return inPractical(s) ? s : { ...s, practical: 0 };
}

/** The call under way, or undefined once every call is finished (or before the stage opens). */
export function currentSimulation(s: ExamSession): string | undefined {
  return s.practical === undefined ? undefined : paperSimulations(s)[s.practical];
}

/** Keeps a call's transcript (replacing an earlier partial one); `finished` moves on to the next call. */
export function recordTranscript(s: ExamSession, record: SimulationRecord, finished: boolean): ExamSession {
  const current = currentSimulation(s);
  if (current === undefined || record.simulationId !== current) return s;
  const transcripts = [...(s.transcripts ?? []).filter((r) => r.simulationId !== current), record];
  return { ...s, transcripts, practical: finished ? s.practical! + 1 : s.practical };
}

export const transcriptOf = (s: ExamSession, id: string) => s.transcripts?.find((r) => r.simulationId === id);

export type Shapes = ReadonlyMap<string, Pick<QuestionShape, 'type' | 'optionCount'>>;

export interface QuestionStatus {
  id: string;
  number: number;
  answered: boolean;
  flagged: boolean;
  current: boolean;
}

/** One entry per question, in paper order: what the navigator shows. */
export function questionStatuses(s: ExamSession, shapes: Shapes): QuestionStatus[] {
  return s.paper.questions.map((pq, i) => ({
    id: pq.id,
    number: i + 1,
    answered: isAnsweredOn(shapes, pq.id, s.responses[pq.id]),
    flagged: s.flags.includes(pq.id),
    current: i === s.index,
  }));
}

function isAnsweredOn(shapes: Shapes, id: string, r: Response | undefined): boolean {
  const shape = shapes.get(id);
  return shape ? isAnswered(shape, r) : false;
}

export interface SessionSummary {
  total: number;
  answered: number;
  unanswered: number;
  flagged: number;
  secondsLeft: number;
  /** 实操: calls on the paper and calls finished. */
  calls: number;
  callsDone: number;
}

/** What the submit summary shows: answered, unanswered, flagged, time left. */
export function sessionSummary(s: ExamSession, shapes: Shapes, timeLimitMinutes: number, now: Date): SessionSummary {
  const statuses = questionStatuses(s, shapes);
  const answered = statuses.filter((q) => q.answered).length;
  return {
    total: statuses.length,
    answered,
    unanswered: statuses.length - answered,
    flagged: statuses.filter((q) => q.flagged).length,
    secondsLeft: secondsLeft(s.startedAt, timeLimitMinutes, now),
    calls: paperSimulations(s).length,
    callsDone: Math.min(s.practical ?? 0, paperSimulations(s).length),
  };
}

export const timeIsUp = (s: ExamSession, exam: Pick<ExamDefinition, 'timeLimitMinutes'>, now: Date) =>
  secondsLeft(s.startedAt, exam.timeLimitMinutes, now) === 0;

/**
 * Reads a stored session. Undefined when it is unreadable, of another exam version, or names a
 * question or simulation the page does not have: a new paper is drawn instead.
 */
export function parseSession(
  raw: string | null,
  exam: Pick<ExamDefinition, 'id' | 'version'>,
  known: ReadonlySet<string>,
  knownSimulations: ReadonlySet<string> = new Set(),
): ExamSession | undefined {
  const parsed = sessionSchema.safeParse(jsonOrUndefined(raw));
  if (!parsed.success) return undefined;
  const s = parsed.data;
  if (s.paper.examId !== exam.id || s.paper.examVersion !== exam.version) return undefined;
  if (!s.paper.questions.every((q) => known.has(q.id))) return undefined;
  if (!paperSimulations(s).every((id) => knownSimulations.has(id))) return undefined;
  return s;
}

/** The session's paper in the engine's Paper type. */
export function paperOf(s: ExamSession): Paper {
  const { simulations, ...rest } = s.paper;
  return simulations ? { ...rest, simulations } : rest;
}

export function gradeSession(
  s: ExamSession,
  exam: ExamDefinition,
  answers: ReadonlyMap<string, Gradable>,
): AttemptResult {
  return scoreAttempt(paperOf(s), s.responses, answers, scoringRules(exam));
}

/**
 * The Attempt a finished session becomes, the one place one is built. An instant exam passes its
 * result and is `graded`; a trainer-graded exam passes none and is `submitted` with no score fields.
 */
export function buildAttempt(s: ExamSession, exam: ExamDefinition, finishedAt: Date, result?: AttemptResult): Attempt {
  const base = {
    id: s.attemptId,
    examId: exam.id,
    examVersion: exam.version,
    kind: exam.kind,
    grading: exam.grading,
    seed: s.paper.seed,
    learner: s.learner,
    responses: s.responses,
    simulations: s.transcripts ?? [],
    startedAt: s.startedAt,
    finishedAt: finishedAt.toISOString(),
  };
  if (exam.grading === 'trainer' || !result) return { ...base, status: 'submitted' };
  return {
    ...base,
    status: 'graded',
    score: result.score,
    max: result.max,
    percent: result.percent,
    passed: result.passed,
    topics: result.topics.map(({ topic, score, max }) => ({ topic, score, max })),
  };
}

/** A short code the learner can read out or write down: from the attempt id, grouped in fours. */
export function submissionCode(attemptId: string): string {
  const hex = attemptId
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase()
    .slice(0, 12);
  return hex.match(/.{1,4}/g)?.join('-') ?? '';
}

/** What a sealed exam's receipt shows: counts, calls done, time used and the submission code. */
export function receipt(s: ExamSession, shapes: Shapes, timeLimitMinutes: number, finishedAt: Date) {
  const summary = sessionSummary(s, shapes, timeLimitMinutes, finishedAt);
  return { ...summary, secondsUsed: secondsUsed(s, finishedAt), code: submissionCode(s.attemptId) };
}

/** Seconds between start and finish, for the receipt. */
export function secondsUsed(s: Pick<ExamSession, 'startedAt'>, finishedAt: Date): number {
  return Math.max(0, Math.round((finishedAt.getTime() - Date.parse(s.startedAt)) / 1000));
}
