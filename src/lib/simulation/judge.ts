import type { SimulationRecord } from '../progress/schema.ts';
import { createPhraseChecker } from '../phrases/check.ts';
import type { PhraseChecker } from '../phrases/check.ts';
import type { JudgePhrase } from '../phrases/judge-phrase.ts';
import { foldNi, normalise } from './normalise.ts';
import { matchRubric } from './rubric-matcher.ts';
import type { Normalised, Span } from './normalise.ts';
import { END, isChooseTurn, isReplyTurn } from './turns.ts';
import type { ChooseTurn, ReplyTurn, Simulation, SimulationTurn } from './schema.ts';

/**
 * The judge: normalise → match → score. Pure; shared by practice pages (instant feedback), the build
 * validation (model and bad replies) and the trainer dashboard (sealed grading).
 * Simulations must be prepared first (prepareSimulation: placeholders filled, shared forbidden items merged).
 */

export interface JudgeContext {
  checker: PhraseChecker;
  phrases: ReadonlyMap<string, JudgePhrase>;
}

export function createJudgeContext(phrases: readonly JudgePhrase[]): JudgeContext {
  return { checker: createPhraseChecker(phrases), phrases: new Map(phrases.map((p) => [p.id, p])) };
}

export const DEFAULT_PASS_MARK = 70;
/** One element found this many times or more (synonyms piled up, repeats) is keyword stuffing. */
export const STUFFING_REPEATS = 4;
/** This many matches beyond one per element is keyword stuffing. */
export const STUFFING_EXTRA = 3;

export interface ElementResult {
  id: string;
  label: string;
  points: number;
  awarded: number;
  critical: boolean;
  ref: string;
  /** The prescribed wording, for feedback. */
  script: string;
  met: boolean;
  /** Where it was found in the reply (original offsets). */
  span?: Span;
}

export interface ForbiddenHit {
  source: 'phrase' | 'turn';
  id: string;
  /** The phrase or item as the center names it. */
  label: string;
  why: string;
  instead: string[];
  /** Offsets in the reply, end exclusive. */
  start: number;
  end: number;
}

export interface OrderBroken {
  before: string;
  after: string;
  why: string;
  critical: boolean;
}

export type CriticalReason =
  | { reason: 'empty' }
  | { reason: 'too-long'; length: number; max: number }
  | { reason: 'stuffing' }
  | { reason: 'forbidden' }
  | { reason: 'missed'; element: string }
  | { reason: 'order'; before: string; after: string }
  | { reason: 'wrong-choice' }
  | { reason: 'unanswered' };

export interface ReplyJudgement {
  kind: 'reply';
  turnId: string;
  reply: string;
  score: number;
  max: number;
  percent: number;
  passed: boolean;
  met: ElementResult[];
  missed: ElementResult[];
  forbidden: ForbiddenHit[];
  orderBroken: OrderBroken[];
  critical: CriticalReason[];
}

export interface ChoiceJudgement {
  kind: 'choose';
  turnId: string;
  choice: number | undefined;
  key: number;
  correct: boolean;
  score: number;
  max: number;
  percent: number;
  passed: boolean;
  why: string;
  ref: string;
  critical: CriticalReason[];
}

export type TurnJudgement = ReplyJudgement | ChoiceJudgement;

const pct = (score: number, max: number) => (max > 0 ? Math.round((score / max) * 1000) / 10 : 0);

function original(norm: Normalised, span: Span): Span {
  return { start: norm.at[span.start] ?? 0, end: norm.end[span.end - 1] ?? 0 };
}

