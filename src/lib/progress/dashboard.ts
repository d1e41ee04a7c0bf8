import { drawPaper } from '../quiz/draw.ts';
import type { ExamDefinition } from '../quiz/schema.ts';
import { monthlyAssessmentEffect, scoreAttempt } from '../quiz/score.ts';
import type { AttemptResult, Gradable } from '../quiz/score.ts';
import { scoringRules } from '../quiz/session.ts';
import { isGraded } from './attempts.ts';
import type { QuestionShape } from '../quiz/types.ts';
import { certificationStatus, verificationCode } from './certification.ts';
import { ackKey, attemptKey, parseProgressFile } from './export.ts';
import type { Acknowledgment, Attempt, Learner } from './schema.ts';

/** A trainer's view of many exported progress files: validated, merged per learner, re-scored. */

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ScoringContext {
  exams: ReadonlyMap<string, ExamDefinition>;
  banks: ReadonlyMap<string, readonly QuestionShape[]>;
  answers: ReadonlyMap<string, Gradable>;
}

export type FlagKind = 'checksum' | 'score' | 'version' | 'unknown-exam' | 'unknown-question' | 'duplicate';

export interface Flag {
  file: string;
  kind: FlagKind;
  message: string;
  attempt?: Attempt;
  stored?: { score: number; passed: boolean };
  rescored?: { score: number; passed: boolean };
}

export interface LearnerRecord {
  learner: Learner;
  files: string[];
  attempts: Attempt[];
  acknowledgments: Acknowledgment[];
  /** Re-scored result per attempt key, where re-scoring was possible. */
  results: Map<string, AttemptResult>;
}

export interface DashboardState {
  learners: Map<string, LearnerRecord>;
  rejected: { file: string; reason: string }[];
  flags: Flag[];
  filesSeen: number;
}

