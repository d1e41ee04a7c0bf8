import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const palette = (page: Page) => page.getByRole('dialog', { name: '快速查找话术、忌语和制度' });
const combobox = (page: Page) => page.getByRole('combobox');

test('Ctrl+K opens the palette; Escape closes it and returns focus', async ({ page }) => {
  await page.goto('/policies/kpi/');
  const link = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '制度' });
  await link.focus();
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(combobox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(link).toBeFocused();
});

test('“/” opens the palette, but not while typing in a text field', async ({ page }) => {
  await page.goto('/');
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('/');
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');
  const headerSearch = page.getByRole('searchbox', { name: '搜索知识库' });
  await headerSearch.focus();
  await page.keyboard.type('a/b');
  await expect(palette(page)).toBeHidden();
  await expect(headerSearch).toHaveValue('a/b');
});

test('typing wsdh finds the no-voice script; Enter copies it and says so', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('wsdh');
  const first = page.getByRole('option').first();
  await expect(first).toContainText('无声电话');
  await expect(first).toContainText('话术');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(combobox(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(combobox(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(page.locator('#live-status')).toContainText('已复制「无声电话」');
  await expect(palette(page)).toBeHidden();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('对不起，我听不到您的声音');
  expect(copied).toContain('和信服务热线');
  expect(copied).not.toContain('{hotline}');
});

test('arrow keys move the selection; Shift+Enter opens the page', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('投诉');
  const options = page.getByRole('option');
  await expect(options.nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  const title = (await options.nth(0).locator('.qs-title').textContent())!;
  await page.keyboard.press('Shift+Enter');
  await expect(page).toHaveURL(/\/(scripts|policies|phrases)\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    title.split(' › ')[0]!.replace('忌：', '').slice(0, 2),
  );
});

test('policy sections link to their anchor', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('15秒接通率');
  const option = page.getByRole('option').filter({ hasText: '服务质量指标' }).first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(/\/policies\/kpi\/#[a-z-]+$/);
});

test('works offline once the page has loaded', async ({ page, context }) => {
  const indexLoaded = page.waitForResponse((r) => r.url().endsWith('/quick-index.json') && r.ok());
  await page.goto('/policies/confidentiality/');
  await indexLoaded;
  await context.setOffline(true);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('骂人');
  await expect(page.getByRole('option').first()).toContainText('客户情绪激动');
  await context.setOffline(false);
});

test('odd input: empty, 2,000 characters, emoji and HTML never break or inject', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.keyboard.press('Control+k');
  const box = combobox(page);
  await box.fill('');
  await expect(page.getByRole('option')).toHaveCount(0);
  await box.fill('投诉'.repeat(1000));
  await expect(page.locator('.qs-state')).toBeVisible();
  await box.fill('😀🙂👍');
  await expect(page.locator('.qs-state')).toHaveText('没有找到，换个说法试试。');
  await box.fill('<img src=x onerror="window.__pwned=1"><b>投诉</b>');
  await expect(page.locator('.qs-state')).toBeVisible();
  await expect(page.locator('#qs-list img, #qs-list b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('axe: no violations with the palette open and showing results', async ({ page }) => {
  await page.goto('/scripts/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('投诉');
  await expect(page.getByRole('option').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
