import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

const stepTitle = (page: Page) => page.locator('.guide-title');

/** Presses the digit of the branch whose label contains `text`. */
async function pick(page: Page, text: string) {
  const labels = await page.locator('.guide-choices button').allTextContents();
  const i = labels.findIndex((l) => l.includes(text));
  expect(i, `branch “${text}” among ${labels.join(' | ')}`).toBeGreaterThanOrEqual(0);
  await page.keyboard.press(String(i + 1));
}

async function startGuide(page: Page) {
  await page.goto('/flows/complaint/');
  await page.getByRole('button', { name: '开始引导' }).focus();
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toHaveText('接听倾听');
  await expect(stepTitle(page)).toBeFocused();
  await expect(page.locator('.guide-step')).toHaveText('第 1 步');
  await expect(page.locator('.guide-elapsed')).toContainText('本次通话已用时 0:0');
}

const flows = loadContent().flows.map((f) => f.data);

for (const flow of flows) {
  test(`the ${flow.id} flow page draws a box per step and lists every step as text, with its rules, time limits and escalations`, async ({
    page,
  }) => {
    await page.goto(`/flows/${flow.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(flow.title);
    for (const rule of flow.rules) await expect(page.locator('.rules')).toContainText(rule);
    await expect(page.locator('.flow-diagram .node')).toHaveCount(flow.steps.length);
    await expect(page.locator('.flow-steps > li')).toHaveCount(flow.steps.length);
    for (const step of flow.steps) {
      const item = page.locator(`#step-${step.id}`);
      await expect(item).toContainText(step.title);
      if (step.timeLimit) await expect(item).toContainText(step.timeLimit);
      if (step.escalateTo) await expect(item).toContainText(step.escalateTo);
    }
    expect(await axe(page)).toEqual([]);
  });
}

