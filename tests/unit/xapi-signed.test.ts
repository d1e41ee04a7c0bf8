import { readFileSync } from 'node:fs';
import validate from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { gradeAll } from '../../src/lib/grading/board.ts';
import { overrideKey } from '../../src/lib/grading/grade.ts';
import type { Override } from '../../src/lib/grading/grade.ts';
import { addProgressText, emptyIntake, mergedLearners } from '../../src/lib/grading/intake.ts';
import type { PrivateKeyRecord, PublicKeyRecord } from '../../src/lib/grading/key-records.ts';
import {
  certificateClaims,
  certificateCode,
  resultsPayload,
  serializeSignedResults,
  signResults,
  verifyResultsText,
} from '../../src/lib/grading/results.ts';
import type { ResultsPayload } from '../../src/lib/grading/results.ts';
import { withSignedResults } from '../../src/lib/progress/signed-grades.ts';
import type { Attempt } from '../../src/lib/progress/schema.ts';
import { attemptStatements } from '../../src/lib/progress/xapi.ts';
import type { XapiSite } from '../../src/lib/progress/xapi.ts';
import {
  SIM_EXAM_ID,
  SIM_IDS,
  badTranscript,
  fileText,
  index,
  modelTranscript,
  monthly,
  submitted,
} from '../fixtures/grading.ts';
import { sampleAttempt } from '../fixtures/sample-attempt.ts';

/**
 * The whole way of a trainer-graded attempt into an LRS: the learner submits (待评分), the trainer grades
 * it on the dashboard with a 人工复核 override and signs with the test key, the learner imports the signed
 * results file, and the xAPI export of 我的进度 then carries the signed score — every statement valid
 * under Learning Locker's validator.
 */

const site: XapiSite = { url: 'https://kb.example.cn/', name: '和信客服知识库', locale: 'zh-CN' };
const signingKey = JSON.parse(readFileSync('tests/fixtures/keys/test-signing-key.json', 'utf8')) as PrivateKeyRecord;
const publicKeys = (
  JSON.parse(readFileSync('tests/fixtures/keys/test-public-key.json', 'utf8')) as { keys: PublicKeyRecord[] }
).keys;

const zhang = { employeeId: 'E1001', name: '张三' };
const REVIEW = '客户挂断前已致歉并承诺处理，按录音人工复核为通过';

/** What the learner's browser holds: the sample instant attempt and two sealed, submitted ones. */
const local: Attempt[] = [
  sampleAttempt,
  submitted(zhang, SIM_EXAM_ID, 'xapi-cert', {
    id: 'cert-1',
    right: 33,
    // The second call judged failed automatically (a known-bad reply); the trainer overrides it.
    simulations: [modelTranscript(SIM_IDS[0]), badTranscript(SIM_IDS[1])],
  }),
  submitted(zhang, monthly.id, 'xapi-month', { id: 'month-1', right: 5 }),
];

/** The dashboard: grade the learner's exported file against the kit with one override, then sign. */
async function signedResultsText(): Promise<string> {
  const intake = emptyIntake();
  await addProgressText(intake, 'progress-E1001.json', fileText(zhang, local));
  const overrides = new Map<string, Override>([[overrideKey('cert-1', SIM_IDS[1]), { passed: true, reason: REVIEW }]]);
  const [lg] = gradeAll(mergedLearners(intake), [index], overrides);
  const cert = certificateClaims(lg!, signingKey.kid)!;
  const certificates = new Map([[cert.attemptId, await certificateCode(cert.claims, signingKey)]]);
  const payload = resultsPayload(lg!, signingKey.kid, '2026-11-23T10:00:00.000+08:00', certificates);
  return serializeSignedResults(await signResults(payload, signingKey));
}

/** 我的进度: the imported file verifies with the site's keys; the export applies it. */
async function imported(text: string): Promise<ResultsPayload> {
  const v = await verifyResultsText(text, publicKeys);
  if (!v.ok) throw new Error(v.reason);
  return v.value;
}

const errorsOf = (statement: unknown) => validate(statement) as unknown[];

describe('xAPI of a signed, trainer-graded attempt', () => {
  it('after importing the signed results, every exported statement passes Learning Locker’s validator', async () => {
    const payload = await imported(await signedResultsText());
    const statements = attemptStatements(withSignedResults(local, [payload]), site, {
      [SIM_EXAM_ID]: '带实操的认证',
      [monthly.id]: monthly.title,
    });
    for (const s of statements) expect(errorsOf(s), JSON.stringify(s, null, 2)).toEqual([]);

    // The trainer-graded attempts carry the signed figures, not 待评分.
    const of = (attemptId: string) =>
      statements.filter((s) => s.context.extensions['https://kb.example.cn/xapi/attempt-id'] === attemptId);
    const cert = payload.results.find((r) => r.attemptId === 'cert-1')!;
    expect(cert.simulations.find((s) => s.simulationId === SIM_IDS[1])).toMatchObject({
      passed: true,
      auto: false,
      review: { passed: true, reason: REVIEW },
    });
    expect(of('cert-1').map((s) => s.verb.id)).toEqual([
      'http://adlnet.gov/expapi/verbs/completed',
      'http://adlnet.gov/expapi/verbs/passed',
    ]);
    expect(of('cert-1')[1]!.result).toMatchObject({
      score: { raw: cert.score, max: cert.max, min: 0 },
      success: true,
    });
    expect(of('month-1').map((s) => s.verb.id)).toEqual([
      'http://adlnet.gov/expapi/verbs/completed',
      'http://adlnet.gov/expapi/verbs/failed',
    ]);
    expect(of('month-1')[1]!.result.success).toBe(false);
    expect(of('a1')).toHaveLength(2);
  });

  it('without a verified result the attempt stays 待评分: completed only, no score', async () => {
    const text = await signedResultsText();
    const tampered = text.replace('\\"passed\\":false', '\\"passed\\":true');
    expect(tampered).not.toBe(text);
    expect((await verifyResultsText(tampered, publicKeys)).ok).toBe(false);

    const payload = await imported(text);
    const someoneElse = { ...payload, learner: { ...payload.learner, employeeId: 'E2002' } };
    const otherTimes = withSignedResults([{ ...local[1]!, finishedAt: '2026-11-20T02:31:00.000Z' }], [payload]);
    for (const attempts of [local, withSignedResults(local, [someoneElse]), otherTimes]) {
      const cert = attemptStatements(attempts, site).filter((s) => s.object.id.includes(SIM_EXAM_ID));
      expect(cert.map((s) => s.verb.id)).toEqual(['http://adlnet.gov/expapi/verbs/completed']);
      expect(cert[0]!.result.score).toBeUndefined();
    }
  });

  it('the newest signing wins (a later 人工复核), and the validator is no rubber stamp', async () => {
    const payload = await imported(await signedResultsText());
    const older = {
      ...payload,
      issuedAt: '2026-11-22T10:00:00.000+08:00',
      results: payload.results.map((r) => ({ ...r, passed: false })),
    };
    const [, cert] = withSignedResults(local, [payload, older]);
    expect(cert).toMatchObject({ status: 'graded', passed: true, parts: { practical: { score: 2, max: 2 } } });

    const [completed] = attemptStatements([cert!], site);
    expect(errorsOf({ ...completed, verb: { ...completed!.verb, id: 'passed' } })).not.toEqual([]);
    expect(errorsOf({ ...completed, result: { ...completed!.result, score: { scaled: 1.5 } } })).not.toEqual([]);
  });
});
