import { sha256Hex } from './export.ts';
import { durationSeconds } from './csv.ts';
import type { Attempt } from './schema.ts';

/** xAPI 1.0.3 statements for exam attempts, importable into any Learning Record Store. */

const VERBS = {
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
} as const;

const VERB_NAMES: Record<keyof typeof VERBS, { 'en-US': string; 'zh-CN': string }> = {
  completed: { 'en-US': 'completed', 'zh-CN': '完成' },
  passed: { 'en-US': 'passed', 'zh-CN': '通过' },
  failed: { 'en-US': 'failed', 'zh-CN': '未通过' },
};

export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { type: string; name: Record<string, string> };
  };
  result: {
    score: { scaled: number; raw: number; min: number; max: number };
    success: boolean;
    completion: true;
    duration: string;
  };
  timestamp: string;
  context: { extensions: Record<string, string> };
  version: '1.0.3';
}

/** ISO 8601 duration, e.g. PT12M5S (PT0S for none). */
export function isoDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest || (!h && !m) ? `${rest}S` : ''}`;
  return `PT${parts}`;
}

/** A name-based UUID (version 5 layout) from a stable key, so re-exports keep statement ids. */
export function stableUuid(key: string): string {
  const h = sha256Hex(key).slice(0, 32).split('');
  h[12] = '5';
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  const x = h.join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export function attemptStatements(
  attempts: readonly Attempt[],
  homePage: string,
  examTitles: Readonly<Record<string, string>> = {},
): XapiStatement[] {
  const base = homePage.replace(/\/+$/, '');
  // Only scored attempts become statements: a submitted (待评分) attempt has no result to report yet.
  const scored = attempts.filter(
    (a): a is typeof a & { score: number; max: number; passed: boolean } =>
      a.score !== undefined && a.max !== undefined && a.passed !== undefined,
  );
  return scored.flatMap((a) => {
    const outcome = a.passed ? 'passed' : 'failed';
    return (['completed', outcome] as const).map((verb) => ({
      id: stableUuid(`${a.learner.employeeId}|${a.examId}|${a.seed}|${a.startedAt}|${verb}`),
      actor: {
        objectType: 'Agent' as const,
        name: a.learner.name,
        account: { homePage: base, name: a.learner.employeeId },
      },
      verb: { id: VERBS[verb], display: VERB_NAMES[verb] },
      object: {
        objectType: 'Activity' as const,
        id: `${base}/exams/${encodeURIComponent(a.examId)}/`,
        definition: {
          type: 'http://adlnet.gov/expapi/activities/assessment',
          name: { 'zh-CN': examTitles[a.examId] ?? a.examId },
        },
      },
      result: {
        score: { scaled: Math.round((a.max ? a.score / a.max : 0) * 10000) / 10000, raw: a.score, min: 0, max: a.max },
        success: a.passed,
        completion: true as const,
        duration: isoDuration(durationSeconds(a)),
      },
      timestamp: a.finishedAt,
      context: {
        extensions: {
          [`${base}/xapi/exam-version`]: a.examVersion,
          [`${base}/xapi/seed`]: a.seed,
        },
      },
      version: '1.0.3' as const,
    }));
  });
}
