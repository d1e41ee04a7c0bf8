import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { examPayload, embedJson } from '../../src/lib/quiz/payload.ts';
import { bankSchema, examSchema } from '../../src/lib/quiz/schema.ts';
import {
  allQuestions,
  answerAllQuestions,
  answerByKeyboard,
  examPool,
  startExam,
  storedAttempts,
  submitFromSummary,
} from './quiz-helpers.ts';

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

const MOCK = '/exams/mock-certification/';

test('a perfect mock certification passes and is saved', async ({ page }) => {
  test.setTimeout(120_000);
  await startExam(page, MOCK, 'E1001', '张三', 36);
  await expect(page.locator('.qr-timer')).toContainText('剩余时间 60:00');
  expect(await axe(page)).toEqual([]);
  await answerAllQuestions(page, 'right', 36);
  await expect(page.locator('.qr-summary-counts')).toContainText('已作答36');
  expect(await axe(page)).toEqual([]);
  await submitFromSummary(page);
  const result = page.locator('.qr-result');
  await expect(result.getByRole('heading', { name: '考试结果' })).toBeVisible();
  await expect(result).toContainText('得分 36 / 36（100 分）');
  await expect(result.locator('.qr-verdict').first()).toHaveText('通过');
  await expect(result).toContainText('全部答对');
  expect(await axe(page)).toEqual([]);
  const attempts = await storedAttempts(page);
  expect(attempts).toHaveLength(1);
  expect(attempts[0]).toMatchObject({ examId: 'mock-certification', status: 'graded', passed: true, score: 36 });
  expect(attempts[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(Object.keys(attempts[0]!.responses)).toHaveLength(36);
});

test('a failing mock shows the breakdown, the review and an immediate retake', async ({ page }) => {
  test.setTimeout(120_000);
  await startExam(page, MOCK, 'E1002', '李四', 36);
  await answerAllQuestions(page, 'wrong', 36);
  await submitFromSummary(page);
  const result = page.locator('.qr-result');
  await expect(result.locator('.qr-verdict').first()).toHaveText('未通过');
  await expect(result).toContainText('得分 0 / 36');
  await expect(result).toContainText('未达到单项要求的题库：保密、服务忌语、投诉处理');
  await expect(result.locator('.qr-breakdown tbody tr')).toHaveCount(9);
  const review = result.locator('.qr-review > li');
  await expect(review).toHaveCount(36);
  await expect(review.first()).toContainText('正确答案：');
  await expect(review.first().getByRole('link')).toHaveAttribute('href', /^\/policies\/[a-z-]+\/#[a-z0-9-]+$/);
  expect(await axe(page)).toEqual([]);
  await result.getByRole('button', { name: '补考（重新抽题）' }).click();
  await expect(page.locator('.qr-progress')).toHaveText('第 1 / 36 题');
});

test('交卷 opens a summary with its own confirm; double-clicks and repeated Enter never submit', async ({ page }) => {
  await startExam(page, MOCK, 'E1003', '王五', 36);
  await answerByKeyboard(page, 'right');
  await page.getByRole('button', { name: '标记本题' }).click();
  await expect(page.getByRole('button', { name: '取消标记' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '交卷', exact: true }).dblclick();
  const summary = page.locator('.qr-summary');
  await expect(summary).toBeVisible();
  await expect(summary.locator('.qr-summary-counts')).toContainText('已作答1未作答35已标记1');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  await expect(summary).toBeVisible();
  expect(await storedAttempts(page)).toEqual([]);
  // The navigator goes back to a question; the summary's confirm is the only way to hand in.
  await summary.getByRole('button', { name: /^第 2 题/ }).click();
  await expect(page.locator('.qr-progress')).toHaveText('第 2 / 36 题');
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  await page.getByRole('button', { name: '确认交卷' }).dblclick();
  await expect(page.locator('.qr-result')).toContainText('未通过');
  expect(await storedAttempts(page)).toHaveLength(1);
});

test('an unfinished exam survives a reload', async ({ page }) => {
  await startExam(page, MOCK, 'E1004', '赵六', 36);
  await answerByKeyboard(page, 'right');
  await page.keyboard.press('Enter');
  await expect(page.locator('.qr-progress')).toHaveText('第 2 / 36 题');
  await page.reload();
  await expect(page.locator('.qr-progress')).toHaveText('第 2 / 36 题');
  await expect(page.locator('.qr-feedback')).toContainText('已恢复');
});

test('a second tab on a running exam is told it is open elsewhere and cannot hand it in', async ({ page, context }) => {
  await startExam(page, MOCK, 'E1005', '周九', 36);
  const other = await context.newPage();
  await other.goto(MOCK);
  await expect(other.locator('.qr-gate-message')).toHaveText(/已在另一个标签页中打开/);
  await expect(other.locator('.qr-question')).toBeHidden();
  await expect(other.getByRole('button', { name: '开始考试' })).toBeHidden();
  // Once the first tab hands in, the paper is done; the other tab cannot submit it again.
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  await page.getByRole('button', { name: '确认交卷' }).click();
  await expect(page.locator('.qr-result')).toBeVisible();
  await other.reload();
  await expect(other.getByRole('button', { name: '开始考试' })).toBeVisible();
  expect(await storedAttempts(page)).toHaveLength(1);
});

test('when time runs out the exam is handed in once, with a clear message', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+08:00') });
  await startExam(page, MOCK, 'E1006', '吴十', 36);
  await answerByKeyboard(page, 'right');
  await page.clock.fastForward(60 * 60_000 + 5_000);
  await expect(page.locator('.qr-timeup')).toHaveText('时间到，已自动交卷。');
  await page.clock.fastForward(10_000);
  const attempts = await storedAttempts(page);
  expect(attempts).toHaveLength(1);
  expect(attempts[0]!.score).toBe(1);
});

test('on a phone the question, its options and the next button show without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await startExam(page, MOCK, 'E1007', '郑一', 36);
  for (const locator of [page.locator('.qr-stem'), page.locator('.qr-option').last(), page.locator('.qr-nav-next')]) {
    await expect(locator).toBeInViewport({ ratio: 1 });
  }
});

test('a monthly exam outside its window is closed; inside it opens', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-05T09:00:00+08:00'));
  await page.goto('/exams/2026-11/');
  await expect(page.locator('.qr-window')).toHaveText('本场考试已于 2026-11-30 关闭，无法再作答。');
  await expect(page.getByRole('button', { name: '开始考试' })).toBeHidden();
  expect(await axe(page)).toEqual([]);
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00+08:00'));
  await page.goto('/exams/2026-12/');
  await expect(page.locator('.qr-window')).toContainText('尚未开放');
  await expect(page.getByRole('button', { name: '开始考试' })).toBeHidden();
  await page.goto('/exams/2026-11/');
  await expect(page.getByRole('button', { name: '开始考试' })).toBeVisible();
});

test('practice gives instant feedback with the explanation and the policy link', async ({ page }) => {
  await page.goto('/practice/confidentiality/');
  await expect(page.locator('.qr-progress')).toHaveText(/^第 1 \/ \d+ 题$/);
  await expect(page.locator('.qr-timer')).toBeEmpty();
  await answerByKeyboard(page, 'wrong');
  await page.keyboard.press('Enter');
  const feedback = page.locator('.qr-feedback');
  await expect(feedback).toContainText('回答错误。');
  await expect(feedback).toContainText('正确答案：');
  await expect(feedback).toContainText('解析：');
  await expect(feedback.getByRole('link')).toHaveAttribute('href', /^\/policies\/[a-z-]+\/#/);
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.locator('.qr-progress')).toHaveText(/^第 2 \/ \d+ 题$/);
  await answerByKeyboard(page, 'right');
  await page.keyboard.press('Enter');
  await expect(page.locator('.qr-feedback')).toContainText('回答正确。');
});

test('answers and explanations are not readable in an instant exam page source', async ({ request }) => {
  const html = await (await request.get(MOCK)).text();
  const practice = allQuestions.filter((q) => q.pool === 'practice').slice(0, 40);
  for (const q of practice) expect(html).toContain(q.stem);
  expect(practice.filter((q) => html.includes(q.explanation)).map((q) => q.id)).toEqual([]);
  expect(/"answer"\s*:/.test(html)).toBe(false);
});

test('no exam-pool question appears on a practice page, an instant exam or the quick index', async ({ request }) => {
  const topics = (await (await request.get('/exams/')).text()).match(/\/practice\/[a-z0-9-]+\//g) ?? [];
  expect(topics.length).toBeGreaterThan(0);
  const texts = await Promise.all(
    [...new Set(topics), MOCK, '/quick-index.json'].map(async (url) => (await request.get(url)).text()),
  );
  for (const q of examPool) {
    for (const text of texts) {
      expect(text).not.toContain(`"${q.id}"`);
      expect(text).not.toContain(q.stem);
    }
  }
});

test('a trainer-graded exam hands in a sealed paper: receipt, code, 待评分, no score', async ({ page }) => {
  // The exam pool is being filled by the content work: serve the real certification page with a
  // sealed payload built, the way the build builds it, from a fixture bank of exam-pool questions.
  const read = (f: string): unknown => parse(readFileSync(`tests/fixtures/quiz/${f}`, 'utf8'));
  const payload = examPayload(
    examSchema.parse(read('exam-fair.yaml')),
    [bankSchema.parse(read('lint-fair-bank.yaml'))],
    new Map(),
  );
  expect(payload.mode).toBe('sealed');
  await page.route('**/exams/certification/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /(<script type="application\/json" data-quiz>)[\s\S]*?(<\/script>)/,
      (_m, open: string, close: string) => `${open}${embedJson(payload)}${close}`,
    );
    await route.fulfill({ response, body: html });
  });
  await startExam(page, '/exams/certification/', 'E1008', '冯二', 5);
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  await page.getByRole('button', { name: '确认交卷' }).click();
  const receipt = page.locator('.qr-result');
  await expect(receipt.getByRole('heading', { name: '已交卷' })).toBeVisible();
  await expect(receipt).toContainText('待评分');
  await expect(receipt.locator('.qr-receipt')).toContainText('已作答1未作答4');
  await expect(receipt.locator('.qr-code')).toHaveText(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  await expect(receipt).not.toContainText('得分');
  expect(await axe(page)).toEqual([]);
  const [attempt] = await storedAttempts(page);
  expect(attempt).toMatchObject({ examId: 'exam-fair', status: 'submitted', grading: 'trainer' });
  expect(attempt).not.toHaveProperty('score');
  expect(attempt!.id.replace(/-/g, '').slice(0, 12).toUpperCase()).toBe(
    (await receipt.locator('.qr-code').textContent())!.replace(/-/g, ''),
  );
});