test('guided mode walks the “complaint stands” branch by keyboard, through the 24-hour escalation', async ({
  page,
}) => {
  test.slow(); // sixteen steps, two axe runs and a reload
  await startGuide(page);
  await expect(page.locator('.guide-watch')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toHaveText('安抚情绪');
  await expect(page.locator('.guide-watch')).toBeHidden();
  await pick(page, '情绪平复');
  await expect(stepTitle(page)).toHaveText('受理登记');
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toHaveText('判断是否成立');
  await pick(page, '投诉成立');
  await expect(stepTitle(page)).toHaveText('确定责任部门');
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toHaveText('核实情况');
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toHaveText('制定方案并审批');
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toHaveText('沟通协商');
  await pick(page, '客户认可方案');
  await expect(stepTitle(page)).toHaveText('处理跟进');
  await expect(page.locator('.guide-watch')).toContainText('24 小时');
  await pick(page, '超过 24 小时');
  await expect(stepTitle(page)).toHaveText('超时升级值班长');
  await expect(page.locator('.guide-watch')).toContainText('24 小时');
  await expect(page.locator('.guide-meta')).toContainText('超过 24 小时未完结');
  await expect(page.locator('.guide-meta')).toContainText('值班长');
  expect(await axe(page)).toEqual([]);
  await pick(page, '仍无法解决');
  await expect(stepTitle(page)).toHaveText('升级部门经理');
  await expect(page.locator('.guide-meta')).toContainText('部门经理');
  await page.keyboard.press('Backspace');
  await expect(stepTitle(page)).toHaveText('超时升级值班长');
  // A reload keeps the walk.
  await page.reload();
  await expect(stepTitle(page)).toHaveText('超时升级值班长');
  await expect(page.locator('.guide-step')).toHaveText('第 10 步');
  await pick(page, '值班长跟进后解决');
  await expect(stepTitle(page)).toHaveText('结果反馈确认');
  await pick(page, '客户认可');
  await expect(stepTitle(page)).toHaveText('投诉回访');
  await pick(page, '客户满意');
  await expect(stepTitle(page)).toHaveText('总结归档');
  await expect(page.locator('.guide-choose-label')).toHaveText('流程已走完。');
});

test('guided mode walks the “complaint does not stand” branch and can be reset', async ({ page }) => {
  await startGuide(page);
  await page.keyboard.press('Enter');
  await pick(page, '明显有投诉升级倾向');
  await expect(stepTitle(page)).toHaveText('上报管理层');
  await expect(page.locator('.guide-meta')).toContainText('第一时间');
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toHaveText('受理登记');
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toHaveText('判断是否成立');
  await pick(page, '投诉不成立');
  await expect(stepTitle(page)).toHaveText('婉转答复');
  await pick(page, '客户谅解');
  await expect(stepTitle(page)).toHaveText('投诉回访');
  // Reset asks first; cancelling keeps the walk.
  await page.getByRole('button', { name: '重新开始' }).click();
  const confirm = page.getByRole('dialog', { name: '重新开始引导？' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '取消，继续当前引导' }).click();
  await expect(stepTitle(page)).toHaveText('投诉回访');
  await page.getByRole('button', { name: '重新开始' }).click();
  await confirm.getByRole('button', { name: '清空并重新开始' }).click();
  await expect(page.locator('.guide-panel')).toBeHidden();
  await page.reload();
  await expect(page.locator('.guide-panel')).toBeHidden();
  await expect(page.getByRole('button', { name: '开始引导' })).toBeVisible();
});

test('guided mode offers the lines to say with copy buttons', async ({ page }) => {
  await startGuide(page);
  const say = page.locator('.guide-say blockquote').first();
  await expect(say).toBeVisible();
  await say.getByRole('button').click();
  await expect(page.locator('#live-status')).toContainText('已复制');
  expect((await page.evaluate(() => navigator.clipboard.readText())).length).toBeGreaterThan(5);
});

test('the quick palette finds flow steps', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('超时升级');
  const option = page.getByRole('option').filter({ hasText: '投诉处理流程' }).first();
  await expect(option).toContainText('流程步骤');
  await option.click();
  // A step opens in the palette's preview, with a link to it on its page.
  const preview = page.locator('.qs-preview');
  await expect(preview).toContainText('值班长');
  await preview.getByRole('link', { name: '打开完整页面' }).click();
  await expect(page).toHaveURL(/\/flows\/complaint\/#step-overdue-lead$/);
});

for (const flow of flows) {
  test(`the ${flow.id} flowchart draws an arrow for every transition, each box links to its step`, async ({ page }) => {
    await page.goto(`/flows/${flow.id}/`);
    for (const step of flow.steps) {
      const ways = step.branches ?? (step.next ? [{ label: '', to: step.next }] : []);
      for (const way of ways) {
        const edge = page.locator(`svg .edge[data-from="${step.id}"][data-to="${way.to}"]`);
        await expect(edge, `${step.id} → ${way.to}`).toHaveCount(1);
        await expect(edge.locator('path[marker-end]')).toHaveAttribute('d', /^M[\d.-]+,[\d.-]+( L[\d.-]+,[\d.-]+)+$/);
        if (way.label) await expect(edge).toContainText(way.label.slice(0, 9));
      }
      const box = page.locator(`svg a.node[data-step="${step.id}"]`);
      await expect(box).toHaveAttribute('href', `#step-${step.id}`);
      await expect(page.locator(`#step-${step.id}`)).toHaveCount(1);
    }
  });
}

test('guided mode starts with G or one Tab; its step, lines and branches stay in view at 1280×800', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/flows/complaint/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '开始引导' })).toBeFocused();
  await page.goto('/flows/consultation/');
  await page.keyboard.press('g');
  await expect(stepTitle(page)).toBeVisible();
  await page.goto('/flows/complaint/');
  await page.keyboard.press('g');
  await expect(stepTitle(page)).toHaveText('接听倾听');
  await page.keyboard.press('Enter');
  await pick(page, '情绪平复');
  await expect(page.locator('.guide-trail li')).toHaveText(['接听倾听', '安抚情绪', '受理登记']);
  for (const part of [
    stepTitle(page),
    page.locator('.guide-do li').last(),
    page.locator('.guide-choices button').last(),
  ]) {
    await expect(part).toBeInViewport();
  }
  expect(await axe(page)).toEqual([]);
});
