import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';

// A page of each type, chosen from the content: the longest policy (most markup), the flow with most steps.
const content = loadContent();
const policy = content.policies.reduce((a, b) => (b.body.length > a.body.length ? b : a));
const flow = content.flows.reduce((a, b) => (b.data.steps.length > a.data.steps.length ? b : a));
const script = content.scripts[0]!;

const pages: [string, string][] = [
  ['home', '/'],
  ['policy index', '/policies/'],
  ['category', `/categories/${policy.data.category}/`],
  ['policy', `/policies/${policy.id}/`],
  ['what is new', '/updates/'],
  ['search with results', '/search/?q=%E4%BF%9D%E5%AF%86'],
  ['not found', '/404.html'],
  ['scripts', '/scripts/'],
  ['script', `/scripts/${script.id}/`],
  ['forbidden phrases', '/phrases/'],
  ['phrase checker', '/phrases/check/'],
  ['exams and practice', '/exams/'],
  ['flows', '/flows/'],
  ['my progress', '/progress/'],
  ['certificate (none yet)', '/certificate/'],
  ['trainer dashboard (empty)', '/dashboard/'],
  ['verify', '/verify/'],
  ['flow', `/flows/${flow.id}/`],
  ['exam gate', '/exams/certification/'],
];

for (const [name, path] of pages) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: ${name} page (${scheme}) has no violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      if (path.startsWith('/search/')) await expect(page.locator('.search-results li').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
    });
  }
}
