import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import {
  badTranscript,
  certification,
  fileText,
  forgedText,
  modelTranscript,
  monthly,
  submitted,
} from '../fixtures/grading.ts';
import { indexKit } from '../../src/lib/grading/kit.ts';
import { drawPaper } from '../../src/lib/quiz/draw.ts';
import { exportProgress, takeCertification } from './quiz-helpers.ts';
import { dropInput, json, kitFile } from './kit-file.ts';
import { resultsPayloadSchema, signedResultsFileSchema } from '../../src/lib/grading/results.ts';

/**
 * The trainer side of a trainer-graded exam: kit + learners' files in one drop, grading, 人工复核,
 * signing, exports; then the learner imports the signed results and prints the certificate, and
 * /verify/ accepts it and rejects a one-character change. Runs against the build's own trainer kit; without
 * a center key on this machine it signs with the test suite's key, which `npm run test:e2e` builds in.
 */

function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(`${r.method()} ${new URL(r.url()).pathname}`));
  return seen;
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+08:00'));
});

test('whole cycle: a learner takes the certification and exports; the trainer grades, reviews a call, signs; the learner imports and prints; /verify/ accepts and rejects a change', async ({
  page,
}) => {
  // An exam of 36 questions and 3 calls, three more pages, signing, a PDF and two axe runs.
  test.setTimeout(300_000);
  const { text: kitText, kit } = await kitFile();
  const zhang = { employeeId: 'E1001', name: '张三' };
  const wang = { employeeId: 'E3003', name: '王五' };
  // The learner takes the certification in this browser and exports: every question right, the first
  // call's first reply a known-bad one (the judge fails that call; the trainer's 人工复核 below decides).
  const calls = await takeCertification(page, zhang, ['bad-first-reply', 'model', 'model']);
  const zhangFile = await exportProgress(page);
  const forged = forgedText(wang, [submitted(wang, certification.id, 'e2e-w')], (a) => {
    a[0]!.responses['not-on-paper'] = 0;
  });

  await page.goto('/dashboard/');
  await page.waitForLoadState('networkidle');
  const requests = recordRequests(page);
  await dropInput(page).setInputFiles([
    json('trainer-kit.json', kitText),
    json('progress.json', zhangFile),
    json('progress (1).json', forged),
  ]);
  await expect(page.locator('.db-status')).toContainText('已读取 2 个文件：2 名员工，0 个文件被跳过');
  await expect(page.locator('.db-kit')).toContainText(`${kit.questions.length} 道题`);
  const notCounted = page.locator('.db-not-counted tbody tr');
  await expect(notCounted.filter({ hasText: 'E3003' })).toContainText('不在这张试卷上');

  // The judge passed two calls and failed the one with the bad reply, naming the turn; 人工复核 overturns it,
  // with a reason (recorded in the signed result).
  // The queue lists only the call a review can change; 全部实操 shows the passed ones too.
  const reviews = page.locator('.db-sim').filter({ hasText: 'E1001' });
  await expect(reviews).toHaveCount(1);
  await page.getByLabel('显示', { exact: true }).selectOption('all');
  await expect(reviews).toHaveCount(3);
  await expect(reviews.filter({ hasText: '自动评判：通过' })).toHaveCount(2);
  await page.getByLabel('显示', { exact: true }).selectOption('needs-review');
  const failed = reviews.filter({ hasText: calls[0]!.title });
  await expect(failed).toContainText('自动评判：未通过');
  await expect(failed.locator('.db-sim-notes')).toContainText('轮次');
  await expect(page.locator('.db-roster tbody tr').filter({ hasText: 'E1001' }).locator('td').nth(4)).toHaveText('2/3');
  await failed.getByLabel('结果').selectOption('pass');
  await failed.getByLabel('复核理由（必填，写入签名成绩）').fill('录音复核：已按流程致歉并处理');
  await failed.getByRole('button', { name: '保存复核' }).click();
  // The reviewed call stays in the queue with the decision, and keeps the keyboard focus.
  const reviewed = page.locator('.db-sim').filter({ hasText: calls[0]!.title });
  await expect(reviewed).toContainText('人工复核：通过');
  await expect(reviewed).toBeFocused();

  const rows = page.locator('.db-roster tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'E1001' }).locator('td').nth(3)).toHaveText('100');
  await expect(rows.filter({ hasText: 'E1001' }).locator('td').nth(4)).toHaveText('3/3');
  await expect(rows.filter({ hasText: 'E3003' }).locator('td').nth(2)).toHaveText('—');

  await page.getByRole('button', { name: '签名并生成成绩' }).click();
  await expect(page.locator('.db-sign-status')).toContainText(`密钥 ${kit.signingKey!.kid}），1 张证书`);

  // Batch certificates: one A4 sheet per certified learner, each with its QR code and typed code.
  // The browser's own print job is stubbed: a real one left pending breaks page.pdf() later in this tab.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', '');
  });
  await page.getByRole('button', { name: '打印全部证书' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', '');
  await expect(page.locator('.db-certs .cert-sheet')).toHaveCount(1);
  await expect(page.locator('.db-certs .cert-sheet')).toContainText('张三');
  await expect(page.locator('.db-certs svg.cert-qr path')).toHaveCount(1);

  const roster = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出名单 CSV' }).click();
  const csv = await readFile(await (await roster).path(), 'utf8');
  const table = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  expect(table[0]!.slice(0, 3)).toEqual(['工号', '姓名', '认证结果']);
  expect(table.find((r) => r[0] === 'E1001')![2]).toBe('通过');
  expect(table.find((r) => r[0] === 'E3003')![2]).not.toBe('通过');
  expect(table.find((r) => r[0] === 'E3003')![table[0]!.indexOf('不计入的记录')]).toContain('不在这张试卷上');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载成绩文件 E1001' }).click();
  const results = await readFile(await (await download).path(), 'utf8');
  const signed = resultsPayloadSchema.parse(JSON.parse(signedResultsFileSchema.parse(JSON.parse(results)).payload));
  const signedSims = signed.results[0]!.simulations;
  expect(signedSims).toHaveLength(3);
  expect(signedSims.find((x) => x.simulationId === calls[0]!.id)).toMatchObject({
    auto: false,
    passed: true,
    review: { passed: true, reason: '录音复核：已按流程致歉并处理' },
  });
  expect(requests.filter((r) => !r.endsWith('/quick-index.json') && !r.startsWith('GET /_astro/'))).toEqual([]);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  // The learner imports the signed results on 我的进度 and prints the certificate.
  await page.goto('/progress/');
  await page.getByLabel('选择签名成绩文件').setInputFiles([json('results-E1001.json', results)]);
  await expect(page.locator('.sr-status')).toContainText('签名有效');
  await expect(page.locator('.sr-results tbody')).toContainText('100');
  await page.getByRole('link', { name: '查看并打印证书' }).click();
  const sheet = page.locator('.cert-sheet');
  await expect(sheet).toContainText('张三');
  await expect(sheet.locator('svg.cert-qr path')).toHaveCount(1);
  const code = (await sheet.locator('.cert-code').textContent())!;
  const qrImage = await sheet.locator('svg.cert-qr').screenshot();
  expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{1,5})+$/);
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(page.locator('header.site-header')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // /verify/ accepts the code and the file; one changed character of either fails, with the reason.
  await page.goto('/verify/');
  await page.getByLabel('核验码').fill(code);
  await page.getByRole('button', { name: '核验', exact: true }).click();
  await expect(page.locator('.vf-ok')).toContainText('张三（E1001）');
  await expect(page.locator('.vf-ok')).toContainText(kit.signingKey!.kid);
  await page.goto('/verify/');
  await page.getByLabel('证书二维码图片').setInputFiles([{ name: 'qr.png', mimeType: 'image/png', buffer: qrImage }]);
  await expect(page.locator('.vf-ok')).toContainText('张三（E1001）');
  const i = code.length - 8;
  const changed = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
  await page.getByLabel('核验码').fill(changed);
  await page.getByRole('button', { name: '核验', exact: true }).click();
  await expect(page.locator('.vf-bad')).toContainText('核验失败');
  await page.getByLabel('签名成绩文件').setInputFiles([json('r.json', results)]);
  await expect(page.locator('.vf-ok')).toContainText('张三（E1001）');
  const tampered = results.replace('\\"percent\\":100', '\\"percent\\":10');
  expect(tampered).not.toBe(results);
  await page.getByLabel('签名成绩文件').setInputFiles([json('r2.json', tampered)]);
  await expect(page.locator('.vf-bad')).toContainText('签名不符');
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
});

