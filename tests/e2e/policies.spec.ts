import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { categoryLabels } from '../../src/i18n/ui.ts';

const policies = loadContent().policies;
/** A category's policies as a trainer orders them: by `order`, then id. */
const inCategory = (category: string) =>
  policies
    .filter((p) => p.data.category === category)
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
const mustRead = policies.filter((p) => p.data.mustRead);

test('home page orients each role and lists must-read policies', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/和信客服知识库/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '按角色开始' })).toBeVisible();
  for (const role of ['新员工', '业务代表', '培训与班组长']) {
    await expect(page.getByRole('heading', { name: role, exact: true })).toBeVisible();
  }
  // Every must-read policy is listed until it is acknowledged.
  const listed = page.locator('must-read-list li[data-policy-id]');
  await expect(listed).toHaveCount(mustRead.length);
  for (const p of mustRead) await expect(listed.filter({ hasText: p.data.title })).toBeVisible();
});

test('a policy page shows its header, table of contents, history and neighbours', async ({ page }) => {
  // A policy with a neighbour on each side in its category, when there is one.
  const siblingsOf = (p: (typeof policies)[number]) => inCategory(p.data.category);
  const policy =
    policies.find((p) => {
      const i = siblingsOf(p).indexOf(p);
      return i > 0 && i < siblingsOf(p).length - 1;
    }) ?? policies[0]!;
  const siblings = siblingsOf(policy);
  const at = siblings.indexOf(policy);
  await page.goto(`/policies/${policy.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(policy.data.title);
  await expect(page.getByText('生效日期')).toBeVisible();
  await expect(page.getByText('适用对象')).toBeVisible();
  const toc = page.getByRole('navigation', { name: '本页目录' });
  await expect(toc.getByRole('link').first()).toBeVisible();
  // TOC links point at ASCII pinyin anchors that exist on the page.
  const href = await toc.getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^#[a-z0-9-]+$/);
  await expect(page.locator(href!)).toHaveCount(1);
  await expect(page.getByRole('heading', { name: '修订记录' })).toBeVisible();
  // The history lists every change entry, newest first.
  const rows = page.locator('.change-history tbody tr');
  await expect(rows.locator('td:first-child')).toHaveText(policy.data.changes.map((c) => c.version));
  await expect(rows.locator('td:last-child')).toHaveText(policy.data.changes.map((c) => c.summary));
  const [prev, next] = [siblings[at - 1], siblings[at + 1]];
  if (prev) await expect(page.locator('a[rel=prev]')).toContainText(prev.data.title);
  else await expect(page.locator('a[rel=prev]')).toHaveCount(0);
  if (next) await expect(page.locator('a[rel=next]')).toContainText(next.data.title);
  else await expect(page.locator('a[rel=next]')).toHaveCount(0);
});

test('acknowledging a must-read policy removes it from the home page and survives reload', async ({ page }) => {
  const [acked, ...others] = mustRead;
  expect(acked, 'no policy is marked mustRead').toBeDefined();
  await page.goto(`/policies/${acked!.id}/`);
  await page.locator('policy-ack').scrollIntoViewIfNeeded();
  const ack = page.getByRole('button', { name: '我已阅读并理解此版本' });
  await ack.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已记录' })).toBeVisible();
  await expect(ack).toBeHidden();
  await page.reload();
  await page.locator('policy-ack').scrollIntoViewIfNeeded();
  await expect(page.getByText(/已确认阅读 \d+\.\d+ 版/)).toBeVisible();
  await page.goto('/');
  await expect(page.locator(`must-read-list li[data-policy-id=${acked!.id}]`)).toBeHidden();
  for (const other of others) await expect(page.locator(`must-read-list li[data-policy-id=${other.id}]`)).toBeVisible();
});

test('a corrupt first-release acknowledgment store is reported and never overwritten', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('kb.acknowledgments.v1', '{not json'));
  await page.goto(`/policies/${mustRead[0]!.id}/`);
  await page.locator('policy-ack').scrollIntoViewIfNeeded();
  await expect(page.locator('policy-ack .ack-status')).toContainText('阅读记录列表不是有效的 JSON');
  await page.getByRole('button', { name: '我已阅读并理解此版本' }).click();
  await expect(page.locator('policy-ack .ack-status')).toContainText('已记录');
  expect(await page.evaluate(() => localStorage.getItem('kb.acknowledgments.v1'))).toBe('{not json');
});

test('each category page lists its policies in their order', async ({ page }) => {
  for (const category of new Set(policies.map((p) => p.data.category))) {
    await page.goto(`/categories/${category}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(categoryLabels[category].zh);
    const titles = await page.locator('.card h2').allTextContents();
    expect(titles.map((s) => s.trim())).toEqual(inCategory(category).map((p) => p.data.title));
  }
});

