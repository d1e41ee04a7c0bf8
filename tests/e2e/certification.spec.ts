import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { defaultPath } from '../../src/lib/simulation/public.ts';
import { isChooseTurn, isReplyTurn } from '../../src/lib/simulation/turns.ts';
import { dropInput, json, kitFile } from './kit-file.ts';
import {
  answerAllQuestions,
  answerCall,
  exportProgress,
  startExam,
  storedAttempts,
  submitFromSummary,
} from './quiz-helpers.ts';

/** The certification is 理论 + 实操: the question paper, then calls answered in the learner's own words. */

const axe = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);

test('questions, then three calls by keyboard; a reload continues the call; every reply is kept for the trainer', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await startExam(page, '/exams/certification/', 'E5005', '钱七', 36);
  await answerAllQuestions(page, 'right', 36);
  // The summary leads into 实操 and says the questions close then.
  await expect(page.locator('.qr-summary-lock')).toBeVisible();
  await page.getByRole('button', { name: '进入实操（3 通模拟来电）' }).click();
  const stage = page.locator('.qr-practical');
  await expect(stage.locator('.qr-call-progress')).toHaveText('实操 第 1 通 / 共 3 通');
  await expect(stage.locator('.qr-timer')).toContainText('剩余时间');
  expect(await axe(page)).toEqual([]);

  // One answer, then a reload: the call continues from the next turn with the answer kept, no feedback shown.
  const first = await answerCall(page, 'model', 1);
  await page.reload();
  await expect(stage.locator('.qr-call-progress')).toHaveText('实操 第 1 通 / 共 3 通');
  await expect(stage.locator('.qr-call-notice')).toContainText('已恢复上次的作答');
  await expect(stage.locator('.sp-log .sp-you')).toHaveCount(1);
  const calls = [await answerCall(page, 'model')];
  expect(calls[0]!.id).toBe(first.id);
  await expect(stage.locator('.sp-feedback')).toBeHidden();
  calls.push(await answerCall(page, 'model'), await answerCall(page, 'model'));

  // The summary now only hands in: the questions are closed.
  await expect(page.locator('.qr-summary-counts')).toContainText('实操已完成3 / 3 通');
  await expect(page.getByRole('button', { name: '返回检查' })).toBeHidden();
  await submitFromSummary(page);
  const receipt = page.locator('.qr-result');
  await expect(receipt).toContainText('待评分');
  await expect(receipt.locator('.qr-receipt')).toContainText('实操已完成3 / 3 通');
  expect(await axe(page)).toEqual([]);

  const [attempt] = await storedAttempts(page);
  if (!attempt) throw new Error('no attempt stored');
  expect(attempt).toMatchObject({ examId: 'certification', status: 'submitted' });
  expect(attempt).not.toHaveProperty('score');
  expect(calls.map((c) => c.topic)).toEqual(expect.arrayContaining(['complaints', 'confidentiality']));
  expect(attempt.simulations.map((r) => r.simulationId)).toEqual(calls.map((c) => c.id));
  for (const [i, sim] of calls.entries()) {
    const turns = defaultPath(sim).filter((t) => isReplyTurn(t) || isChooseTurn(t));
    const record = attempt.simulations[i]!;
    expect(record.turns.map((t) => t.turnId)).toEqual(turns.map((t) => t.id));
    const firstReply = turns.find(isReplyTurn)!;
    if (turns[0] === firstReply) expect(record.turns[0]!.reply).toBe(firstReply.reply.model.text);
  }
});

test('the certification cannot be passed on the question paper alone', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+08:00') });
  await startExam(page, '/exams/certification/', 'E6006', '孙八', 36);
  await answerAllQuestions(page, 'right', 36);
  await page.getByRole('button', { name: '进入实操（3 通模拟来电）' }).click();
  await expect(page.locator('.qr-call-progress')).toHaveText('实操 第 1 通 / 共 3 通');
  // Every question right, not one call answered: the time runs out and the paper is handed in as it is.
  await page.clock.fastForward('01:01:00');
  await expect(page.locator('.qr-timeup')).toBeVisible();
  await expect(page.locator('.qr-receipt')).toContainText('实操已完成0 / 3 通');
  const file = await exportProgress(page);

  await page.goto('/dashboard/');
  const { text: kitText } = await kitFile();
  await dropInput(page).setInputFiles([json('trainer-kit.json', kitText), json('progress-E6006.json', file)]);
  const row = page.locator('.db-roster tbody tr').filter({ hasText: 'E6006' });
  await expect(row).toHaveCount(1);
  // 理论 full marks, 实操 none of three: not certified, in the roster and the CSV.
  await expect(row.locator('td').nth(3)).toHaveText('100');
  await expect(row.locator('td').nth(4)).toHaveText('0/3');
  await expect(row.locator('td').nth(2)).not.toHaveText('通过');
  await expect(page.locator('.db-sim').filter({ hasText: 'E6006' })).toHaveCount(3);
  await expect(page.locator('.db-sim').filter({ hasText: 'E6006' }).first()).toContainText('没有作答记录');
});
