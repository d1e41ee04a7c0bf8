import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import type { FlowData } from '../../src/lib/content/schema.ts';
import { successors } from '../../src/lib/flows/graph.ts';
import { fillPlaceholders } from '../../src/lib/scripts/placeholders.ts';
import { placeholderValues } from '../../src/site.config.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

const stepTitle = (page: Page) => page.locator('.guide-title');

const content = loadContent();
const flows = content.flows.map((f) => f.data);
const stepOf = (flow: FlowData, id: string) => flow.steps.find((s) => s.id === id)!;

/** The shortest way (step ids, both ends included) from `from` to a step that `goal` accepts. */
function shortestPath(flow: FlowData, from: string, goal: (id: string) => boolean): string[] {
  const cameFrom = new Map<string, string | undefined>([[from, undefined]]);
  const queue = [from];
  while (queue.length) {
    const id = queue.shift()!;
    if (goal(id)) {
      const path = [id];
      for (let at = cameFrom.get(id); at !== undefined; at = cameFrom.get(at)) path.unshift(at);
      return path;
    }
    for (const to of successors(stepOf(flow, id)))
      if (!cameFrom.has(to)) {
        cameFrom.set(to, id);
        queue.push(to);
      }
  }
  throw new Error(`${flow.id}: no way from ${from}`);
}

/** Walks from the start to an end that together pass every step. */
function coveringWalks(flow: FlowData): string[][] {
  const uncovered = new Set(flow.steps.map((s) => s.id));
  const walks: string[][] = [];
  while (uncovered.size) {
    const target = [...uncovered][0]!;
    const there = shortestPath(flow, flow.start, (id) => id === target);
    const walk = [...there, ...shortestPath(flow, target, (id) => !!stepOf(flow, id).end).slice(1)];
    for (const id of walk) uncovered.delete(id);
    walks.push(walk);
  }
  return walks;
}

/** Takes the way from the current step to `to` by keyboard: Enter for the one next step, else its digit. */
async function go(page: Page, flow: FlowData, from: string, to: string) {
  const step = stepOf(flow, from);
  await page.keyboard.press(step.next ? 'Enter' : String(successors(step).indexOf(to) + 1));
}

/** What the guide shows at the end of `path`: title, step number, time limit, escalation, standing rules. */
async function expectAt(page: Page, flow: FlowData, path: string[]) {
  const step = stepOf(flow, path.at(-1)!);
  await expect(stepTitle(page)).toHaveText(step.title);
  await expect(page.locator('.guide-step')).toHaveText(`第 ${path.length} 步`);
  if (step.timeLimit) await expect(page.locator('.guide-meta')).toContainText(step.timeLimit);
  if (step.escalateTo) await expect(page.locator('.guide-meta')).toContainText(step.escalateTo);
  const watches = step.end ? [] : flow.watch.filter((w) => path.includes(w.from));
  if (!watches.length) await expect(page.locator('.guide-watch')).toBeHidden();
  for (const w of watches) await expect(page.locator('.guide-watch')).toContainText(w.text);
  if (step.end) await expect(page.locator('.guide-choose-label')).toHaveText('流程已走完。');
}

async function startGuide(page: Page, flow: FlowData) {
  await page.goto(`/flows/${flow.id}/`);
  await page.getByRole('button', { name: '开始引导' }).focus();
  await page.keyboard.press('Enter');
  await expect(stepTitle(page)).toHaveText(stepOf(flow, flow.start).title);
  await expect(stepTitle(page)).toBeFocused();
  await expect(page.locator('.guide-step')).toHaveText('第 1 步');
  await expect(page.locator('.guide-elapsed')).toContainText('本次通话已用时 0:0');
}

/** A walk of four steps or more, through a branch when a flow has one early, for the tests of the guide itself. */
const long = flows
  .flatMap((flow) => coveringWalks(flow).map((walk) => ({ flow, walk })))
  .filter((w) => w.walk.length >= 4);
const { flow: longFlow, walk: longWalk } =
  long.find(({ flow, walk }) => walk.slice(0, 3).some((id) => stepOf(flow, id).branches)) ?? long[0]!;

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

