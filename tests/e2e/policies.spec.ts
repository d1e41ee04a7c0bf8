import { expect, test } from '@playwright/test';

test('home page orients each role and lists must-read policies', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/和信客服知识库/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '按角色开始' })).toBeVisible();
  for (const role of ['新员工', '业务代表', '培训与班组长']) {
    await expect(page.getByRole('heading', { name: role, exact: true })).toBeVisible();
  }
  const mustRead = page.locator('must-read-list li[data-policy-id]');
  await expect(mustRead.filter({ hasText: '保密制度' })).toBeVisible();
  await expect(mustRead.filter({ hasText: '投诉处理制度与流程' })).toBeVisible();
});

test('a policy page shows its header, table of contents, history and neighbours', async ({ page }) => {
  await page.goto('/policies/complaint-handling/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('投诉处理制度与流程');
  await expect(page.getByText('生效日期')).toBeVisible();
  await expect(page.getByText('适用对象')).toBeVisible();
  const toc = page.getByRole('navigation', { name: '本页目录' });
  await expect(toc.getByRole('link').first()).toBeVisible();
  // TOC links point at ASCII pinyin anchors that exist on the page.
  const href = await toc.getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^#[a-z0-9-]+$/);
  await expect(page.locator(href!)).toHaveCount(1);
  await expect(page.getByRole('heading', { name: '修订记录' })).toBeVisible();
  await expect(page.getByRole('table').last()).toContainText('1.1');
  await expect(page.locator('a[rel=prev]')).toContainText('客户咨询处理流程');
  await expect(page.locator('a[rel=next]')).toContainText('客户回访制度');
});

test('acknowledging a must-read policy removes it from the home page and survives reload', async ({ page }) => {
  await page.goto('/policies/confidentiality/');
  await page.locator('policy-ack').scrollIntoViewIfNeeded();
  const ack = page.getByRole('button', { name: '我已阅读并理解此版本' });
  await ack.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已记录' })).toBeVisible();
  await expect(ack).toBeHidden();
  await page.reload();
  await page.locator('policy-ack').scrollIntoViewIfNeeded();
  await expect(page.getByText(/已确认阅读 1\.1 版/)).toBeVisible();
  await page.goto('/');
  await expect(page.locator('must-read-list li[data-policy-id=confidentiality]')).toBeHidden();
  await expect(page.locator('must-read-list li[data-policy-id=complaint-handling]')).toBeVisible();
});

test('a corrupt first-release acknowledgment store is reported and never overwritten', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('kb.acknowledgments.v1', '{not json'));
  await page.goto('/policies/confidentiality/');
  await page.locator('policy-ack').scrollIntoViewIfNeeded();
  await expect(page.locator('policy-ack .ack-status')).toContainText('阅读记录列表不是有效的 JSON');
  await page.getByRole('button', { name: '我已阅读并理解此版本' }).click();
  await expect(page.locator('policy-ack .ack-status')).toContainText('已记录');
  expect(await page.evaluate(() => localStorage.getItem('kb.acknowledgments.v1'))).toBe('{not json');
});

test('a category page lists its policies in order', async ({ page }) => {
  await page.goto('/categories/process/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('业务流程');
  const titles = await page.locator('.card h2').allTextContents();
  expect(titles.map((s) => s.trim())).toEqual(['客户咨询处理流程', '投诉处理制度与流程', '客户回访制度']);
});

test('what is new lists changes newest first and links the RSS feed', async ({ page, request }) => {
  await page.goto('/updates/');
  const dates = await page
    .locator('.notices time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  expect(dates.length).toBeGreaterThan(17);
  expect([...dates].sort().reverse()).toEqual(dates);
  await expect(page.locator('.notices li').first()).toContainText('绩效考核与奖惩');
  const rss = await request.get('/rss.xml');
  expect(rss.ok()).toBe(true);
  const xml = await rss.text();
  expect(xml).toContain('<title>绩效考核与奖惩 v1.1</title>');
  expect(xml).toContain('performance-assessment@1.1');
});

test('keyboard: the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/policies/kpi/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});
