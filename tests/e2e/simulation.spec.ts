import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { loadSimulations } from '../../src/lib/simulation/load.ts';
import { prepareSimulation } from '../../src/lib/simulation/prepare.ts';
import { publicSimulation } from '../../src/lib/simulation/public.ts';
import { placeholderValues, site } from '../../src/site.config.ts';

const axe = async (page: Page) => {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};

/** Records every sim-transcript event the page emits. */
const captureTranscripts = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { transcripts: unknown[] };
    w.transcripts = [];
    document.addEventListener('sim-transcript', (e) => w.transcripts.push((e as CustomEvent).detail));
  });

/** Types a reply into the focused textarea and submits it with Ctrl+Enter. */
async function reply(page: Page, text: string) {
  await expect(page.getByLabel('你的回复')).toBeFocused();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.sp-feedback-title')).toBeFocused();
}

/** From the focused feedback heading, Tab to the continue button and press Enter. */
async function carryOn(page: Page) {
  await page.keyboard.press('Tab');
  await expect(page.locator('.sp-continue')).toBeFocused();
  await page.keyboard.press('Enter');
}

test('a learner completes a call by keyboard with good replies and passes', async ({ page }) => {
  await page.goto('/practice/simulations/silent-call/');
  await captureTranscripts(page);
  await expect(page.locator('.sp-log .sp-customer').first()).toContainText('没有任何声音');

  await reply(page, `您好，您已经接通${site.hotline}。`);
  await expect(page.locator('.sp-feedback')).toContainText('本轮达标');
  await carryOn(page);

  await reply(page, '抱歉，我这边听不见您说话，麻烦您重新拨打，谢谢您的配合。');
  await expect(page.locator('.sp-feedback')).toContainText('本轮达标');
  await carryOn(page);

  // The choice: Space picks the focused first option, Tab reaches the button.
  await expect(page.getByRole('radio', { name: '结束通话' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.sp-feedback')).toContainText('选对了');
  await carryOn(page);

  await expect(page.locator('.sp-result-title')).toBeFocused();
  await expect(page.locator('.sp-result')).toContainText('通过：');
  await expect(page.locator('.sp-result')).not.toContainText('未通过');
  const transcripts = await page.evaluate(() => (window as unknown as { transcripts: unknown[] }).transcripts);
  expect(transcripts).toEqual([
    {
      simulationId: 'silent-call',
      turns: [
        { turnId: 'r1', reply: `您好，您已经接通${site.hotline}。` },
        { turnId: 'r2', reply: '抱歉，我这边听不见您说话，麻烦您重新拨打，谢谢您的配合。' },
        { turnId: 'q1', choice: 0 },
      ],
    },
  ]);
});

test('a reply with a forbidden phrase fails, and the learner sees why', async ({ page }) => {
  test.setTimeout(60_000); // includes a full axe run
  await page.goto('/practice/simulations/slow-query/');
  await reply(page, '对不起，让您久等了，我也不知道为什么这么慢，我将尽快为您查询。');
  const feedback = page.locator('.sp-feedback');
  await expect(feedback).toContainText('本轮未达标');
  await expect(feedback).toContainText('不能对客户说的内容');
  await expect(feedback.locator('mark')).toHaveText('我也不知道');
  // The phrase checker's alternative is shown with it.
  await expect(feedback.locator('.sp-forbidden')).toContainText('改说：');
  expect(await axe(page)).toEqual([]);
  await carryOn(page);
  await expect(page.locator('.sp-result')).toContainText('未通过');
});

test('feedback names a missed element with the prescribed script and the policy section', async ({ page }) => {
  await page.goto('/practice/simulations/slow-query/');
  await reply(page, '我尽快帮您查询。');
  const missed = page.locator('.sp-missed').filter({ hasText: '致歉' });
  await expect(missed).toContainText('规范说法：');
  await expect(missed.getByRole('button', { name: /复制/ })).toBeVisible();
  await expect(missed.getByRole('link', { name: /制度依据/ })).toHaveAttribute(
    'href',
    /\/policies\/service-language\/#/,
  );
  // No apology: the customer gets angrier.
  await carryOn(page);
  await expect(page.locator('.sp-log .sp-customer').last()).toContainText('连句对不起都没有');
});

test('the simulations index has no axe violations and groups by topic', async ({ page }) => {
  await page.goto('/practice/simulations/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('实操练习');
  await expect(page.getByRole('heading', { level: 2, name: '投诉处理' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the player with feedback has no axe violations (${scheme})`, async ({ page }) => {
    // Two full axe runs: slow on a busy machine.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/practice/simulations/upset-customer/');
    expect(await axe(page)).toEqual([]);
    await reply(page, '对不起，我也不知道，您先别着急。');
    await expect(page.locator('.sp-feedback mark')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
}

test('the player fits a phone (390×844)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/practice/simulations/upset-customer/');
  await reply(page, '对不起，您先别着急，请问有什么可以帮您？');
  await carryOn(page);
  await expect(page.getByRole('radio', { name: '愤怒' })).toBeFocused();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: '确定' })).toBeInViewport({ ratio: 0 });
});

test('in exam mode the player gives no feedback and emits the transcript', async ({ page }) => {
  const content = loadContent('.');
  const entry = loadSimulations('.', content).simulations.find((s) => s.id === 'slow-query')!;
  const sim = publicSimulation(prepareSimulation(entry.data, placeholderValues));
  await page.goto('/practice/simulations/slow-query/');
  await captureTranscripts(page);
  await page.evaluate((data) => {
    const player = document.querySelector('sim-player') as HTMLElement & { simulation: unknown };
    player.simulation = { mode: 'exam', sim: data };
  }, sim);
  await page.getByLabel('你的回复').focus();
  await page.keyboard.insertText('我尽快帮您查。');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.sp-result')).toContainText('回复已记录');
  await expect(page.locator('.sp-feedback')).toBeHidden();
  // A sealed call follows `next` only: the angrier customer never appears.
  await expect(page.locator('.sp-log')).not.toContainText('连句对不起都没有');
  const transcripts = await page.evaluate(() => (window as unknown as { transcripts: unknown[] }).transcripts);
  expect(transcripts).toEqual([{ simulationId: 'slow-query', turns: [{ turnId: 'r1', reply: '我尽快帮您查。' }] }]);
});

test('the practice topic page and the exams page link to the simulations', async ({ page }) => {
  await page.goto('/practice/complaints/');
  await page.getByRole('link', { name: '本主题的实操练习 →' }).click();
  await expect(page).toHaveURL(/\/practice\/simulations\/#topic-complaints$/);
  await page.goto('/exams/');
  await expect(page.getByRole('link', { name: /实操练习/ })).toHaveAttribute('href', '/practice/simulations/');
});