for (const flow of flows) {
  test(`guided mode reaches every step of the ${flow.id} flow by keyboard, with its time limit, escalation and standing rules`, async ({
    page,
  }) => {
    test.slow(); // every path, a step at a time
    for (const [n, walk] of coveringWalks(flow).entries()) {
      if (n) {
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await page.keyboard.press('g');
      } else await startGuide(page, flow);
      await expectAt(page, flow, walk.slice(0, 1));
      for (let i = 1; i < walk.length; i++) {
        await go(page, flow, walk[i - 1]!, walk[i]!);
        await expectAt(page, flow, walk.slice(0, i + 1));
      }
    }
    expect(await axe(page)).toEqual([]);
  });
}

test('guided mode goes back with Backspace, keeps the walk over a reload, and resets only once confirmed', async ({
  page,
}) => {
  const [first, second, third] = longWalk as [string, string, string];
  await startGuide(page, longFlow);
  await go(page, longFlow, first, second);
  await go(page, longFlow, second, third);
  await expectAt(page, longFlow, [first, second, third]);
  await page.keyboard.press('Backspace');
  await expectAt(page, longFlow, [first, second]);
  // A reload keeps the walk.
  await page.reload();
  await expectAt(page, longFlow, [first, second]);
  expect(await axe(page)).toEqual([]);
  // Reset asks first; cancelling keeps the walk.
  await page.getByRole('button', { name: '重新开始' }).click();
  const confirm = page.getByRole('dialog', { name: '重新开始引导？' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '取消，继续当前引导' }).click();
  await expectAt(page, longFlow, [first, second]);
  await page.getByRole('button', { name: '重新开始' }).click();
  await confirm.getByRole('button', { name: '清空并重新开始' }).click();
  await expect(page.locator('.guide-panel')).toBeHidden();
  await page.reload();
  await expect(page.locator('.guide-panel')).toBeHidden();
  await expect(page.getByRole('button', { name: '开始引导' })).toBeVisible();
});

test('guided mode offers the lines to say with copy buttons', async ({ page }) => {
  // A flow whose first step names lines to say.
  const flow = flows.find((f) => stepOf(f, f.start).say.length);
  expect(flow, 'no flow starts with lines to say').toBeDefined();
  const script = content.scripts.find((x) => x.id === stepOf(flow!, flow!.start).say[0])!.data;
  await startGuide(page, flow!);
  const say = page.locator('.guide-say blockquote').first();
  await expect(say).toContainText(script.title);
  await say.getByRole('button').click();
  await expect(page.locator('#live-status')).toContainText('已复制');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(fillPlaceholders(script.lines[0]!, placeholderValues));
});

test('the quick palette finds a flow step by its title and opens it on its page', async ({ page }) => {
  // A step whose title no other step shares, so the palette has one right answer.
  const allSteps = flows.flatMap((flow) => flow.steps.map((step) => ({ flow, step })));
  const { flow, step } = allSteps.find(({ step }) => allSteps.filter((x) => x.step.title === step.title).length === 1)!;
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.keyboard.type(step.title);
  const option = page
    .getByRole('option')
    .filter({ hasText: `${flow.title} › ${step.title}` })
    .first();
  await expect(option).toContainText('流程步骤');
  await option.click();
  // A step opens in the palette's preview, with a link to it on its page.
  const preview = page.locator('.qs-preview');
  await expect(preview).toContainText(fillPlaceholders(step.do[0]!, placeholderValues).slice(0, 12));
  await preview.getByRole('link', { name: '打开完整页面' }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/${flow.id}/#step-${step.id}$`));
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
  const [first, second, third] = longWalk as [string, string, string];
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/flows/${longFlow.id}/`);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '开始引导' })).toBeFocused();
  for (const flow of flows) {
    await page.goto(`/flows/${flow.id}/`);
    await page.keyboard.press('g');
    await expect(stepTitle(page)).toHaveText(stepOf(flow, flow.start).title);
  }
  await page.goto(`/flows/${longFlow.id}/`);
  await page.keyboard.press('g');
  await go(page, longFlow, first, second);
  await go(page, longFlow, second, third);
  await expect(page.locator('.guide-trail li')).toHaveText(
    [first, second, third].map((id) => stepOf(longFlow, id).title),
  );
  for (const part of [
    stepTitle(page),
    page.locator('.guide-do li').last(),
    page.locator('.guide-choices button').last(),
  ]) {
    await expect(part).toBeInViewport();
  }
  expect(await axe(page)).toEqual([]);
});
