import { centerIso } from '../time/center-time.ts';
import { gradedResult } from './attempts.ts';
import { durationSeconds } from './csv.ts';
import { sha256Hex } from './export.ts';
import type { Attempt, PartResult } from './schema.ts';

/** xAPI 1.0.3 statements for exam attempts, importable into any Learning Record Store. */

const VERBS = {
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
} as const;
type Verb = keyof typeof VERBS;

const VERB_NAMES: Record<Verb, { 'en-US': string; 'zh-CN': string }> = {
  completed: { 'en-US': 'completed', 'zh-CN': '完成' },
  passed: { 'en-US': 'passed', 'zh-CN': '通过' },
  failed: { 'en-US': 'failed', 'zh-CN': '未通过' },
};

const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';
const COURSE = 'http://adlnet.gov/expapi/activities/course';

type LanguageMap = Record<string, string>;

interface Activity {
  objectType: 'Activity';
  id: string;
  definition: { type: string; name: LanguageMap };
}

export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result: {
    score?: { scaled: number; raw?: number; min?: number; max?: number };
    success?: boolean;
    completion: true;
    duration: string;
    extensions?: Record<string, PartResult>;
  };
  timestamp: string;
  context: {
    registration: string;
    platform: string;
    language: string;
    contextActivities: { grouping: Activity[] };
    extensions: Record<string, string>;
  };
  version: '1.0.3';
}

export interface XapiSite {
  /** The published site URL (site.config.ts / SITE_URL): actor homePage and activity ids start with it. */
  url: string;
  /** Shown as the platform and the site activity's name. */
  name: string;
  /** The language of the content, e.g. zh-CN. */
  locale: string;
}

/** ISO 8601 duration, e.g. PT12M5S (PT0S for none). */
export function isoDuration(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
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

/** The registration tying together every statement of one attempt. */
export const attemptRegistration = (a: Pick<Attempt, 'id'>) => stableUuid(`registration|${a.id}`);

/** An RFC 5646 tag as the validator accepts it; zh-CN when the configured one is not. */
function languageTag(locale: string): string {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : 'zh-CN';
}

/** A language map that is always valid: one non-empty string under a well-formed tag. */
function languageMap(locale: string, text: unknown, fallback: string): LanguageMap {
  const value = typeof text === 'string' && text.trim() ? text : fallback;
  return { [languageTag(locale)]: value };
}

/** ISO 8601 with the center's offset; an unreadable time falls back to the attempt's other time. */
function isoTime(...candidates: string[]): string {
  for (const c of candidates) {
    const d = new Date(c);
    if (!Number.isNaN(d.getTime())) return centerIso(d);
  }
  return centerIso(new Date(0));
}

function score(a: Attempt): XapiStatement['result']['score'] | undefined {
  const r = gradedResult(a);
  if (!r) return undefined;
  const scaled = Math.min(1, Math.max(0, Math.round((r.max > 0 ? r.score / r.max : r.percent / 100) * 10000) / 10000));
  const safe = Number.isFinite(scaled) ? scaled : 0;
  if (r.score >= 0 && r.max >= r.score && Number.isFinite(r.max))
    return { scaled: safe, raw: r.score, min: 0, max: r.max };
  return { scaled: safe };
}

/**
 * Statements of each attempt: `completed`, then `passed` or `failed` once graded. An attempt waiting
 * for a trainer (待评分) gives `completed` only, without a score. All statements of an attempt share
 * one context.registration derived from the attempt id; statement ids are unique per attempt and verb.
 */
export function attemptStatements(
  attempts: readonly Attempt[],
  site: XapiSite | string,
  examTitles: Readonly<Record<string, string>> = {},
): XapiStatement[] {
  const cfg: XapiSite = typeof site === 'string' ? { url: site, name: site, locale: 'zh-CN' } : site;
  const base = cfg.url.replace(/\/+$/, '');
  const siteActivity: Activity = {
    objectType: 'Activity',
    id: `${base}/`,
    definition: { type: COURSE, name: languageMap(cfg.locale, cfg.name, base) },
  };
  return attempts.flatMap((a) => {
    const graded = gradedResult(a);
    const verbs: Verb[] = graded ? ['completed', graded.passed ? 'passed' : 'failed'] : ['completed'];
    const exam: Activity = {
      objectType: 'Activity',
      id: `${base}/exams/${encodeURIComponent(a.examId)}/`,
      definition: { type: ASSESSMENT, name: languageMap(cfg.locale, examTitles[a.examId], a.examId) },
    };
    const s = score(a);
    return verbs.map((verb) => ({
      id: stableUuid(`${a.id}|${verb}`),
      actor: {
        objectType: 'Agent' as const,
        name: a.learner.name,
        account: { homePage: base, name: a.learner.employeeId },
      },
      verb: { id: VERBS[verb], display: VERB_NAMES[verb] },
      object: exam,
      result: {
        ...(s ? { score: s } : {}),
        ...(graded ? { success: graded.passed } : {}),
        completion: true as const,
        duration: isoDuration(durationSeconds(a)),
        // 理论 and 实操 as the trainer signed them: each part's score, max, percent and verdict.
        ...(graded && a.parts
          ? {
              extensions: {
                [`${base}/xapi/theory`]: a.parts.theory,
                ...(a.parts.practical ? { [`${base}/xapi/practical`]: a.parts.practical } : {}),
              },
            }
          : {}),
      },
      timestamp: isoTime(a.finishedAt, a.startedAt),
      context: {
        registration: attemptRegistration(a),
        platform: cfg.name,
        language: languageTag(cfg.locale),
        contextActivities: { grouping: [exam, siteActivity] },
        extensions: {
          [`${base}/xapi/exam-version`]: a.examVersion,
          [`${base}/xapi/seed`]: a.seed,
          [`${base}/xapi/attempt-id`]: a.id,
        },
      },
      version: '1.0.3' as const,
    }));
  });
}