test('hostile input: markup stays text, formula prefixes are escaped in CSV, odd files are listed', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const { text: kitText } = await kitFile();
  await page.goto('/dashboard/');
  const names = [
    '<script>window.__x=1</script>',
    '<img src=x onerror="window.__x=2">',
    '=HYPERLINK("http://evil","x")',
    '+1+1',
    '@SUM(A1)',
  ];
  const files = names.map((name, i) => {
    const learner = { employeeId: `H${i}`, name };
    return json(`hostile-${i}.json`, fileText(learner, [submitted(learner, certification.id, `h${i}`, { right: 30 })]));
  });
  await dropInput(page).setInputFiles([
    json('trainer-kit.json', kitText),
    ...files,
    json('array.json', '[]'),
    { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(6 * 1024 * 1024, 32) },
  ]);
  await expect(page.locator('.db-status')).toContainText(`${names.length} 名员工，2 个文件被跳过`);
  await expect(page.locator('.db-rejected')).toContainText('huge.json：文件过大');
  await expect(page.locator('.db-roster tbody')).toContainText('<script>window.__x=1</script>');
  await expect(page.locator('.db-roster tbody img, .db-roster tbody script')).toHaveCount(0);
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出名单 CSV' }).click();
  const csv = await readFile(await (await pending).path(), 'utf8');
  const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.map((r) => r[1]);
  expect(cells).toContain(`'=HYPERLINK("http://evil","x")`);
  expect(cells).toContain(`'+1+1`);
  expect(await page.evaluate(() => (window as { __x?: number }).__x)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('an exam edited mid-window: attempts on the earlier version are graded when the earlier kit is dropped too', async ({
  page,
}) => {
  const { text: kitText, kit } = await kitFile();
  const month = kit.exams.find((e) => e.kind === 'monthly' && e.window && e.window.opens <= '2026-11-23')!;
  // The kit an earlier build wrote (trainer-kit/earlier/), when this month's exam had its earlier version.
  const earlierKit = {
    ...kit,
    builtAt: '2026-11-02T01:00:00.000Z',
    exams: kit.exams.map((e) => (e.id === month.id ? { ...e, version: `${e.version}-earlier` } : e)),
  };
  const earlier = indexKit(earlierKit);
  const exam = earlier.exams.get(month.id)!;
  const zhao = { employeeId: 'E4004', name: '赵六' };
  const paper = drawPaper(exam, earlier.banks.get(month.id)!, 'e2e-earlier', earlier.simulationRefs.get(month.id));
  const attempt = {
    ...submitted(zhao, month.id, 'e2e-earlier'),
    examVersion: exam.version,
    responses: Object.fromEntries(paper.questions.map((q) => [q.id, earlier.questions.get(q.id)!.answer])),
    simulations: (paper.simulations ?? []).map(modelTranscript),
  };
  const file = json('progress-E4004.json', fileText(zhao, [attempt]));
  const row = page.locator('.db-roster tbody tr').filter({ hasText: 'E4004' });

  await page.goto('/dashboard/');
  await dropInput(page).setInputFiles([json('trainer-kit.json', kitText), file]);
  await expect(page.locator('.db-not-counted tbody tr').filter({ hasText: 'E4004' })).toContainText('试卷版本');
  await expect(row.locator('td').nth(6)).toHaveText('—');

  await dropInput(page).setInputFiles([json('trainer-kit-earlier.json', JSON.stringify(earlierKit))]);
  await expect(page.locator('.db-kit')).toContainText('另有 1 份较早的评分包');
  await expect(page.locator('.db-not-counted tbody tr').filter({ hasText: 'E4004' })).toHaveCount(0);
  await expect(row.locator('td').nth(6)).toHaveText(/^100/);
  await expect(row.locator('td').nth(8)).toHaveText('—');
});

test('a big drop shows the review queue and the uncounted attempts a page at a time; 显示更多 adds the next page and moves the focus there', async ({
  page,
}) => {
  const { text: kitText } = await kitFile();
  // Each learner: a certification with every call answered badly (all in the queue) and six monthly
  // attempts on a one-time exam (five of them not counted).
  const files = Array.from({ length: 25 }, (_, i) => {
    const learner = { employeeId: `P${String(i).padStart(3, '0')}`, name: `学员${i}` };
    const cert = submitted(learner, certification.id, `big-${i}`);
    const bad = { ...cert, simulations: cert.simulations.map((s) => badTranscript(s.simulationId)) };
    const months = Array.from({ length: 6 }, (_, k) =>
      submitted(learner, monthly.id, `big-${i}-${k}`, { startedAt: `${monthly.window!.opens}T0${k + 1}:00:00.000Z` }),
    );
    return json(`progress-${learner.employeeId}.json`, fileText(learner, [bad, ...months]));
  });
  await page.goto('/dashboard/');
  await dropInput(page).setInputFiles([json('trainer-kit.json', kitText), ...files]);
  await expect(page.locator('.db-roster tbody tr')).toHaveCount(25);

  const calls = certification.simulations!.count * 25;
  await expect(page.locator('.db-review-count')).toContainText(`待复核 ${calls} 通`);
  await expect(page.locator('.db-sim')).toHaveCount(20);
  const more = page.locator('.db-review-more');
  await expect(more).toHaveText(`显示更多（还有 ${calls - 20} 条）`);
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.db-sim')).toHaveCount(40);
  await expect(page.locator('.db-sim').nth(20)).toBeFocused();

  // Narrowing to one learner lists that learner's calls only.
  await page.getByLabel('在复核中筛选（工号或姓名）').fill('P007');
  await expect(page.locator('.db-sim')).toHaveCount(certification.simulations!.count);
  await expect(more).toBeHidden();

  const uncounted = page.locator('.db-not-counted tbody tr');
  await expect(uncounted).toHaveCount(100);
  await page.locator('.db-not-counted-more').click();
  await expect(uncounted).toHaveCount(125);
  await expect(page.locator('.db-not-counted-more')).toBeHidden();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
});
