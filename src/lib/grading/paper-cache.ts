import { drawPaper } from '../quiz/draw.ts';
import type { ScoringRules } from '../quiz/score.ts';
import { scoringRules } from '../quiz/session.ts';
import type { Paper, PaperQuestion } from '../quiz/types.ts';
import type { KitExam, KitIndex } from './kit.ts';

/**
 * Papers re-drawn for grading, kept per loaded kit: the dashboard re-grades every attempt after each drop
 * and each 人工复核 override, and one exam version + seed always draws the same paper (drawPaper), so each
 * paper is drawn once per kit. Keyed by the kit's exam object (one id and version) and the seed, never by a
 * joined string a crafted seed could collide with. A new kit is a new index and never sees another's papers.
 *
 * What is kept is what grading reads — which questions, in paper order, with their topics — as shared
 * per-question entries: 10,000 full papers (option orders included) would hold about 36 MB for the whole
 * session and slow every garbage collection of the first grading; these hold a few MB.
 * A draw that fails is not kept: it throws again, and the caller reports why.
 */

export interface GradingPaper {
  examId: string;
  examVersion: string;
  seed: string;
  questions: readonly Pick<PaperQuestion, 'id' | 'topic'>[];
  /** The question ids of the paper, for telling a response to a question not on it. */
  ids: ReadonlySet<string>;
  /** 实操: the calls the paper carries (none for an exam without a practical part). */
  simulations: readonly string[];
}

interface Cache {
  papers: Map<KitExam, Map<string, GradingPaper>>;
  /** One frozen { id, topic } per question (id → topic → entry), shared by every paper that carries it. */
  entries: Map<string, Map<string, Pick<PaperQuestion, 'id' | 'topic'>>>;
}

const caches = new WeakMap<KitIndex, Cache>();

function outline(paper: Paper, entries: Cache['entries']): GradingPaper {
  const questions = paper.questions.map((q) => {
    let byTopic = entries.get(q.id);
    if (!byTopic) entries.set(q.id, (byTopic = new Map<string, Pick<PaperQuestion, 'id' | 'topic'>>()));
    let entry = byTopic.get(q.topic);
    if (!entry) byTopic.set(q.topic, (entry = Object.freeze({ id: q.id, topic: q.topic })));
    return entry;
  });
  const ids = new Set(questions.map((q) => q.id));
  const { examId, examVersion, seed } = paper;
  return { examId, examVersion, seed, questions, ids, simulations: paper.simulations ?? [] };
}

export function paperFor(index: KitIndex, exam: KitExam, seed: string): GradingPaper {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = { papers: new Map(), entries: new Map() }));
  let papers = cache.papers.get(exam);
  if (!papers) cache.papers.set(exam, (papers = new Map<string, GradingPaper>()));
  let paper = papers.get(seed);
  if (!paper) {
    const calls = index.simulationRefs.get(exam.id) ?? [];
    paper = outline(drawPaper(exam, index.banks.get(exam.id)!, seed, calls), cache.entries);
    papers.set(seed, paper);
  }
  return paper;
}

const rules = new WeakMap<KitExam, ScoringRules>();

/** The exam's scoring rules (session.ts: the one mapping), worked out once per exam. */
export function rulesFor(exam: KitExam): ScoringRules {
  let r = rules.get(exam);
  if (!r) rules.set(exam, (r = scoringRules(exam)));
  return r;
}
