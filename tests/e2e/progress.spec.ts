import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { progressFileSchema } from '../../src/lib/progress/schema.ts';
import { answerByKeyboard, startExam, submitFromSummary } from './quiz-helpers.ts';
import { exportText } from '../fixtures/progress-files.ts';

/** The mock certification is graded on the spot; the certification itself is graded by a trainer. */
const mock = loadContent().exams.find((e) => e.data.id === 'mock-certification')!.data;
/** Its paper: the blueprint's draws plus the questions every paper carries. */
const paperSize = mock.draws.reduce((n, d) => n + d.count, 0) + mock.extra.length;

async function passMock(page: Page, id: string, name: string) {
  await startExam(page, '/exams/mock-certification/', id, name, paperSize);
  for (let i = 1; i <= paperSize; i++) {
    await expect(page.locator('.qr-progress')).toHaveText(`第 ${i} / ${paperSize} 题`);
    await answerByKeyboard(page, 'right');
    await page.keyboard.press('Enter');
  }
  await submitFromSummary(page);
  await expect(page.locator('.qr-result .qr-verdict').first()).toHaveText('通过');
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('take an exam, export JSON/CSV/xAPI, clear storage, import, see the same progress', async ({ page }) => {
  test.setTimeout(120_000);
  await passMock(page, 'E3001', '孙八');
  await page.goto(`/policies/${loadContent().policies.find((p) => p.data.mustRead)!.id}/`);
  await page.locator('policy-ack').scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: '我已阅读并理解此版本' }).click();
  await expect(page.locator('policy-ack .ack-status')).toContainText('已记录');

  await page.goto('/progress/');
  // A passed mock certifies nothing.
  await expect(page.locator('.mp-cert')).toContainText('尚未通过最低技能认证');
  await expect(page.locator('.mp-attempts tbody tr')).toHaveCount(1);
  await expect(page.locator('.mp-acks li')).toHaveCount(1);

  const json = await download(page, '导出 JSON（交给培训专员）');
  expect(json.name).toMatch(/^progress-E3001-\d{4}-\d{2}-\d{2}\.json$/);
  const file = progressFileSchema.parse(JSON.parse(json.text));
  expect(file).toMatchObject({ schemaVersion: 2, learner: { employeeId: 'E3001', name: '孙八' } });
  expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
  expect(file.attempts).toHaveLength(1);
  // A perfect paper: full marks.
  expect(file.attempts[0]).toMatchObject({ examId: 'mock-certification', passed: true, percent: 100 });
  const { score, max } = file.attempts[0]!;
  expect(max).toBeGreaterThan(0);
  expect(score).toBe(max);

  const csv = await download(page, '导出 CSV（Excel）');
  expect(csv.text.startsWith('\ufeff')).toBe(true);
  const rows = Papa.parse<string[]>(csv.text.slice(1), { skipEmptyLines: true }).data;
  expect(rows[0]!.slice(0, 3)).toEqual(['工号', '姓名', '考试']);
  expect(rows[1]!.slice(0, 3)).toEqual(['E3001', '孙八', '模拟认证']);

  const xapi: unknown = JSON.parse((await download(page, '导出 xAPI 语句')).text);
  expect(xapi).toMatchObject([
    { verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } },
    {
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
      actor: { account: { name: 'E3001' } },
      result: {
        score: { scaled: 1, raw: max, min: 0, max },
        duration: expect.stringMatching(/^PT(\d+H)?(\d+M)?(\d+S)?$/),
      },
    },
  ]);

  // A new browser: storage cleared, the learner restores from the JSON.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('.mp-no-attempts')).toBeVisible();
  await page.getByLabel('工号').fill('E3001');
  await page.getByLabel('姓名').fill('孙八');
  await page.getByRole('button', { name: '保存' }).click();
  await page
    .getByLabel('选择之前导出的 JSON 文件')
    .setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await expect(page.locator('.mp-status')).toContainText('新增 1 条考试记录、1 条阅读确认');
  await expect(page.locator('.mp-cert')).toContainText('尚未通过最低技能认证');
  await expect(page.locator('.mp-acks li')).toHaveCount(1);
  // Importing again adds nothing.
  await page
    .getByLabel('选择之前导出的 JSON 文件')
    .setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await expect(page.locator('.mp-status')).toContainText('新增 0 条考试记录、0 条阅读确认');
  const again = progressFileSchema.parse(JSON.parse((await download(page, '导出 JSON（交给培训专员）')).text));
  expect({ ...again, exportedAt: '' }).toEqual({ ...file, exportedAt: '' });

  // A certificate comes only from a trainer-signed result (tests/e2e/dashboard.spec.ts), never from local attempts.
  await page.goto('/certificate/');
  await expect(page.locator('.cert-none')).toBeVisible();
  await expect(page.locator('.cert-sheet')).toHaveCount(0);
});

test('importing someone else’s or a broken file is refused with a reason', async ({ page }) => {
  await page.goto('/progress/');
  await page.getByLabel('工号').fill('E4001');
  await page.getByLabel('姓名').fill('周九');
  await page.getByRole('button', { name: '保存' }).click();
  const other = exportText({ employeeId: 'E9999', name: '别人' }, []);
  await page
    .getByLabel('选择之前导出的 JSON 文件')
    .setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(other) });
  await expect(page.locator('.mp-status')).toContainText('属于 别人（E9999）');
  await page
    .getByLabel('选择之前导出的 JSON 文件')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
  await expect(page.locator('.mp-status')).toContainText('bad.json 无法导入：不是有效的 JSON');
});

test('the certificate page says so when there is no passed certification', async ({ page }) => {
  await page.goto('/certificate/');
  await expect(page.locator('.cert-none')).toBeVisible();
  await expect(page.locator('.cert-sheet')).toHaveCount(0);
});
