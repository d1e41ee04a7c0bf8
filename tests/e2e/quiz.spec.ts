import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { allQuestions, answerByKeyboard } from './quiz-helpers.ts';

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

async function startCertification(page: Page, id: string, name: string) {
  await page.goto('/exams/certification/');
  await page.getByLabel('工号').fill(id);
  await page.getByLabel('姓名').fill(name);
  await page.getByRole('button', { name: '开始考试' }).click();
  await expect(page.locator('.qr-progress')).toHaveText('第 1 / 36 题');
}

async function answerAll(page: Page, mode: 'right' | 'wrong', total: number) {
  for (let i = 1; i <= total; i++) {
    await expect(page.locator('.qr-progress')).toHaveText(`第 ${i} / ${total} 题`);
    await answerByKeyboard(page, mode);
    await page.keyboard.press('Enter');
  }
}

test('a perfect certification attempt passes and is saved', async ({ page }) => {
  test.setTimeout(120_000);
  await startCertification(page, 'E1001', '张三');
  await expect(page.locator('.qr-timer')).toContainText('剩余时间 60:00');
  expect(await axe(page)).toEqual([]);
  await answerAll(page, 'right', 36);
  const result = page.locator('.qr-result');
  await expect(result.getByRole('heading', { name: '考试结果' })).toBeVisible();
  await expect(result).toContainText('得分 36 / 36（100 分）');
  await expect(result.locator('.qr-verdict').first()).toHaveText('通过');
  await expect(result).toContainText('全部答对');
  await expect(result.getByRole('button', { name: /补考/ })).toHaveCount(0);
  expect(await axe(page)).toEqual([]);
  const saved = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('kb.attempt.'))
      .map((k) => JSON.parse(localStorage.getItem(k)!).record),
  );
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    examId: 'certification',
    passed: true,
    score: 36,
    learner: { employeeId: 'E1001' },
  });
  expect(Object.keys(saved[0].responses)).toHaveLength(36);
  // Passed: the certification cannot be started again by the same person.
  await page.reload();
  await page.getByRole('button', { name: '开始考试' }).click();
  await expect(page.getByRole('alert')).toContainText('已通过本认证');
});

test('a failing certification shows the breakdown, the review and the retake', async ({ page }) => {
  test.setTimeout(120_000);
  await startCertification(page, 'E1002', '李四');
  await answerAll(page, 'wrong', 36);
  const result = page.locator('.qr-result');
  await expect(result.locator('.qr-verdict').first()).toHaveText('未通过');
  await expect(result).toContainText('得分 0 / 36');
  await expect(result).toContainText('未达到单项要求的题库：保密、服务忌语、投诉处理');
  const rows = result.locator('.qr-breakdown tbody tr');
  await expect(rows).toHaveCount(9);
  await expect(rows.filter({ hasText: '保密' })).toContainText('0 / 4');
  const review = result.locator('.qr-review > li');
  await expect(review).toHaveCount(36);
  await expect(review.first()).toContainText('正确答案：');
  await expect(review.first()).toContainText('解析：');
  await expect(review.first().getByRole('link')).toHaveAttribute('href', /^\/policies\/[a-z-]+\/#[a-z0-9-]+$/);
  expect(await axe(page)).toEqual([]);
  await result.getByRole('button', { name: '补考（重新抽题）' }).click();
  await expect(page.locator('.qr-progress')).toHaveText('第 1 / 36 题');
});

test('submitting with blanks asks for confirmation first', async ({ page }) => {
  await startCertification(page, 'E1003', '王五');
  await page.getByRole('button', { name: '交卷' }).click();
  await expect(page.locator('.qr-submit-note')).toContainText('还有 36 题未作答');
  await page.getByRole('button', { name: '交卷' }).click();
  await expect(page.locator('.qr-result')).toContainText('未通过');
});

test('an unfinished exam survives a reload', async ({ page }) => {
  await startCertification(page, 'E1004', '赵六');
  await answerByKeyboard(page, 'right');
  await page.keyboard.press('Enter');
  await expect(page.locator('.qr-progress')).toHaveText('第 2 / 36 题');
  await page.reload();
  await expect(page.locator('.qr-progress')).toHaveText('第 2 / 36 题');
  await expect(page.locator('.qr-feedback')).toContainText('已恢复');
});

test('a monthly exam outside its window is closed; inside it opens', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-05T09:00:00'));
  await page.goto('/exams/2026-11/');
  await expect(page.locator('.qr-window')).toHaveText('本场考试已于 2026-11-30 关闭，无法再作答。');
  await expect(page.getByRole('button', { name: '开始考试' })).toBeHidden();
  expect(await axe(page)).toEqual([]);

  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00'));
  await page.goto('/exams/2026-12/');
  await expect(page.locator('.qr-window')).toContainText('尚未开放');
  await expect(page.getByRole('button', { name: '开始考试' })).toBeHidden();

  await page.goto('/exams/2026-11/');
  await expect(page.getByRole('button', { name: '开始考试' })).toBeVisible();
});

test('a monthly exam shows its effect on the assessment and cannot be taken twice', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00'));
  await page.goto('/exams/2026-11/');
  await page.getByLabel('工号').fill('E2001');
  await page.getByLabel('姓名').fill('钱七');
  await page.getByRole('button', { name: '开始考试' }).click();
  await answerAll(page, 'right', 24);
  await expect(page.locator('.qr-effect')).toHaveText('对本月考核的影响：满分，加 5 分');
  await page.reload();
  await page.getByRole('button', { name: '开始考试' }).click();
  await expect(page.getByRole('alert')).toContainText('已参加过本场考试');
});

test('practice gives instant feedback with the explanation and the policy link', async ({ page }) => {
  await page.goto('/practice/confidentiality/');
  await expect(page.locator('.qr-progress')).toHaveText('第 1 / 20 题');
  await expect(page.locator('.qr-timer')).toBeEmpty();
  await answerByKeyboard(page, 'wrong');
  await page.keyboard.press('Enter');
  const feedback = page.locator('.qr-feedback');
  await expect(feedback).toContainText('回答错误。');
  await expect(feedback).toContainText('正确答案：');
  await expect(feedback).toContainText('解析：');
  await expect(feedback.getByRole('link')).toHaveAttribute(
    'href',
    /^\/policies\/(confidentiality|customer-records)\/#/,
  );
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.locator('.qr-progress')).toHaveText('第 2 / 20 题');
  await answerByKeyboard(page, 'right');
  await page.keyboard.press('Enter');
  await expect(page.locator('.qr-feedback')).toContainText('回答正确。');
});

test('answers and explanations are not readable in the page source', async ({ request }) => {
  const html = await (await request.get('/exams/certification/')).text();
  const sample = allQuestions.slice(0, 40);
  for (const q of sample) expect(html).toContain(q.stem);
  const leaked = sample.filter((q) => html.includes(q.explanation));
  expect(leaked.map((q) => q.id)).toEqual([]);
  expect(/"answer"\s*:/.test(html)).toBe(false);
});
