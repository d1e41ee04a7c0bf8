import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { gradeAll } from '../../src/lib/grading/board.ts';
import { addProgressText, emptyIntake, mergedLearners } from '../../src/lib/grading/intake.ts';
import type { PrivateKeyRecord } from '../../src/lib/grading/key-records.ts';
import { resultsPayload, serializeSignedResults, signResults } from '../../src/lib/grading/results.ts';
import { certification, fileText, index, submitted } from '../fixtures/grading.ts';

/**
 * 我的进度's xAPI and CSV exports of a trainer-graded attempt: 待评分 until the learner imports the
 * trainer's signed results, then the signed score (the build trusts the test key: `npm run test:e2e`).
 * The same statements pass Learning Locker's validator in tests/unit/xapi-signed.test.ts.
 */

const learner = { employeeId: 'E5005', name: '钱七' };
const attempt = submitted(learner, certification.id, 'e2e-xapi', { id: 'e2e-xapi-1', right: 34 });
const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function signed(): Promise<string> {
  const key = JSON.parse(await readFile('tests/fixtures/keys/test-signing-key.json', 'utf8')) as PrivateKeyRecord;
  const intake = emptyIntake();
  await addProgressText(intake, 'p.json', fileText(learner, [attempt]));
  const [lg] = gradeAll(mergedLearners(intake), [index], new Map());
  return serializeSignedResults(await signResults(resultsPayload(lg!, key.kid, attempt.finishedAt, new Map()), key));
}

async function download(page: Page, button: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return readFile(await (await pending).path(), 'utf8');
}

type Statement = { verb: { id: string }; result: { score?: { raw: number; max: number }; success?: boolean } };

test('xAPI and CSV exports show a sealed attempt as 待评分, then with the signed score once imported', async ({
  page,
}) => {
  await page.goto('/progress/');
  await page.getByLabel('工号').fill(learner.employeeId);
  await page.getByLabel('姓名').fill(learner.name);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByLabel('选择之前导出的 JSON 文件').setInputFiles(json('mine.json', fileText(learner, [attempt])));
  await expect(page.locator('.mp-attempts tbody tr')).toHaveCount(1);

  const before = JSON.parse(await download(page, '导出 xAPI 语句')) as Statement[];
  expect(before.map((s) => s.verb.id)).toEqual(['http://adlnet.gov/expapi/verbs/completed']);
  expect(before[0]!.result.score).toBeUndefined();

  await page.getByLabel('选择签名成绩文件').setInputFiles(json('results.json', await signed()));
  await expect(page.locator('.sr-status')).toContainText('签名有效');

  const after = JSON.parse(await download(page, '导出 xAPI 语句')) as Statement[];
  expect(after.map((s) => s.verb.id)).toEqual([
    'http://adlnet.gov/expapi/verbs/completed',
    'http://adlnet.gov/expapi/verbs/passed',
  ]);
  expect(after[1]!.result).toMatchObject({ score: { raw: 34, max: 36 }, success: true });

  const csv = await download(page, '导出 CSV（Excel）');
  const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  expect(rows[1]!.join(',')).not.toContain('待评分');
  expect(rows[1]).toContain('34');
});
