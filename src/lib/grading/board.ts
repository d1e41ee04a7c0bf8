import { monthlyAssessmentEffect } from '../quiz/score.ts';
import type { Attempt, PartResult } from '../progress/schema.ts';
import { gradeAttempt } from './grade.ts';
import type { AttemptGrade, Override } from './grade.ts';
import type { KitIndex } from './kit.ts';
import { kitFor } from './kit-set.ts';
import type { MergedLearner } from './intake.ts';
import type { SimulationGrader } from './simulation-grader.ts';
import { gradingText as say } from '../../i18n/strings/grading-reasons.ts';

/** Every learner graded: counted results, and what is not counted with its reasons. */

export interface Conflict {
  attemptId: string;
  versions: Attempt[];
}

export interface LearnerGrades {
  learner: MergedLearner;
  /** One per attempt id of a trainer-graded exam, in start order; conflicts included with their reason. */
  grades: AttemptGrade[];
  conflicts: Conflict[];
}

export const isCounted = (g: AttemptGrade): g is AttemptGrade & { result: NonNullable<AttemptGrade['result']> } =>
  g.reasons.length === 0 && g.result !== undefined;

const startOf = (a: Attempt) => a.startedAt;

/** How a kit's simulations are judged: its own grader unless a caller (a test, the bench) says otherwise. */
export type GraderOf = (kit: KitIndex) => SimulationGrader;

const ownGrader: GraderOf = (kit) => kit.grader;

export function gradeLearner(
  learner: MergedLearner,
  kits: readonly KitIndex[],
  overrides: ReadonlyMap<string, Override>,
  graderOf: GraderOf = ownGrader,
): LearnerGrades {
  const instant = new Set(kits.flatMap((k) => k.kit.instantExams));
  const conflicts: Conflict[] = [];
  const grades: AttemptGrade[] = [];
  for (const entry of learner.attempts) {
    const first = entry.versions[0]!;
    if (instant.has(first.examId)) continue;
    const index = kitFor(kits, first.examId, first.examVersion);
    if (!index) continue;
    if (entry.versions.length > 1) {
      conflicts.push({ attemptId: entry.id, versions: entry.versions });
      grades.push({
        attempt: first,
        ...(index.exams.get(first.examId) ? { exam: index.exams.get(first.examId)! } : {}),
        reasons: [
          {
            code: 'conflict',
            message: say('reason.conflict', { id: entry.id, n: entry.versions.length }),
          },
        ],
      });
      continue;
    }
    grades.push(gradeAttempt(first, index, graderOf(index), overrides));
  }
  grades.sort(
    (a, b) => startOf(a.attempt).localeCompare(startOf(b.attempt)) || a.attempt.id.localeCompare(b.attempt.id),
  );
  // retake: none — only the first attempt on such an exam ever counts, whatever its result.
  const seen = new Map<string, string>();
  for (const g of grades) {
    if (g.exam?.retake !== 'none') continue;
    const firstId = seen.get(g.exam.id);
    if (firstId === undefined) seen.set(g.exam.id, g.attempt.id);
    else
      g.reasons.push({
        code: 'retake',
        message: say('reason.retake', { exam: g.exam.title, first: firstId }),
      });
  }
  addRetakeReasons(grades);
  return { learner, grades, conflicts };
}

/**
 * until-passed with a wait (retakeAfter): the rules the exam page enforces before a retake, checked again
 * here, since a learner's own browser can be bypassed. Nothing after a counted pass counts, and a retake
 * started before the wait after the previous submission was over does not count.
 */
function addRetakeReasons(grades: readonly AttemptGrade[]): void {
  const byExam = new Map<string, { g: AttemptGrade; start: number; finish: number }[]>();
  for (const g of grades) {
    if (g.exam?.retake !== 'until-passed') continue;
    const timed = { g, start: Date.parse(g.attempt.startedAt), finish: Date.parse(g.attempt.finishedAt) };
    const list = byExam.get(g.exam.id);
    if (list) list.push(timed);
    else byExam.set(g.exam.id, [timed]);
  }
  for (const list of byExam.values()) {
    let passed: AttemptGrade | undefined;
    let last: (typeof list)[number] | undefined;
    for (const t of list.sort((a, b) => a.start - b.start)) {
      const { exam } = t.g;
      const hours = exam?.retakeAfter?.hours ?? 0;
      if (passed)
        t.g.reasons.push({
          code: 'after-pass',
          message: say('reason.afterPass', { exam: exam!.title, passed: passed.attempt.id }),
        });
      else if (last && hours && t.start - last.finish < hours * 3_600_000)
        t.g.reasons.push({
          code: 'retake-wait',
          message: say('reason.retakeWait', { last: last.g.attempt.id, hours }),
        });
      if (!passed && isCounted(t.g) && t.g.result.passed) passed = t.g;
      if (!last || t.finish > last.finish) last = t;
    }
  }
}

