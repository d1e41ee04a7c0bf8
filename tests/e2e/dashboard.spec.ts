import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { exportText, makeAttempt } from '../fixtures/progress-files.ts';

const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const filesInput = (page: Page) => page.getByLabel('选择或拖入进度文件（JSON，可多选）');

/** Every request the page makes after it loaded: the dashboard must make none with learner data. */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(`${r.method()} ${new URL(r.url()).pathname}`));
  return seen;
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
});

test('several exports: roster, an edited file flagged side by side, a malformed one listed, nothing sent', async ({
  page,
}) => {
  await page.goto('/dashboard/');
  await page.waitForLoadState('networkidle');
  const requests = recordRequests(page);
  const zhang = { employeeId: 'E1', name: '张三' };
  const li = { employeeId: 'E2', name: '李四' };
  const wang = { employeeId: 'E3', name: '王五' };
  // Sealed exams are graded with the trainer kit; an instant exam is still re-scored right here.
  const edited = JSON.parse(exportText(wang, [makeAttempt(wang, 'mock-certification', 'w1', 20)]));
  edited.attempts[0].score = 36;
  edited.attempts[0].percent = 100;
  edited.attempts[0].passed = true;
  await filesInput(page).setInputFiles([
    json(
      'zhang.json',
      exportText(
        zhang,
        [makeAttempt(zhang, 'certification', 'z1', 36), makeAttempt(zhang, '2026-11', 'z2', 24)],
        [{ policyId: 'confidentiality', version: '1.1', at: '2026-11-21T08:00:00.000Z' }],
      ),
    ),
    json('li.json', exportText(li, [makeAttempt(li, '2026-11', 'l1', 10)])),
    json('wang-edited.json', JSON.stringify(edited)),
    json('broken.json', '{"schemaVersion": 1, "learner": '),
  ]);
  await expect(page.locator('.db-status')).toContainText('已读取 4 个文件：3 名员工，1 个文件被跳过');
  await expect(page.locator('.db-rejected')).toContainText('broken.json：不是有效的 JSON');

  const flag = page.locator('.db-flags tr.db-flag-score');
  await expect(flag).toContainText('wang-edited.json');
  await expect(flag.locator('td').nth(3)).toHaveText('36（通过）');
  await expect(flag.locator('td').nth(4)).toHaveText('20（未通过）');
  await expect(page.locator('.db-flags tr.db-flag-checksum')).toContainText('被改动过');

  const rows = page.locator('.db-roster tbody tr');
  await expect(rows).toHaveCount(3);
  const zhangRow = rows.filter({ hasText: 'E1' });
  await expect(zhangRow.locator('td').nth(2)).toContainText('2026-11-20');
  await expect(zhangRow.locator('td').nth(4)).toHaveText('100');
  await expect(zhangRow.locator('td').nth(5)).toHaveText('+5');
  await expect(rows.filter({ hasText: 'E2' }).locator('td').nth(5)).toHaveText('−10');
  await expect(rows.filter({ hasText: 'E2' }).locator('td').nth(6)).toContainText('保密制度');
  // The edited file does not make 王五 certified: the roster trusts the re-score.
  await expect(rows.filter({ hasText: 'E3' }).locator('td').nth(2)).toHaveText('—');

  // Sorting and filtering.
  await page.getByRole('button', { name: '姓名' }).click();
  await page.getByRole('button', { name: '姓名' }).click();
  await expect(page.locator('.db-roster th[data-key=name]')).toHaveAttribute('aria-sort', 'descending');
  await page.getByLabel('筛选（工号或姓名）').fill('李');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('筛选（工号或姓名）').fill('');

  // Item analysis with policy links.
  await expect(page.locator('.db-topic-chart svg rect')).toHaveCount(9);
  const missed = page.locator('.db-missed tbody tr');
  await expect(missed).toHaveCount(10);
  await expect(missed.first().getByRole('link')).toHaveAttribute('href', /^\/policies\/[a-z-]+\/#/);

  // Certificate verification.
  const code = (await zhangRow.locator('td').nth(2).textContent())!.match(/[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/)![0];
  await page.getByLabel('输入证书上的核验码').fill(code);
  await page.getByRole('button', { name: '核验证书' }).click();
  await expect(page.locator('.db-verify-result')).toContainText('核验通过：张三（E1）');

  // CSV exports.
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出名单 CSV' }).click();
  const roster = await readFile((await (await pending).path())!, 'utf8');
  const table = Papa.parse<string[]>(roster.slice(1), { skipEmptyLines: true }).data;
  expect(roster.startsWith('\ufeff')).toBe(true);
  expect(table[0]![0]).toBe('工号');
  expect(table).toHaveLength(4);

  expect(requests.filter((r) => !r.endsWith('/quick-index.json'))).toEqual([]);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('hostile input: markup stays text, formula prefixes are escaped in CSV, odd files are accounted for', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto('/dashboard/');
  const names = [
    '<script>window.__x=1</script>',
    '<img src=x onerror="window.__x=2">',
    '=HYPERLINK("http://evil","x")',
    '+1+1',
    '-2',
    '@SUM(A1)',
    '\tTAB',
    '\rCR',
  ];
  const files = names.map((name, i) => {
    const learner = { employeeId: `H${i}`, name };
    return json(`hostile-${i}.json`, exportText(learner, [makeAttempt(learner, 'certification', `h${i}`, 30)]));
  });
  const v2 = JSON.parse(files[0]!.buffer.toString());
  v2.schemaVersion = 2;
  await filesInput(page).setInputFiles([
    ...files,
    json('dup.json', files[0]!.buffer.toString()),
    json('v2.json', JSON.stringify(v2)),
    json('array.json', '[]'),
    { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(20 * 1024 * 1024, 32) },
  ]);
  await expect(page.locator('.db-status')).toContainText('已读取 12 个文件：8 名员工，3 个文件被跳过');
  await expect(page.locator('.db-rejected')).toContainText('v2.json：不支持的 schemaVersion：2');
  await expect(page.locator('.db-rejected')).toContainText('huge.json：文件过大（20.0 MB');
  await expect(page.locator('.db-flags')).toContainText('已合并');
  await expect(page.locator('.db-roster tbody')).toContainText('<script>window.__x=1</script>');
  await expect(page.locator('.db-roster tbody img, .db-roster tbody script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __x?: number }).__x)).toBeUndefined();

  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出名单 CSV' }).click();
  const csv = await readFile((await (await pending).path())!, 'utf8');
  const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true })
    .data.slice(1)
    .map((r) => r[1]!);
  for (const cell of cells.filter((c) => /^'?[=+\-@\t\r]/.test(c)))
    expect(cell.startsWith("'"), JSON.stringify(cell)).toBe(true);
  expect(cells.filter((c) => c.startsWith("'"))).toHaveLength(6);
  expect(errors).toEqual([]);
});

test('500 files load and every one is accounted for', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/dashboard/');
  const files = Array.from({ length: 500 }, (_, i) => {
    const learner = { employeeId: `B${String(i).padStart(3, '0')}`, name: `员工${i}` };
    return json(`b${i}.json`, exportText(learner, [makeAttempt(learner, 'certification', `b${i}`, 20 + (i % 17))]));
  });
  await filesInput(page).setInputFiles(files);
  await expect(page.locator('.db-status')).toContainText('已读取 500 个文件：500 名员工，0 个文件被跳过', {
    timeout: 60_000,
  });
  await expect(page.locator('.db-roster tbody tr')).toHaveCount(500);
});