export function emptyDashboard(): DashboardState {
  return { learners: new Map(), rejected: [], flags: [], filesSeen: 0 };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Checked before reading: a huge file is skipped without being loaded into memory. */
export function sizeProblem(size: number): string | undefined {
  return size > MAX_FILE_BYTES ? `文件过大（${mb(size)}，上限 ${mb(MAX_FILE_BYTES)}），已跳过` : undefined;
}

export function rejectFile(state: DashboardState, file: string, reason: string): void {
  state.filesSeen++;
  state.rejected.push({ file, reason });
}

/** Re-scores one attempt against the current banks; undefined when that is not possible. */
export function rescore(
  attempt: Attempt,
  ctx: ScoringContext,
): { result?: AttemptResult; problem?: { kind: FlagKind; message: string } } {
  const exam = ctx.exams.get(attempt.examId);
  if (!exam)
    return { problem: { kind: 'unknown-exam', message: `考试“${attempt.examId}”在当前站点不存在，无法重新评分` } };
  if (exam.version !== attempt.examVersion) {
    return {
      problem: {
        kind: 'version',
        message: `考试版本不同（文件 ${attempt.examVersion}，当前 ${exam.version}），按旧题库作答，无法重新评分`,
      },
    };
  }
  let paper;
  try {
    paper = drawPaper(exam, ctx.banks, attempt.seed);
  } catch (e) {
    return { problem: { kind: 'version', message: `按当前题库无法重现试卷：${(e as Error).message}` } };
  }
  const drawn = new Set(paper.questions.map((q) => q.id));
  const stray = Object.keys(attempt.responses).filter((id) => !drawn.has(id));
  if (stray.length) {
    return {
      problem: {
        kind: 'unknown-question',
        message: `作答中有 ${stray.length} 道题不在按种子重现的试卷里（题库已改动或文件被修改）：${stray.slice(0, 3).join('、')}`,
      },
    };
  }
  const keyless = paper.questions.filter((q) => !ctx.answers.has(q.id)).map((q) => q.id);
  if (keyless.length) {
    return {
      problem: {
        kind: 'unknown-question',
        message: `试卷中有 ${keyless.length} 道题的答案不在本页（考试题库的答案只在培训专员资料包里）：${keyless.slice(0, 3).join('、')}`,
      },
    };
  }
  return { result: scoreAttempt(paper, attempt.responses, ctx.answers, scoringRules(exam)) };
}

/** Adds one exported file: validates, merges into its learner, re-scores and flags differences. */
export function addFile(state: DashboardState, file: string, text: string, ctx: ScoringContext): void {
  state.filesSeen++;
  const parsed = parseProgressFile(text);
  if (!parsed.ok) {
    state.rejected.push({ file, reason: parsed.reason });
    return;
  }
  const { learner } = parsed.file;
  if (!parsed.checksumOk) {
    state.flags.push({ file, kind: 'checksum', message: '校验码与内容不符：文件导出后被改动过' });
  }
  let record = state.learners.get(learner.employeeId);
  if (record) {
    state.flags.push({
      file,
      kind: 'duplicate',
      message: `与 ${record.files.join('、')} 是同一工号 ${learner.employeeId}，已合并（相同记录只计一次）`,
    });
  } else {
    record = { learner, files: [], attempts: [], acknowledgments: [], results: new Map() };
    state.learners.set(learner.employeeId, record);
  }
  record.files.push(file);
  const known = new Set(record.attempts.map(attemptKey));
  for (const attempt of parsed.file.attempts) {
    const key = attemptKey(attempt);
    if (known.has(key)) continue;
    known.add(key);
    record.attempts.push(attempt);
    const { result, problem } = rescore(attempt, ctx);
    if (problem) {
      state.flags.push({ file, kind: problem.kind, message: problem.message, attempt });
      continue;
    }
    record.results.set(key, result!);
    if (isGraded(attempt) && (result!.score !== attempt.score || result!.passed !== attempt.passed)) {
      state.flags.push({
        file,
        kind: 'score',
        message: `${attempt.examId} 记录的成绩与重新评分不一致`,
        attempt,
        stored: { score: attempt.score, passed: attempt.passed },
        rescored: { score: result!.score, passed: result!.passed },
      });
    }
  }
  const acks = new Set(record.acknowledgments.map(ackKey));
  for (const ack of parsed.file.acknowledgments) {
    if (!acks.has(ackKey(ack))) {
      acks.add(ackKey(ack));
      record.acknowledgments.push(ack);
    }
  }
}

/** The code printed on the learner's certificate: computed from the stored (not re-scored) attempt. */
function certificateCodeOf(attempts: readonly Attempt[], passed: Attempt | undefined): string | undefined {
  const stored = passed && attempts.find((a) => attemptKey(a) === attemptKey(passed));
  return stored && isGraded(stored) ? verificationCode(stored) : undefined;
}

export interface RosterRow {
  employeeId: string;
  name: string;
  certifiedAt: string | undefined;
  certificateCode: string | undefined;
  bestCertificationPercent: number | undefined;
  monthPercent: number | undefined;
  monthEffect: 5 | 0 | -10 | undefined;
  unread: string[];
  flags: number;
  files: string[];
}

/**
 * One row per learner. Scores shown are the re-scored ones where re-scoring worked (the stored score
 * otherwise); this month's exam is the one whose id is the month (YYYY-MM).
 */
export function rosterRows(
  state: DashboardState,
  month: string,
  mustRead: readonly { policyId: string; version: string; title: string }[],
): RosterRow[] {
  return [...state.learners.values()]
    .map((r) => {
      const effective = r.attempts.map((a) => {
        const res = r.results.get(attemptKey(a));
        if (!res) return a;
        const topics = res.topics.map(({ topic, score, max }) => ({ topic, score, max }));
        return {
          ...a,
          status: 'graded' as const,
          score: res.score,
          max: res.max,
          percent: res.percent,
          passed: res.passed,
          topics,
        };
      });
      const cert = certificationStatus(effective, r.learner.employeeId);
      const monthly = effective
        .filter(isGraded)
        .filter((a) => a.examId === month)
        .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt))[0];
      const acked = new Set(r.acknowledgments.map(ackKey));
      const fileNames = new Set(r.files);
      return {
        employeeId: r.learner.employeeId,
        name: r.learner.name,
        certifiedAt: cert.attempt?.finishedAt,
        certificateCode: certificateCodeOf(r.attempts, cert.attempt),
        bestCertificationPercent: cert.bestPercent,
        monthPercent: monthly?.percent,
        monthEffect: monthly ? monthlyAssessmentEffect(monthly.percent) : undefined,
        unread: mustRead.filter((m) => !acked.has(`${m.policyId}|${m.version}`)).map((m) => m.title),
        flags: state.flags.filter((f) => fileNames.has(f.file) && f.kind !== 'duplicate').length,
        files: r.files,
      };
    })
    .sort((a, b) => a.employeeId.localeCompare(b.employeeId));
}

export interface ItemStat {
  id: string;
  topic: string;
  answered: number;
  correct: number;
  rate: number;
}

/** Correct rate per question and per topic over every re-scored attempt. */
export function itemAnalysis(state: DashboardState): {
  questions: ItemStat[];
  topics: { topic: string; answered: number; correct: number; rate: number }[];
} {
  const byQuestion = new Map<string, ItemStat>();
  for (const r of state.learners.values()) {
    for (const result of r.results.values()) {
      for (const q of result.questions) {
        const s = byQuestion.get(q.id) ?? { id: q.id, topic: q.topic, answered: 0, correct: 0, rate: 0 };
        s.answered++;
        if (q.correct) s.correct++;
        byQuestion.set(q.id, s);
      }
    }
  }
  const questions = [...byQuestion.values()].map((s) => ({ ...s, rate: s.correct / s.answered }));
  questions.sort((a, b) => a.rate - b.rate || b.answered - a.answered || a.id.localeCompare(b.id));
  const topics = new Map<string, { topic: string; answered: number; correct: number; rate: number }>();
  for (const q of questions) {
    const t = topics.get(q.topic) ?? { topic: q.topic, answered: 0, correct: 0, rate: 0 };
    t.answered += q.answered;
    t.correct += q.correct;
    topics.set(q.topic, t);
  }
  return {
    questions,
    topics: [...topics.values()].map((t) => ({ ...t, rate: t.correct / t.answered })).sort((a, b) => a.rate - b.rate),
  };
}