export interface RosterRow {
  employeeId: string;
  name: string;
  flags: string[];
  certification?: {
    attemptId: string;
    examVersion: string;
    finishedAt: string;
    percent: number;
    theory: PartResult;
    practical?: PartResult;
  };
  /** Best counted certification attempt, passed or not. */
  bestCertificationPercent?: number;
  /** Both parts of the certification shown: the one that certified, else the latest counted attempt. */
  certificationParts?: { theory: PartResult; practical?: PartResult };
  month?: { attemptId: string; percent: number; effect: 5 | 0 | -10; practical?: PartResult };
  notCounted: { attemptId: string; examId: string; reasons: string[] }[];
  unread: string[];
}

const partsOf = (r: { theory: PartResult; practical?: PartResult | undefined }) => ({
  theory: r.theory,
  ...(r.practical ? { practical: r.practical } : {}),
});

export function rosterRow(
  lg: LearnerGrades,
  monthExamId: string | undefined,
  mustRead: readonly { policyId: string; version: string; title: string }[],
): RosterRow {
  const counted = lg.grades.filter(isCounted);
  const certs = counted.filter((g) => g.exam?.kind === 'certification');
  const firstPass = certs
    .filter((g) => g.result.passed)
    .sort((a, b) => a.attempt.finishedAt.localeCompare(b.attempt.finishedAt))[0];
  const monthly = monthExamId ? counted.find((g) => g.exam?.id === monthExamId) : undefined;
  const acked = new Set(lg.learner.acknowledgments.map((a) => `${a.policyId}|${a.version}`));
  const shown = firstPass ?? [...certs].sort((a, b) => b.attempt.finishedAt.localeCompare(a.attempt.finishedAt))[0];
  const best = certs.reduce<number | undefined>(
    (m, g) => (m === undefined || g.result.percent > m ? g.result.percent : m),
    undefined,
  );
  return {
    employeeId: lg.learner.employeeId,
    name: lg.learner.name,
    flags: lg.learner.flags.map((f) => f.message),
    ...(firstPass
      ? {
          certification: {
            attemptId: firstPass.attempt.id,
            examVersion: firstPass.attempt.examVersion,
            finishedAt: firstPass.attempt.finishedAt,
            percent: firstPass.result.percent,
            theory: firstPass.result.theory,
            ...(firstPass.result.practical ? { practical: firstPass.result.practical } : {}),
          },
        }
      : {}),
    ...(best !== undefined ? { bestCertificationPercent: best } : {}),
    ...(shown ? { certificationParts: partsOf(shown.result) } : {}),
    ...(monthly
      ? {
          month: {
            attemptId: monthly.attempt.id,
            percent: monthly.result.percent,
            effect: monthlyAssessmentEffect(monthly.result.percent),
            ...(monthly.result.practical ? { practical: monthly.result.practical } : {}),
          },
        }
      : {}),
    notCounted: lg.grades
      .filter((g) => !isCounted(g))
      .map((g) => ({ attemptId: g.attempt.id, examId: g.attempt.examId, reasons: g.reasons.map((r) => r.message) })),
    unread: mustRead.filter((m) => !acked.has(`${m.policyId}|${m.version}`)).map((m) => m.title),
  };
}

/**
 * Every learner of the intake graded, sorted by normalised id; each attempt against the kit that has its
 * exam version (kitFor), so attempts on an exam edited mid-window are graded against the earlier kit.
 */
export function gradeAll(
  learners: readonly MergedLearner[],
  kits: readonly KitIndex[],
  overrides: ReadonlyMap<string, Override>,
  graderOf: GraderOf = ownGrader,
): LearnerGrades[] {
  return learners.map((l) => gradeLearner(l, kits, overrides, graderOf));
}
