import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { progressFileSchema } from '../../src/lib/progress/schema.ts';
import { fillPlaceholders } from '../../src/lib/scripts/placeholders.ts';
import { placeholderValues } from '../../src/site.config.ts';
import { initialsOf, phraseWithAlternatives, scriptWithBlank, typeableScripts } from './palette-picks.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const [script, other] = typeableScripts;
if (!script || !other) throw new Error('内容里找不到两条首字母可区分的话术，无法测试快速查找');

const palette = (page: Page) => page.getByRole('dialog', { name: '快速查找话术、忌语和制度' });
const combobox = (page: Page) => page.getByRole('combobox');
const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

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

test('typing a script’s title initials finds it first; Enter copies it, placeholders filled, and says so', async ({
  page,
}) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type(initialsOf(script.title));
  const first = page.getByRole('option').first();
  await expect(first).toContainText(script.title);
  await expect(first).toContainText('话术');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(combobox(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(combobox(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The message shows the words copied, then fades away.
  await expect(page.locator('#live-status')).toContainText(`已复制：${copied.split('\n')[0]!.slice(0, 10)}`);
  await expect(page.locator('#live-status')).toBeEmpty({ timeout: 8000 });
  expect(copied).toContain(fillPlaceholders(script.lines[0]!, placeholderValues));
  expect(copied).not.toMatch(/\{\w+\}/);
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

test('Enter on a policy section opens a preview in the palette; nothing leaves the page', async ({ page }) => {
  await page.goto('/scripts/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('15秒接通率');
  const option = page.getByRole('option').filter({ hasText: '服务质量指标' }).first();
  await expect(option).toBeVisible();
  while ((await option.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const preview = palette(page).locator('.qs-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('heading')).toContainText('服务质量指标');
  await expect(preview.locator('li').first()).toBeVisible();
  await expect(preview.getByRole('link', { name: '打开完整页面' })).toHaveAttribute(
    'href',
    /\/policies\/kpi\/#[a-z-]+$/,
  );
  await expect(page).toHaveURL(/\/scripts\/$/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // A line of the passage copies on its own.
  const line = preview.locator('li').first();
  const text = await line.evaluate((li) => li.firstChild?.textContent ?? '');
  await line.getByRole('button').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  // Esc in a preview goes back to the results; Shift+Enter leaves.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('15秒接通率');
  await expect(option).toBeVisible();
  while ((await option.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Enter');
  await expect(page).toHaveURL(/\/policies\/kpi\/#[a-z-]+$/);
});

test('every alternative of a forbidden phrase can be copied, not only the first', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type(phraseWithAlternatives.phrase);
  const alts = page.getByRole('option').filter({ hasText: '改说' });
  await expect(alts.nth(2)).toBeVisible();
  const third = (await alts.nth(2).locator('.qs-text').textContent())!.replace('改说：', '');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(alts.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(third);
  await expect(page.locator('#live-status')).not.toContainText('忌');
});

test('blanks are filled in the palette before copying, Tab moving between them', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type(scriptWithBlank.title);
  await expect(page.getByRole('option').first()).toContainText(scriptWithBlank.title);
  await page.keyboard.press('Enter');
  const form = palette(page).locator('.qs-fill');
  await expect(form).toBeVisible();
  await expect(form.getByRole('textbox').first()).toBeFocused();
  await page.keyboard.type('24 小时');
  const count = await form.getByRole('textbox').count();
  for (let i = 1; i < count; i++) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(`空${i}`);
  }
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The first blank holds what was typed first, followed by the wording after it.
  const line = fillPlaceholders(
    scriptWithBlank.lines.find((l) => l.includes('……'))!,
    placeholderValues,
  );
  expect(copied).toContain(`24 小时${line.split('……')[1]!.slice(0, 4)}`);
  expect(copied).not.toContain('……');
});

test('opened empty, the palette shows recently copied and pinned scripts', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type(initialsOf(other.title));
  await expect(page.getByRole('option').first()).toContainText(other.title);
  await page.keyboard.press('Alt+p');
  await expect(page.locator('#live-status')).toContainText('已置顶');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.keyboard.type(initialsOf(script.title));
  await expect(page.getByRole('option').first()).toContainText(script.title);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await page.keyboard.press('Control+k');
  const options = page.getByRole('option');
  await expect(options.first()).toContainText('置顶话术');
  await expect(options.first()).toContainText(other.title);
  await expect(options.filter({ hasText: '最近复制' }).first()).toContainText(script.title);
});

test('a query that found nothing is kept on the device with its digits and name removed', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('张先生13812345678退款');
  await expect(page.locator('.qs-state')).toBeVisible();
  await page.keyboard.press('Escape');
  // The dialog's close event, which stores the miss, is dispatched as a task after Escape.
  const stored = () => page.evaluate(() => localStorage.getItem('kb.search-misses'));
  await expect.poll(stored).not.toBeNull();
  const misses = JSON.parse((await stored()) ?? '[]') as { query: string; reason: string }[];
  expect(misses.length).toBe(1);
  expect(misses[0]!.query).not.toMatch(/\d/);
  expect(misses[0]!.query).not.toContain('张');
  expect(misses[0]!.query).toContain('退款');
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

test('a missed query reaches the trainer dashboard through the learner’s export, digits removed', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('张先生13812345678退款');
  await expect(page.locator('.qs-state')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('kb.search-misses'))).not.toBeNull();

  await page.goto('/progress/');
  await page.getByLabel('工号').fill('E7001');
  await page.getByLabel('姓名').fill('周九');
  await page.getByRole('button', { name: '保存' }).click();
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 JSON（交给培训专员）' }).click();
  const text = await readFile(await (await pending).path(), 'utf8');
  expect(progressFileSchema.parse(JSON.parse(text)).searchMisses).toHaveLength(1);

  await page.goto('/dashboard/');
  await page
    .getByLabel('选择或拖入评分包和进度文件（JSON，可多选）')
    .setInputFiles({ name: 'progress-E7001.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const panel = page.locator('missed-queries');
  await expect(panel.locator('tbody tr')).toHaveCount(1);
  await expect(panel.locator('tbody tr').first()).toContainText('退款');
  await expect(panel.locator('tbody tr td').first()).not.toContainText(/\d/);
});
