import { difficulties } from './schema.ts';
import type { DifficultyQuota, ExamDefinition, Question } from './schema.ts';
import { createRng, shuffled, shuffledRange } from './random.ts';
import type { Paper, PaperQuestion, QuestionShape } from './types.ts';
import { progressText as say } from '../../i18n/strings/progress-records.ts';

/** What drawing a paper needs of an exam. */
export type DrawSpec = Pick<ExamDefinition, 'id' | 'version' | 'draws' | 'extra' | 'pool'> & {
  simulations?: ExamDefinition['simulations'];
};
export type Banks = ReadonlyMap<string, readonly QuestionShape[]>;

/** A question's fact key: its `fact`, or its own id when it names none. */
export const factOf = (q: Pick<QuestionShape, 'id' | 'fact'>) => q.fact ?? `#${q.id}`;

interface BankIndex {
  topicOf: Map<string, string>;
  shapeOf: Map<string, QuestionShape>;
}

// Re-scoring draws thousands of papers from the same banks: index them once.
const indexes = new WeakMap<Banks, BankIndex>();

function indexBanks(banks: Banks): BankIndex {
  let index = indexes.get(banks);
  if (!index) {
    index = { topicOf: new Map(), shapeOf: new Map() };
    for (const [topic, questions] of banks) {
      for (const q of questions) {
        index.topicOf.set(q.id, topic);
        index.shapeOf.set(q.id, q);
      }
    }
    indexes.set(banks, index);
  }
  return index;
}

/** The questions one draw may take: the exam's pool, without the extra questions. */
export function drawCandidates(exam: DrawSpec, topic: string, banks: Banks): QuestionShape[] {
  const extra = new Set(exam.extra);
  return (banks.get(topic) ?? []).filter((q) => q.pool === exam.pool && !extra.has(q.id));
}

/**
 * Per-difficulty counts of one draw. Written in the YAML, or derived from the pool's make-up by
 * largest remainder; either way every paper of one exam version gets exactly these counts.
 */
export function drawQuota(count: number, given: DifficultyQuota | undefined, candidates: readonly QuestionShape[]) {
  if (given) return { 1: given[1] ?? 0, 2: given[2] ?? 0, 3: given[3] ?? 0 };
  const total = candidates.length;
  const have = difficulties.map((d) => candidates.filter((q) => q.difficulty === d).length);
  if (total === 0) return { 1: count, 2: 0, 3: 0 };
  const exact = have.map((n) => (n / total) * count);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; out.reduce((s, n) => s + n, 0) < count; k++) out[order[k % 3]!.i]!++;
  return { 1: out[0]!, 2: out[1]!, 3: out[2]! };
}

export class DrawError extends Error {}

interface DrawStep {
  topic: string;
  /** facts[i] is factOf(candidates[i]), worked out once per plan rather than once per paper. */
  strata: { difficulty: 1 | 2 | 3; quota: number; candidates: QuestionShape[]; facts: string[] }[];
}

// Drawing thousands of papers of one exam from the same banks: plan the strata once.
const plans = new WeakMap<Banks, WeakMap<DrawSpec, DrawStep[]>>();

/** Per draw and difficulty: how many questions, and from which candidates (the exam's pool, extras left out). */
export function drawPlan(exam: DrawSpec, banks: Banks): DrawStep[] {
  let byExam = plans.get(banks);
  if (!byExam) plans.set(banks, (byExam = new WeakMap()));
  let plan = byExam.get(exam);
  if (!plan) {
    plan = exam.draws.map((rule) => {
      const candidates = drawCandidates(exam, rule.topic, banks);
      const quota = drawQuota(rule.count, rule.difficulty, candidates);
      const strata = difficulties.map((d) => {
        const own = candidates.filter((c) => c.difficulty === d);
        return { difficulty: d, quota: quota[d], candidates: own, facts: own.map(factOf) };
      });
      return { topic: rule.topic, strata };
    });
    byExam.set(exam, plan);
  }
  return plan;
}

/** How many times a paper is redrawn (same seed stream) when fact clashes leave a stratum short. */
const TRIES = 20;

/**
 * Draws a paper deterministically from a seed: per draw and difficulty a shuffled sample of the exam's
 * pool, never two questions on one fact, then the extra questions; options shuffled.
 * Same exam version + seed + banks ⇒ same paper. With `simulations` (the calls the exam may draw:
 * examSimulations), an exam with a practical part also gets its calls; without, the question part only.
 */