test('what is new lists changes newest first and links the RSS feed', async ({ page, request }) => {
  await page.goto('/updates/');
  const dates = await page
    .locator('.notices time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  // One notice per change entry of every policy.
  expect(dates).toHaveLength(policies.reduce((n, p) => n + p.data.changes.length, 0));
  expect([...dates].sort().reverse()).toEqual(dates);
  const first = page.locator('.notices li').first();
  const heading = (await first.getByRole('heading').textContent())!.replace(/\s+/g, ' ').trim();
  const [, title, version] = /^(.+?) v(\d+\.\d+)/.exec(heading)!;
  const rss = await request.get('/rss.xml');
  expect(rss.ok()).toBe(true);
  const xml = await rss.text();
  expect(xml).toContain(`<title>${title} v${version}</title>`);
  expect(xml).toMatch(new RegExp(`<guid isPermaLink="false">[a-z-]+@${version!.replace('.', '\\.')}</guid>`));
});

test('keyboard: the skip link moves focus to the main content', async ({ page }) => {
  await page.goto(`/policies/${policies[0]!.id}/`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('a must-read policy shows what changed since its previous version, linked from 最新通告', async ({ page }) => {
  await page.goto('/updates/');
  // Whatever the history holds, the build lists must-read notices linking to their diff.
  const notice = page
    .locator('.notices article')
    .filter({ hasText: '必读' })
    .filter({
      has: page.getByRole('link', { name: '查看改动' }),
    });
  await expect(notice.first()).toBeVisible();
  const title = (await notice.first().getByRole('heading').getByRole('link').textContent())!.trim();
  await notice.first().getByRole('link', { name: '查看改动' }).click();
  await expect(page).toHaveURL(/#what-changed$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  const diff = page.getByRole('region', { name: '本次修订改了什么' });
  await expect(diff).toBeVisible();
  await expect(diff).toContainText(/\d+\.\d+ 版 → \d+\.\d+ 版/);
  // Added and removed words are marked, and screen readers hear which is which.
  await expect(diff.locator('ins').first()).toBeVisible();
  await expect(diff.locator('del').first()).toBeVisible();
  await expect(diff.locator('ins .visually-hidden').first()).toHaveText('新增：');
  await expect(diff.locator('del .visually-hidden').first()).toHaveText('删除：');
  const results = await new AxeBuilder({ page }).include('#what-changed').analyze();
  expect(results.violations).toEqual([]);
  // It prints: the marks survive print styles.
  await page.emulateMedia({ media: 'print' });
  await expect(diff.locator('ins').first()).toBeVisible();
  const line = await diff
    .locator('del')
    .first()
    .evaluate((el) => getComputedStyle(el).textDecorationLine);
  expect(line).toContain('line-through');
});

test('the RSS item of a current version links to its diff', async ({ request }) => {
  const rss = await (await request.get('/rss.xml')).text();
  expect(rss).toMatch(/<link>[^<]*\/policies\/[a-z-]+\/#what-changed<\/link>/);
});

test('every script card says where its wording comes from, and the list filters by it', async ({ page }) => {
  await page.goto('/scripts/');
  const cards = page.locator('.script-card');
  const total = await cards.count();
  await expect(page.locator('.script-card .provenance')).toHaveCount(total);
  const source = page.getByRole('group', { name: '来源' });
  await source.getByRole('checkbox', { name: '参考示例' }).uncheck();
  await expect(page).toHaveURL(/provenance=original/);
  const shown = page.locator('.script-card:visible');
  const n = await shown.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(total);
  for (const kind of await shown.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['provenance']))) {
    expect(kind).toBe('original');
  }
  await expect(shown.locator('.provenance-badge').first()).toHaveText('制度原文');
  await expect(shown.first().locator('.provenance')).toContainText('《');
  await page.reload();
  await expect(page.getByRole('group', { name: '来源' }).getByRole('checkbox', { name: '参考示例' })).not.toBeChecked();
  await expect(page.locator('.script-card:visible')).toHaveCount(n);
});

test('forbidden phrases written for the site are labelled 参考示例 and can be listed alone', async ({ page }) => {
  await page.goto('/phrases/');
  await page.getByRole('group', { name: '来源' }).getByRole('checkbox', { name: '制度原文' }).uncheck();
  const rows = page.locator('.phrase-table tbody tr:visible');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.locator('.provenance-badge').allTextContents()) expect(text.trim()).toBe('参考示例');
  const example = page.locator('.phrase-table tbody tr:visible .provenance a').first();
  await expect(example).toHaveAttribute('href', /^\/policies\/[a-z-]+\/#[a-z0-9-]+$/);
});

test('the heading parser behind quiz refs and the palette gives the anchors the pages render', async ({ request }) => {
  for (const policy of loadContent().policies) {
    const html = await (await request.get(`/policies/${policy.id}/`)).text();
    const ids = new Set([...html.matchAll(/<h[2-6][^>]* id="([^"]+)"/g)].map((m) => m[1]));
    for (const anchor of policy.anchors) expect(ids.has(anchor), `${policy.id}#${anchor}`).toBe(true);
  }
});
