import { LinkChecker, LinkState } from 'linkinator';
import { expect, test } from '@playwright/test';

test('every internal link and anchor of the built site resolves', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const checker = new LinkChecker();
  const result = await checker.check({
    path: baseURL!,
    recurse: true,
    checkFragments: true,
    linksToSkip: [`^(?!${baseURL!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`],
  });
  const broken = result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.url} (from ${l.parent})`);
  console.log(`link check: ${result.links.length} links, ${broken.length} broken`);
  expect(broken).toEqual([]);
  // Recursion really reached the content: every policy page was among the checked links.
  const checked = new Set(result.links.map((l) => new URL(l.url).pathname));
  for (const id of ['kpi', 'confidentiality', 'complaint-handling', 'roles-career']) {
    expect(checked).toContain(`/policies/${id}/`);
  }
});
