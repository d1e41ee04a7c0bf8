import { DrawError, bankShapes, drawCandidates, drawPaper, drawQuota, factOf } from './draw.ts';
import { difficulties } from './schema.ts';
import type { Bank, ExamDefinition, Question } from './schema.ts';
import { checkText as say } from '../../i18n/strings/content-check.ts';

/** Item lint: checks on the questions themselves and on the exams' draws, with Chinese messages. */

export type LintRule =
  'longest-key' | 'interior-number' | 'near-duplicate' | 'exam-item-in-practice' | 'unsatisfiable-draw';

export interface LintFinding {
  rule: LintRule;
  /** Bank topic or exam id the finding is about: with the rule, its key in the baseline. */
  target: string;
  questions: string[];
  message: string;
}

export interface BankFigures {
  topic: string;
  practice: number;
  exam: number;
  longestKey: number;
  choiceItems: number;
}

export const LONGEST_KEY_LIMIT = 0.3;
export const SIMILAR_STEM = 0.3;

type Keyed = Question & { type: 'single' | 'scenario'; options: string[]; answer: number };
const keyed = (q: Question): q is Keyed => q.type === 'single' || q.type === 'scenario';

const len = (s: string) => [...s.trim()].length;

export function keyIsLongest(q: Keyed): boolean {
  const key = len(q.options[q.answer] ?? '');
  return q.options.every((o, i) => i === q.answer || len(o) < key);
}

function numberOf(option: string): number | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*\D{0,6}\s*$/.exec(option);
  return m ? Number(m[1]) : undefined;
}

/** Bigram Jaccard similarity of two stems (Chinese text has no spaces: characters pairs work). */
export function stemSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const t = [...s.replace(/\s|[，。？！、：；“”（）]/g, '')];
    return new Set(t.slice(1).map((c, i) => t[i]! + c));
  };
  const A = grams(a);
  const B = grams(b);
  if (!A.size || !B.size) return 0;
  let both = 0;
  for (const g of A) if (B.has(g)) both++;
  return both / (A.size + B.size - both);
}

function keyText(q: Question): string {
  if (q.type === 'truefalse') return String(q.answer);
  if (Array.isArray(q.answer)) return q.answer.map((i) => q.options[i]).join('|');
  return q.options[q.answer] ?? '';
}

/** Same key text: equal, or one contains the other (「10%」 and 「不低于总话务量的 10%」), spaces ignored. */
function sameKey(a: string, b: string): boolean {
  const [x, y] = [a, b].map((s) => s.replace(/\s/g, ''));
  if (!x || !y) return false;
  return x === y || (x.length >= 2 && y.includes(x)) || (y.length >= 2 && x.includes(y));
}

export function lintBanks(banks: readonly Bank[]): LintFinding[] {
  const out: LintFinding[] = [];
  for (const b of banks) {
    const items = b.questions.filter(keyed);
    const longest = items.filter(keyIsLongest).map((q) => q.id);
    if (items.length && longest.length / items.length > LONGEST_KEY_LIMIT) {
      out.push({
        rule: 'longest-key',
        target: b.topic,
        questions: longest,
        message: say('check.lint.longestKey', {
          topic: b.topic,
          items: items.length,
          longest: longest.length,
          limit: LONGEST_KEY_LIMIT * 100,
          ids: longest.join(say('check.sep')),
        }),
      });
    }
    const numeric = items.filter((q) => q.options.every((o) => numberOf(o) !== undefined));
    const interior = numeric.filter((q) => {
      const values = q.options.map((o) => numberOf(o)!);
      const key = values[q.answer]!;
      return key > Math.min(...values) && key < Math.max(...values);
    });
    if (numeric.length >= 2 && interior.length === numeric.length) {
      out.push({
        rule: 'interior-number',
        target: b.topic,
        questions: interior.map((q) => q.id),
        message: say('check.lint.interiorNumber', {
          topic: b.topic,
          numeric: numeric.length,
          ids: interior.map((q) => q.id).join(say('check.sep')),
        }),
      });
    }
  }
  const all = banks.flatMap((b) => b.questions.map((q) => ({ q, topic: b.topic })));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const c = all[j]!;
      if (a.topic === c.topic || !sameKey(keyText(a.q), keyText(c.q))) continue;
      if (stemSimilarity(a.q.stem, c.q.stem) < SIMILAR_STEM) continue;
      out.push({
        rule: 'near-duplicate',
        target: `${a.q.id}~${c.q.id}`,
        questions: [a.q.id, c.q.id],
        message: say('check.lint.nearDuplicate', { topicA: a.topic, a: a.q.id, topicB: c.topic, b: c.q.id }),
      });
    }
  }
  return out;
}

export function lintExams(exams: readonly ExamDefinition[], banks: readonly Bank[]): LintFinding[] {
  const out: LintFinding[] = [];
  const poolOf = new Map(banks.flatMap((b) => b.questions.map((q) => [q.id, q.pool] as const)));
  const shapes = bankShapes(banks);
  for (const exam of exams) {
    if (exam.grading === 'instant' || exam.pool === 'practice') {
      const leaked = exam.extra.filter((id) => poolOf.get(id) === 'exam');
      if (leaked.length) {
        out.push({
          rule: 'exam-item-in-practice',
          target: exam.id,
          questions: leaked,
          message: say('check.lint.examItemInPractice', {
            exam: exam.id,
            grading: say(exam.grading === 'instant' ? 'check.lint.instant' : 'check.lint.practicePool'),
            ids: leaked.join(say('check.sep')),
          }),
        });
      }
    }
    const problems: string[] = [];
    const extraFacts = new Set(
      exam.extra.flatMap((id) => [...shapes.values()].flat().filter((q) => q.id === id)).map(factOf),
    );
    for (const rule of exam.draws) {
      const candidates = drawCandidates(exam, rule.topic, shapes);
      const quota = drawQuota(rule.count, rule.difficulty, candidates);
      for (const d of difficulties) {
        const facts = new Set(
          candidates
            .filter((q) => q.difficulty === d)
            .map(factOf)
            .filter((f) => !extraFacts.has(f)),
        );
        if (facts.size < quota[d]) {
          problems.push(
            say('check.lint.drawShort', {
              topic: rule.topic,
              difficulty: d,
              need: quota[d],
              pool: exam.pool,
              have: facts.size,
            }),
          );
        }
      }
    }
    if (!problems.length) {
      try {
        for (let i = 0; i < 50; i++) drawPaper(exam, shapes, `lint-${i}`);
      } catch (e) {
        if (!(e instanceof DrawError)) throw e;
        problems.push(e.message);
      }
    }
    if (problems.length) {
      out.push({
        rule: 'unsatisfiable-draw',
        target: exam.id,
        questions: [],
        message: say('check.lint.unsatisfiable', { exam: exam.id, problems: problems.join(say('check.problemSep')) }),
      });
    }
  }
  return out;
}

export function bankFigures(banks: readonly Bank[]): BankFigures[] {
  return banks.map((b) => {
    const items = b.questions.filter(keyed);
    return {
      topic: b.topic,
      practice: b.questions.filter((q) => q.pool === 'practice').length,
      exam: b.questions.filter((q) => q.pool === 'exam').length,
      longestKey: items.filter(keyIsLongest).length,
      choiceItems: items.length,
    };
  });
}
