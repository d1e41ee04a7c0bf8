import { expect, test } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { stageIds } from '../../src/lib/content/schema.ts';
import { stageLabels } from '../../src/i18n/ui.ts';
import { fillPlaceholders } from '../../src/lib/scripts/placeholders.ts';
import { placeholderValues } from '../../src/site.config.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('scripts page groups by stage of the call and filters by stage and words', async ({ page }) => {
  const scripts = loadContent().scripts.map((x) => x.data);
  // One section per stage that has scripts, in the order of a call.
  const stages = stageIds.filter((stage) => scripts.some((x) => x.stage === stage));
  await page.goto('/scripts/');
  await expect(page.locator('section.stage h2')).toHaveText(stages.map((stage) => stageLabels[stage].zh));
  const stage = stages.at(-1)!;
  await page.getByRole('radio', { name: stageLabels[stage].zh }).check();
  await expect(page.locator('section.stage:visible h2')).toHaveText([stageLabels[stage].zh]);
  await expect(page).toHaveURL(new RegExp(`stage=${stage}`));
  await expect(page.locator('.script-card:visible')).toHaveCount(scripts.filter((x) => x.stage === stage).length);
  await page.getByRole('radio', { name: '全部' }).check();
  // Typing a script's title shows that script, and only cards that mention those words.
  const { title } = scripts[0]!;
  await page.getByRole('searchbox', { name: '筛选话术' }).fill(title);
  const shown = page.locator('.script-card:visible');
  await expect(shown.locator('h3').filter({ hasText: title }).first()).toBeVisible();
  for (const text of await shown.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['search'] ?? '')))
    expect(text).toContain(title);
  await expect(page.locator('.filter-count')).toContainText(`显示 ${await shown.count()} /`);
  await page.getByRole('searchbox', { name: '筛选话术' }).fill('没有这种话术xyz');
  await expect(page.locator('.filter-count')).toHaveText('没有符合条件的话术。');
});

test('a copy button copies the script with names filled in', async ({ page }) => {
  // A script whose lines name the company, the center, the hotline or the agent.
  const script = loadContent().scripts.find((x) => x.data.lines.some((l) => /\{[a-zA-Z]+\}/.test(l)));
  expect(script, 'no script uses a placeholder').toBeDefined();
  const { title, lines } = script!.data;
  await page.goto(`/scripts/${script!.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.getByRole('button', { name: `复制：${title}` }).click();
  await expect(page.locator('#live-status')).toContainText(`已复制「${title}」`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  for (const line of lines) expect(copied).toContain(fillPlaceholders(line, placeholderValues));
  expect(copied).not.toMatch(/\{[a-zA-Z]+\}/);
});

test('forbidden phrases page shows each phrase beside its alternatives and anchors each row', async ({ page }) => {
  const phrases = loadContent().phrases;
  await page.goto(`/phrases/#${phrases[0]!.id}`);
  await expect(page.locator('.phrase-table tbody tr')).toHaveCount(phrases.length);
  for (const { id, data } of phrases) {
    const row = page.locator(`tr#${id}`);
    await expect(row.getByRole('rowheader')).toContainText(data.phrase);
    for (const instead of data.instead) await expect(row.locator('td').nth(1)).toContainText(instead);
  }
});

test('the phrase checker marks forbidden phrases in place and suggests alternatives', async ({ page }) => {
  await page.goto('/phrases/check/');
  const draft = page.getByRole('textbox', { name: '回复草稿' });
  await draft.fill('您好，这事儿不归我们管，我也不知道，但是您可以再问问。<script>window.__x=1</script>');
  await expect(page.locator('#checker-summary')).toContainText('发现');
  const marks = await page.locator('.marked mark').allTextContents();
  expect(marks).toEqual(expect.arrayContaining(['这事儿不归我们管', '我也不知道', '但是']));
  await expect(page.locator('.suggestions')).toContainText('不知道');
  await expect(page.locator('.marked')).toContainText('<script>window.__x=1</script>');
  expect(await page.evaluate(() => (window as { __x?: number }).__x)).toBeUndefined();
  await draft.fill('您好，请问有什么可以帮您？');
  await expect(page.locator('#checker-summary')).toHaveText('没有发现忌语。');
});

test('the phrase checker catches polite forms, lists each phrase once, replaces in one click, copies the draft', async ({
  page,
}) => {
  await page.goto('/phrases/check/');
  const draft = page.getByRole('textbox', { name: '回复草稿' });
  await draft.fill('您听明白了没有？我也不知道。不知道但是');
  await expect(page.locator('.marked mark')).toHaveText(['您听明白了没有', '我也不知道', '不知道', '但是']);
  const listed = await page.locator('.suggestions > li > s').allTextContents();
  expect(listed).toEqual([...new Set(listed)]);
  expect(listed).toContain('我也不知道');
  const fix = page.locator('.suggestions > li').filter({ hasText: '我也不知道' }).getByRole('button').first();
  const label = (await fix.textContent())!;
  await fix.click();
  const alternative = /“(.+)”/.exec(label)![1]!;
  await expect(draft).toHaveValue(new RegExp(alternative.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(page.locator('.marked mark')).not.toContainText(['我也不知道']);
  await page.getByRole('button', { name: '复制改好的回复' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await draft.inputValue());
});

test('on a phone the header is compact and shows no keyboard hint', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const header = page.locator('header.site-header');
  const box = (await header.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(110);
  await expect(header.locator('kbd')).toBeHidden();
  await expect(header.getByRole('button', { name: '快速查找' })).toBeVisible();
});