export function drawPaper(exam: DrawSpec, banks: Banks, seed: string, simulations?: readonly SimulationRef[]): Paper {
  const rng = createRng(`${exam.id}|${exam.version}|${seed}`);
  const { topicOf, shapeOf } = indexBanks(banks);
  const extras = exam.extra.map((id) => {
    const q = shapeOf.get(id);
    if (!q) throw new DrawError(say('draw.noExtra', { exam: exam.id, id }));
    return q;
  });
  const plan = drawPlan(exam, banks);
  let picked: QuestionShape[] | undefined;
  let problem = '';
  for (let attempt = 0; attempt < TRIES && !picked; attempt++) {
    const used = new Set(extras.map(factOf));
    const out: QuestionShape[] = [];
    try {
      for (const { topic, strata } of plan) {
        if (!banks.has(topic)) throw new DrawError(say('draw.noBank', { exam: exam.id, topic }));
        for (const { difficulty, quota, candidates, facts } of strata) {
          let need = quota;
          // The order shuffled(candidates, rng) would give, as indexes, so each candidate's fact is looked up.
          for (const i of shuffledRange(candidates.length, rng)) {
            if (need === 0) break;
            if (used.has(facts[i]!)) continue;
            used.add(facts[i]!);
            out.push(candidates[i]!);
            need--;
          }
          if (need > 0) throw new DrawError(say('draw.short', { exam: exam.id, topic, difficulty, need }));
        }
      }
      picked = out;
    } catch (e) {
      if (!(e instanceof DrawError)) throw e;
      problem = e.message;
    }
  }
  if (!picked) throw new DrawError(problem);
  const questions: PaperQuestion[] = [...picked, ...extras].map((q) => ({
    id: q.id,
    topic: topicOf.get(q.id)!,
    order: q.type === 'truefalse' ? [] : shuffledRange(q.optionCount, rng),
  }));
  const paper: Paper = { examId: exam.id, examVersion: exam.version, seed, questions };
  if (exam.simulations && simulations)
    paper.simulations = drawSimulations(exam.simulations, simulations, `${exam.id}|${exam.version}|${seed}`);
  return paper;
}

/** A simulation as the draw sees it: its id and the topic it practises. */
export interface SimulationRef {
  id: string;
  topic: string;
}

/**
 * 实操: picks `count` simulations by seed, one of each `mustInclude` topic first. Too few available
 * is a DrawError (the content check reports it): a paper never silently loses its practical part.
 */
export function drawSimulations(
  spec: Pick<NonNullable<ExamDefinition['simulations']>, 'count' | 'mustInclude'>,
  available: readonly SimulationRef[],
  seed: string,
): string[] {
  const rng = createRng(`simulations|${seed}`);
  const pool = shuffled(available, rng);
  const out: SimulationRef[] = [];
  for (const topic of spec.mustInclude) {
    const s = pool.find((p) => p.topic === topic && !out.includes(p));
    if (!s) throw new DrawError(say('draw.noSimTopic', { topic }));
    out.push(s);
  }
  for (const s of pool) if (out.length < spec.count && !out.includes(s)) out.push(s);
  if (out.length < spec.count) throw new DrawError(say('draw.fewSims', { have: available.length, need: spec.count }));
  return out.map((s) => s.id);
}

/** A practice sequence: one topic's questions in a seeded order, options shuffled the same way. */
export function practiceOrder(topic: string, questions: readonly QuestionShape[], seed: string): PaperQuestion[] {
  const rng = createRng(`practice|${topic}|${seed}`);
  return shuffled(questions, rng).map((q) => ({
    id: q.id,
    topic,
    order: q.type === 'truefalse' ? [] : shuffledRange(q.optionCount, rng),
  }));
}

/** The shapes of every question by topic, from the banks as the YAML says them (tools and tests). */
export function bankShapes(
  banks: readonly { topic: string; questions: readonly Question[] }[],
): Map<string, QuestionShape[]> {
  return new Map(
    banks.map((b) => [
      b.topic,
      b.questions.map((q) => ({
        id: q.id,
        type: q.type,
        optionCount: q.type === 'truefalse' ? 0 : q.options.length,
        difficulty: q.difficulty,
        pool: q.pool,
        ...(q.fact ? { fact: q.fact } : {}),
      })),
    ]),
  );
}
