import { expect, test } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';

// A relevance sample: words from policy bodies an agent or new hire would search, and the policy that must
// rank first or second: body text, not titles. It samples today’s wording; update it when the policies change.
const queries: [string, string][] = [
  ['15秒接通率', '/policies/kpi/'],
  ['保密', '/policies/confidentiality/'],
  ['换班', '/policies/attendance-leave/'],
  ['首问负责', '/policies/complaint-handling/'],
  ['回访', '/policies/callback/'],
  ['忌语', '/policies/forbidden-language/'],
  ['请假', '/policies/attendance-leave/'],
  ['最低技能认证', '/policies/training-certification/'],
  ['交接班', '/policies/floor-discipline/'],
  ['日报', '/policies/reports/'],
  ['监听', '/policies/quality-monitoring/'],
  ['辞退', '/policies/performance-assessment/'],
];

for (const [query, expected] of queries) {
  test(`search “${query}” ranks ${expected} first or second`, async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    const results = page.locator('.search-results > li h2 a');
    await expect(results.first()).toBeVisible();
    const top = await results.evaluateAll((links) =>
      links.slice(0, 2).map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(top).toContain(expected);
  });
}

// Whatever the library holds, a new hire who types a policy's title finds that policy first or second.
const policies = loadContent().policies;

for (const { id, data } of policies) {
  test(`search for the title of ${id} ranks it first or second`, async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(data.title)}`);
    const results = page.locator('.search-results > li h2 a');
    await expect(results.first()).toBeVisible();
    const top = await results.evaluateAll((links) =>
      links.slice(0, 2).map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(top).toContain(`/policies/${id}/`);
  });
}

test('the header search box submits to the search page and shows marked excerpts', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: '搜索知识库' }).fill('保密');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await expect(page.getByRole('status')).toContainText('找到');
  await expect(page.locator('.search-results mark').first()).toContainText('保密');
});

test('a query with no match says so', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('zzqqxxnotaword'));
  await expect(page.getByRole('status')).toContainText('没有找到');
});

test('HTML in a query is shown as text and never injected', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/search/?q=' + encodeURIComponent('<img src=x onerror="window.__pwned=1">'));
  await expect(page.getByRole('status')).not.toHaveText('正在搜索…');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('.search-results img')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('results can be narrowed to one policy category by keyboard', async ({ page }) => {
  await page.goto('/search/?q=' + encodeURIComponent('投诉'));
  const group = page.getByRole('group', { name: '制度分类' });
  await expect(group).toBeVisible();
  await group.getByRole('radio', { name: '业务流程' }).check();
  await expect(page).toHaveURL(/category=/);
  const badges = page.locator('.search-results .badge');
  await expect(badges.first()).toContainText('业务流程');
  for (const text of await badges.allTextContents()) expect(text).toContain('业务流程');
});
