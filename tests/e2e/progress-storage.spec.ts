import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { exportText, makeAttempt } from '../fixtures/progress-files.ts';
import { v1Acks, v1Attempt, v1BadAck, v1BadAttempt } from '../fixtures/progress-v1.ts';

const learner = { employeeId: 'E5001', name: '钱七' };
/** The policy these tests acknowledge, with its versions as the content has them today (newest first). */
const policy = parseYaml(readFileSync('content/policies/confidentiality.mdx', 'utf8').split('---')[1]!) as {
  version: string;
  changes: { version: string }[];
};
const oldest = String(policy.changes.at(-1)!.version);
/** 07:30 on 24 November in the center (Asia/Shanghai) is 23:30 on the 23rd in UTC. */
const lateUtc = '2026-11-23T23:30:00.000Z';

async function seed(page: Page, items: Record<string, unknown>) {
  await page.goto('/404.html');
  await page.evaluate((entries) => {
    for (const [k, v] of Object.entries(entries))
      localStorage.setItem(k, typeof v === 'string' ? v : JSON.stringify(v));
  }, items);
}

async function importFile(page: Page, name: string, text: string) {
  await page
    .getByLabel('选择之前导出的 JSON 文件')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`,
  );

for (const timezoneId of ['UTC', 'Asia/Shanghai']) {
  test.describe(`browser time zone ${timezoneId}`, () => {
    test.use({ timezoneId });

    test('a pass at 07:30 on 24 November (center time) shows as 24 November everywhere', async ({ page }) => {
      // Stored by the first release: UTC times in its list format.
      await seed(page, {
        'kb.learner.v1': learner,
        'kb.attempts.v1': [{ ...v1Attempt, learner, startedAt: '2026-11-23T23:05:00.000Z', finishedAt: lateUtc }],
        'kb.acknowledgments.v1': [{ policyId: 'confidentiality', version: policy.version, at: lateUtc }],
      });
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
      await page.goto('/progress/');
      await expect(page.locator('.mp-attempts tbody tr td').nth(1)).toHaveText('2026-11-24 07:30');
      await expect(page.locator('.mp-cert')).toContainText('2026-11-24');
      await expect(page.locator('.mp-acks li')).toContainText('2026-11-24 07:30');
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.mp-attempts tbody tr td').nth(1)).toBeVisible();
      await expect(page.locator('.mp-attempts tbody tr td').nth(1)).toHaveText('2026-11-24 07:30');
      await page.emulateMedia({ media: 'screen' });

      const pending = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 CSV（Excel）' }).click();
      const csv = await readFile(await (await pending).path(), 'utf8');
      expect(csv).toContain(',2026-11-24 07:05:00,2026-11-24 07:30:00,');

      await page.goto('/policies/confidentiality/');
      await page.locator('policy-ack').scrollIntoViewIfNeeded();
      await expect(page.locator('policy-ack .ack-status')).toHaveText(
        `已确认阅读 ${policy.version} 版（2026年11月24日）`,
      );
    });
  });
}

test('a set-aside record is listed with its reason and restored; a bad record never hides the others', async ({
  page,
}) => {
  const good = { ...v1Attempt, learner };
  await seed(page, {
    'kb.learner.v1': learner,
    // What the first release did with one bad attempt: the whole list set aside.
    'kb.attempts.v1.corrupt.1763900000000': [good, { ...v1BadAttempt, learner }],
    // And a live list with one malformed acknowledgment among good ones.
    'kb.acknowledgments.v1': [...v1Acks, v1BadAck],
  });
  await page.goto('/progress/');
  await expect(page.locator('.mp-acks li')).toHaveCount(3);
  const aside = page.locator('.mp-aside li');
  await expect(aside).toHaveCount(2);
  await expect(aside.filter({ hasText: /阅读记录格式不对（.*version/ })).toHaveCount(1);
  await expect(aside.filter({ hasText: '整份列表曾被旧版本另存' })).toHaveCount(1);
  await expect(page.locator('.mp-no-attempts')).toBeVisible();
  await expect(page.locator('.mp-attempts')).toBeHidden();
  expect(await axe(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await aside.filter({ hasText: '整份列表' }).getByRole('button', { name: '下载' }).click();
  const saved: unknown = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  expect(saved).toHaveLength(2);

  await aside.filter({ hasText: '整份列表' }).getByRole('button', { name: '恢复' }).click();
  await expect(page.locator('.mp-status')).toHaveText('已恢复 1 条记录。');
  await expect(page.locator('.mp-attempts tbody tr')).toHaveCount(1);
  await expect(page.locator('.mp-attempts tbody tr td').nth(2)).toHaveText('31 / 36（86.11）');
  await expect(page.locator('.mp-cert')).toContainText('已通过最低技能认证');
  // The bad attempt of that list stays aside alone, with its own reason; restoring it says why not.
  const bad = aside.filter({ hasText: '考试记录格式不对' });
  await expect(bad).toHaveCount(1);
  await bad.getByRole('button', { name: '恢复' }).click();
  await expect(page.locator('.mp-status')).toContainText('仍无法恢复：考试记录格式不对');
  await page.reload();
  await expect(page.locator('.mp-attempts tbody tr')).toHaveCount(1);
  await expect(page.locator('.mp-aside li')).toHaveCount(2);
});

test('a full storage quota plus import: nothing lost, nothing half-written, and the message says so', async ({
  page,
}) => {
  await seed(page, { 'kb.learner.v1': learner, 'kb.acknowledgments.v1': [...v1Acks, v1BadAck] });
  await page.goto('/progress/');
  await expect(page.locator('.mp-acks li')).toHaveCount(3);
  await page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 8; size >>= 1) {
      try {
        for (;;) localStorage.setItem(`filler.${i++}`, 'x'.repeat(size));
      } catch {
        // full at this size: try a smaller piece
      }
    }
  });
  const file = exportText(
    learner,
    [makeAttempt(learner, 'certification', 'q1', 36), makeAttempt(learner, 'certification', 'q2', 20)],
    [v1Acks[0]!, { policyId: 'service-language', version: '1.1', at: '2026-11-24T08:00:00.000+08:00' }],
  );
  await importFile(page, 'mine.json', file);
  await expect(page.locator('.mp-status')).toHaveText(
    'mine.json 没有导入，什么都没有保存：浏览器存储空间已满。文件中的 2 条新考试记录、1 条新阅读确认都未写入；本机原有的 0 条考试记录、3 条阅读确认保持不变。请清理浏览器存储空间后重试。',
  );
  await page.reload();
  await expect(page.locator('.mp-acks li')).toHaveCount(3);
  await expect(page.locator('.mp-aside li')).toHaveCount(1);
  await expect(page.locator('.mp-no-attempts')).toBeVisible();

  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k);
  });
  await importFile(page, 'mine.json', file);
  await expect(page.locator('.mp-status')).toContainText('已从 mine.json 恢复并保存：新增 2 条考试记录、1 条阅读确认');
  await expect(page.locator('.mp-acks li')).toHaveCount(4);
  await expect(page.locator('.mp-attempts tbody tr')).toHaveCount(2);
  await expect(page.locator('.mp-aside li')).toHaveCount(1);
});

test('two tabs writing at once lose none of each other’s records, and each tab shows the other’s', async ({
  context,
}) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await seed(a, { 'kb.learner.v1': learner });
  await Promise.all([a.goto('/progress/'), b.goto('/progress/')]);
  const files = (tab: string) =>
    Array.from({ length: 4 }, (_, f) =>
      exportText(
        learner,
        Array.from({ length: 15 }, (_, i) =>
          makeAttempt(learner, 'certification', `${tab}${f}x${i}`, i, `2026-11-2${f}T0${i % 10}:00:00.000Z`),
        ),
      ),
    );
  const run = async (page: Page, tab: string) => {
    for (const [i, text] of files(tab).entries()) {
      await importFile(page, `${tab}-${i}.json`, text);
      await expect(page.locator('.mp-status')).toContainText(`${tab}-${i}.json`);
    }
  };
  await Promise.all([run(a, 'a'), run(b, 'b')]);
  const stored = await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kb.attempt.')).length);
  expect(stored).toBe(120);
  // Without reloading, each tab lists the other tab's records too (the storage event).
  await expect(a.locator('.mp-attempts tbody tr')).toHaveCount(120);
  await expect(b.locator('.mp-attempts tbody tr')).toHaveCount(120);
});

test('study path: the new-hire card links practice, certification and progress, and ticks what is done', async ({
  page,
}) => {
  await page.goto('/');
  const card = page.locator('study-path');
  await expect(card.getByRole('link', { name: '参加最低技能认证' })).toHaveAttribute('href', '/exams/certification/');
  await expect(card.getByRole('link', { name: '查看我的进度与证书' })).toHaveAttribute('href', '/progress/');
  const topic = card.locator('li[data-topic]').first();
  const topicId = (await topic.getAttribute('data-topic'))!;
  await expect(topic.getByRole('link')).toHaveAttribute('href', `/practice/${topicId}/`);
  await expect(card.locator('.sp-count')).toContainText('已完成 0 /');
  await expect(topic.locator('.sp-todo')).toBeVisible();

  const policy = card.locator('li[data-policy-id=confidentiality]');
  const version = (await policy.getAttribute('data-version'))!;
  await page.evaluate(
    ([t, v]) => {
      localStorage.setItem(
        `kb.practice.${t}`,
        JSON.stringify({
          format: 2,
          record: { topic: t, rounds: 1, right: 8, total: 10, at: '2026-11-24T07:30:00+08:00' },
        }),
      );
      localStorage.setItem(
        `kb.ack.confidentiality@${v}`,
        JSON.stringify({
          format: 2,
          record: { policyId: 'confidentiality', version: v, at: '2026-11-24T07:30:00+08:00' },
        }),
      );
    },
    [topicId, version],
  );
  await page.reload();
  await expect(topic.locator('.sp-done')).toBeVisible();
  await expect(topic.locator('.sp-todo')).toBeHidden();
  await expect(policy.locator('.sp-done')).toBeVisible();
  await expect(policy.locator('.sp-todo')).toBeHidden();
  await expect(card.locator('li[data-topic]').nth(1).locator('.sp-done')).toBeHidden();
  await expect(card.locator('.sp-count')).toContainText('已完成 2 /');
  expect(await axe(page)).toEqual([]);
});

test('a policy page links its practice topic and tells a returning reader what changed since their version', async ({
  page,
}) => {
  await seed(page, { 'kb.acknowledgments.v1': [{ policyId: 'confidentiality', version: oldest, at: lateUtc }] });
  await page.goto('/policies/confidentiality/');
  await expect(page.locator('.practice-links a').first()).toHaveAttribute('href', /^\/practice\/[a-z0-9-]+\/$/);
  await page.locator('policy-ack').scrollIntoViewIfNeeded();
  await expect(page.locator('policy-ack .ack-status')).toContainText(`你上次确认的是 ${oldest} 版`);
  const changes = page.locator('policy-ack .ack-changes');
  await expect(changes).toBeVisible();
  // Every change after the acknowledged version, newest first.
  await expect(changes.locator('li:visible')).toHaveCount(policy.changes.length - 1);
  await expect(changes.locator('li:visible').first()).toContainText(`v${policy.version}`);
  await page.getByRole('button', { name: '我已阅读并理解此版本' }).click();
  await expect(changes).toBeHidden();
});