/** Judges one free-text reply against its turn's rubric. */
export function judgeReply(
  turn: ReplyTurn,
  reply: string,
  ctx: JudgeContext,
  passMark = DEFAULT_PASS_MARK,
): ReplyJudgement {
  const rubric = turn.reply;
  const norm = normalise(reply);
  let foldedCache: Normalised | undefined;
  const folded = () => (foldedCache ??= foldNi(norm));
  const critical: CriticalReason[] = [];
  const max = rubric.elements.reduce((n, e) => n + e.points, 0);

  // Forbidden content: every phrase of content/phrases, then the turn's own items.
  const forbidden: ForbiddenHit[] = [];
  for (const hit of ctx.checker.check(reply)) {
    const phrase = ctx.phrases.get(hit.phraseIds[0] ?? '');
    forbidden.push({
      source: 'phrase',
      id: hit.phraseIds.join(' '),
      label: phrase?.phrase ?? reply.slice(hit.start, hit.end),
      why: phrase?.why ?? '',
      instead: hit.phraseIds.flatMap((id) => ctx.phrases.get(id)?.instead.slice(0, 1) ?? []),
      start: hit.start,
      end: hit.end,
    });
  }
  const found = matchRubric(rubric, norm, folded);
  const e = rubric.elements.length;
  const f = rubric.forbidden.length;
  rubric.forbidden.forEach((item, i) => {
    const allowed = found(e + f + i);
    for (const span of found(e + i)) {
      if (allowed.some((a) => a.start <= span.start && a.end >= span.end)) continue;
      forbidden.push({
        source: 'turn',
        id: item.id,
        label: item.label,
        why: item.why,
        instead: [item.instead],
        ...original(norm, span),
      });
    }
  });
  forbidden.sort((a, b) => a.start - b.start);

  // Required elements, each counted once however often it is said.
  const results: ElementResult[] = [];
  let matchedPhrasings = 0;
  let stuffed = false;
  rubric.elements.forEach((el, i) => {
    const spans = found(i);
    matchedPhrasings += spans.length;
    if (spans.length >= STUFFING_REPEATS) stuffed = true;
    const first = spans[0];
    results.push({
      id: el.id,
      label: el.label,
      points: el.points,
      awarded: first ? el.points : 0,
      critical: el.critical,
      ref: el.ref,
      script: el.script ?? el.accept[0]!.replace(/…+/g, '……'),
      met: first !== undefined,
      ...(first ? { span: original(norm, first) } : {}),
    });
  });
  if (matchedPhrasings >= rubric.elements.length + STUFFING_EXTRA) stuffed = true;

  const orderBroken: OrderBroken[] = [];
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const rule of rubric.order) {
    const a = byId.get(rule.before);
    const b = byId.get(rule.after);
    if (a?.span && b?.span && b.span.start < a.span.start) {
      orderBroken.push({ before: rule.before, after: rule.after, why: rule.why, critical: rule.critical });
      b.awarded = 0;
      if (rule.critical) critical.push({ reason: 'order', before: rule.before, after: rule.after });
    }
  }

  if (norm.text.length === 0) critical.push({ reason: 'empty' });
  if (norm.text.length > rubric.maxLength) {
    critical.push({ reason: 'too-long', length: norm.text.length, max: rubric.maxLength });
  }
  if (stuffed) critical.push({ reason: 'stuffing' });
  if (forbidden.length) critical.push({ reason: 'forbidden' });
  for (const r of results) if (r.critical && !r.met) critical.push({ reason: 'missed', element: r.id });

  // Forbidden content, an over-long paste, stuffing or an empty reply earn nothing for the turn.
  const voided = critical.some((c) => c.reason !== 'missed' && c.reason !== 'order');
  const score = voided ? 0 : results.reduce((n, r) => n + r.awarded, 0);
  const percent = pct(score, max);
  return {
    kind: 'reply',
    turnId: turn.id,
    reply,
    score,
    max,
    percent,
    passed: critical.length === 0 && percent >= passMark,
    met: results.filter((r) => r.met),
    missed: results.filter((r) => !r.met),
    forbidden,
    orderBroken,
    critical,
  };
}

