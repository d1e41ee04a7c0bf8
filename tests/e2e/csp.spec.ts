import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../src/lib/security/csp.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { initialsOf, typeableScripts } from './palette-picks.ts';

// The richest page of each content type: the longest policy, the flow with most steps.
const content = loadContent();
const policy = content.policies.reduce((a, b) => (b.body.length > a.body.length ? b : a));
const flow = content.flows.reduce((a, b) => (b.data.steps.length > a.data.steps.length ? b : a));

/** Every page type, served with the strict policy deployers are told to set; any violation fails. */
const pages: [string, string, ((page: Page) => Promise<void>)?][] = [
  ['home', '/'],
  ['policy', `/policies/${policy.id}/`],
  ['scripts', '/scripts/'],
  ['phrases', '/phrases/'],
  [
    'phrase checker',
    '/phrases/check/',
    async (page) => {
      await page.getByRole('textbox').first().fill('你听明白了没有？这个我也不知道。');
      await page.keyboard.press('Tab');
    },
  ],
  [
    'search with a query',
    '/search/?q=%E4%BF%9D%E5%AF%86',
    async (page) => {
      await expect(page.locator('.search-results li').first()).toBeVisible();
    },
  ],
  ['flow', `/flows/${flow.id}/`],
  ['exams', '/exams/'],
  ['exam gate', '/exams/certification/'],
  ['my progress', '/progress/'],
  ['dashboard', '/dashboard/'],
  ['certificate', '/certificate/'],
  [
    'quick palette',
    '/',
    async (page) => {
      await page.keyboard.press('Control+k');
      await page.keyboard.type(initialsOf(typeableScripts[0]!.title));
      await expect(page.getByRole('option').first()).toBeVisible();
    },
  ],
];

async function withPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': contentSecurityPolicy };
    await route.fulfill({ response, headers });
  });
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return violations;
}

for (const [name, path, act] of pages) {
  test(`CSP: the ${name} page runs under the strict policy without a violation`, async ({ page }) => {
    const violations = await withPolicy(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    if (act) await act(page);
    expect(violations).toEqual([]);
  });
}