/** Judges a `choose` turn. */
export function judgeChoice(turn: ChooseTurn, choice: number | undefined): ChoiceJudgement {
  const { key, points, critical: isCritical, why, ref } = turn.choose;
  const correct = choice === key;
  const critical: CriticalReason[] = [];
  if (choice === undefined) critical.push({ reason: 'unanswered' });
  else if (!correct && isCritical) critical.push({ reason: 'wrong-choice' });
  return {
    kind: 'choose',
    turnId: turn.id,
    choice,
    key,
    correct,
    score: correct ? points : 0,
    max: points,
    percent: correct ? 100 : 0,
    passed: correct,
    why,
    ref,
    critical,
  };
}

export interface WalkOptions {
  /**
   * Follow branches that depend on the reply (met / missed / forbidden). A sealed exam page cannot
   * evaluate them (it has no rubric), so sealed grading passes false and walks `next` only.
   */
  branching?: boolean;
}

/** The turn after `turn` given how it was judged: a branch, `next`, the following turn, or END. */
export function nextTurnId(
  sim: Simulation,
  turn: SimulationTurn,
  judged: TurnJudgement | undefined,
  options: WalkOptions = {},
): string {
  if (options.branching !== false && 'branches' in turn && judged) {
    for (const b of turn.branches) {
      if (b.choice !== undefined && judged.kind === 'choose' && judged.choice === b.choice) return b.to;
      if (judged.kind !== 'reply') continue;
      if (b.met !== undefined && judged.met.some((e) => e.id === b.met)) return b.to;
      if (b.missed !== undefined && judged.missed.some((e) => e.id === b.missed)) return b.to;
      if (b.forbidden !== undefined && b.forbidden === judged.forbidden.length > 0) return b.to;
    }
  }
  if (turn.next) return turn.next;
  const i = sim.turns.indexOf(turn);
  return sim.turns[i + 1]?.id ?? END;
}

export interface SimulationJudgement {
  simulationId: string;
  score: number;
  max: number;
  percent: number;
  passed: boolean;
  /** Every learner turn on the path has a reply or a choice in the transcript. */
  complete: boolean;
  /** Turn ids in the order the call went, customer turns included. */
  path: string[];
  turns: TurnJudgement[];
}

/**
 * Judges a whole transcript (the progress schema's simulation record). The call is walked from the
 * first turn; a learner turn missing from the transcript counts as an empty reply / no choice.
 */
export function judgeSimulation(
  sim: Simulation,
  transcript: SimulationRecord,
  ctx: JudgeContext,
  options: WalkOptions = {},
): SimulationJudgement {
  const byTurn = new Map<string, SimulationRecord['turns'][number]>();
  for (const t of transcript.turns) if (!byTurn.has(t.turnId)) byTurn.set(t.turnId, t);
  const turnById = new Map(sim.turns.map((t) => [t.id, t]));
  const path: string[] = [];
  const turns: TurnJudgement[] = [];
  let complete = true;
  let turn = sim.turns[0];
  // Branches only go forward (validated), so the walk ends; the bound guards unvalidated data.
  while (turn && path.length <= sim.turns.length) {
    path.push(turn.id);
    let judged: TurnJudgement | undefined;
    const record = byTurn.get(turn.id);
    if (isReplyTurn(turn)) {
      if (record?.reply === undefined) complete = false;
      judged = judgeReply(turn, record?.reply ?? '', ctx, sim.passMark);
    } else if (isChooseTurn(turn)) {
      if (record?.choice === undefined) complete = false;
      judged = judgeChoice(turn, record?.choice);
    }
    if (judged) turns.push(judged);
    const next = nextTurnId(sim, turn, judged, options);
    turn = next === END ? undefined : turnById.get(next);
  }
  const score = turns.reduce((n, t) => n + t.score, 0);
  const max = turns.reduce((n, t) => n + t.max, 0);
  const percent = pct(score, max);
  const critical = turns.some((t) => t.critical.length > 0);
  return {
    simulationId: sim.id,
    score,
    max,
    percent,
    passed: complete && !critical && percent >= sim.passMark,
    complete,
    path,
    turns,
  };
}
