import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import type { Question } from '../../src/lib/quiz/schema.ts';
import type { Attempt } from '../../src/lib/progress/schema.ts';
import { loadSimulations } from '../../src/lib/simulation/load.ts';
import { prepareSimulation } from '../../src/lib/simulation/prepare.ts';
import { defaultPath } from '../../src/lib/simulation/public.ts';
import type { Simulation } from '../../src/lib/simulation/schema.ts';
import { isChooseTurn, isReplyTurn } from '../../src/lib/simulation/turns.ts';
import { placeholderValues } from '../../src/site.config.ts';

const content = loadContent();
/** Every real question: the tests answer as a learner who knows (or gets wrong) every rule. */
export const allQuestions: Question[] = content.banks.flatMap((b) => b.data.questions);
/** Questions that may only ever appear inside a trainer-graded exam. */
export const examPool: Question[] = allQuestions.filter((q) => q.pool === 'exam');

/** Attempts saved in this browser: one storage key per record (kb.attempt.<id>), oldest first. */
export const storedAttempts = (page: Page): Promise<Attempt[]> =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('kb.attempt.') && !k.startsWith('kb.attempt.aside.'))
      .map((k) => (JSON.parse(localStorage.getItem(k)!) as { record: Attempt }).record)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
  );

/** Opens an exam, fills the gate and starts; the first question is on screen. */
export async function startExam(page: Page, url: string, id: string, name: string, total: number) {
  await page.goto(url);
  await page.getByLabel('工号').fill(id);
  await page.getByLabel('姓名').fill(name);
  await page.getByRole('button', { name: '开始考试' }).click();
  await expect(page.locator('.qr-progress')).toHaveText(`第 1 / ${total} 题`);
}

/** From the summary: the confirm button hands the paper in. */
export async function submitFromSummary(page: Page) {
  await page.getByRole('button', { name: '确认交卷' }).click();
}

const optionText = (label: string) => label.trim().replace(/^\d+\.\s*/, '');

/** The question on screen, found by its stem and (stems repeat, e.g. 以下哪句话…) its option texts. */
async function questionOnScreen(page: Page): Promise<Question | undefined> {
  const stem = (await page.locator('.qr-stem').textContent())!.trim();
  const labels = (await page.locator('.qr-options .qr-option, .qr-options .qr-order-item').allTextContents()).map(
    optionText,
  );
  return allQuestions.find(
    (q) =>
      q.stem === stem &&
      (q.type === 'truefalse' ? labels.length === 2 : [...q.options].sort().join('|') === [...labels].sort().join('|')),
  );
}

/** Display positions (1-based) of the options as shown, mapped to source indexes by their text. */
async function shownOptions(page: Page, q: Question): Promise<number[]> {
  if (q.type === 'truefalse') return [];
  const selector = q.type === 'order' ? '.qr-order-item' : '.qr-option';
  const labels = await page.locator(`.qr-options ${selector}`).allTextContents();
  return labels.map((l) => q.options.indexOf(optionText(l)));
}

/** Answers the question on screen by keyboard, right or wrong, and moves on with Enter. */
export async function answerByKeyboard(page: Page, mode: 'right' | 'wrong'): Promise<Question> {
  const q = await questionOnScreen(page);
  expect(q, 'the question on screen is in the banks').toBeDefined();
  const shown = await shownOptions(page, q!);
  const press = async (source: number) => page.keyboard.press(String(shown.indexOf(source) + 1));
  if (q!.type === 'truefalse') {
    const value = mode === 'right' ? q!.answer : !q!.answer;
    await page.keyboard.press(value ? '1' : '2');
  } else if (q!.type === 'multiple') {
    const correct = q!.answer;
    const picks = mode === 'right' ? correct : [shown.find((s) => !correct.includes(s))!];
    for (const s of picks) await press(s);
  } else if (q!.type === 'order') {
    const correct = q!.answer;
    const picks = mode === 'right' ? correct : [...correct].reverse();
    for (const s of picks) await press(s);
  } else {
    const correct = q!.answer;
    await press(mode === 'right' ? correct : shown.find((s) => s !== correct)!);
  }
  return q!;
}

const prepared = loadSimulations('.', content).simulations.map((s) => prepareSimulation(s.data, placeholderValues));

/** How a learner answers a call: every turn well, or with the first reply turn's first known-bad reply. */
export type CallMode = 'model' | 'bad-first-reply';

/**
 * Answers the call on screen by keyboard (reply: type, Ctrl+Enter; choice: arrows, Tab, Enter) and
 * moves on with the runner's next button; `stopAfter` learner turns, it stops mid-call instead.
 * Returns the simulation answered.
 */
export async function answerCall(page: Page, mode: CallMode = 'model', stopAfter = Infinity): Promise<Simulation> {
  const stage = page.locator('.qr-practical');
  const title = (await stage.locator('.qr-call-title').textContent())!.trim();
  const sim = prepared.find((s) => s.title === title && s.pool === 'exam');
  expect(sim, `the call on screen (${title}) is an exam-pool simulation`).toBeDefined();
  let firstReply = true;
  const logged = await stage.locator('.sp-log .sp-you').count();
  const learnerTurns = defaultPath(sim!).filter((t) => isReplyTurn(t) || isChooseTurn(t));
  // A resumed call shows the answers it has; carry on from the first turn without one.
  for (const [i, turn] of learnerTurns.entries()) {
    if (i >= stopAfter) return sim!;
    if (i < logged) {
      if (isReplyTurn(turn)) firstReply = false;
      continue;
    }
    if (isReplyTurn(turn)) {
      const area = stage.locator('.sp-reply');
      await expect(area).toBeFocused();
      const text = mode === 'bad-first-reply' && firstReply ? turn.reply.bad[0]!.text : turn.reply.model.text;
      firstReply = false;
      await page.keyboard.insertText(text);
      await page.keyboard.press('Control+Enter');
    } else if (isChooseTurn(turn)) {
      await expect(stage.locator('.sp-options input').first()).toBeFocused();
      if (turn.choose.key === 0) await page.keyboard.press('Space');
      for (let i = 0; i < turn.choose.key; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
    }
  }
  const next = stage.locator('.qr-call-next');
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  return sim!;
}

/** Answers every question of the paper on screen by keyboard; Enter on the last one opens the summary. */
export async function answerAllQuestions(page: Page, mode: 'right' | 'wrong', total: number) {
  for (let i = 1; i <= total; i++) {
    await expect(page.locator('.qr-progress')).toHaveText(`第 ${i} / ${total} 题`);
    await answerByKeyboard(page, mode);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: '交卷前确认' })).toBeFocused();
}

/** The certification taken whole by keyboard: every question right, then each call as `calls` says, handed in. */
export async function takeCertification(
  page: Page,
  learner: { employeeId: string; name: string },
  calls: CallMode[],
): Promise<Simulation[]> {
  await startExam(page, '/exams/certification/', learner.employeeId, learner.name, 36);
  await answerAllQuestions(page, 'right', 36);
  await page.getByRole('button', { name: `进入实操（${calls.length} 通模拟来电）` }).click();
  const done: Simulation[] = [];
  for (const mode of calls) done.push(await answerCall(page, mode));
  await expect(page.locator('.qr-summary-counts')).toContainText(`实操已完成${calls.length} / ${calls.length} 通`);
  await submitFromSummary(page);
  await expect(page.locator('.qr-result').getByRole('heading', { name: '已交卷' })).toBeVisible();
  return done;
}

/** 我的进度's JSON export (the file a learner hands to the trainer), as text. */
export async function exportProgress(page: Page): Promise<string> {
  await page.goto('/progress/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 JSON（交给培训专员）' }).click();
  return readFile(await (await download).path(), 'utf8');
}
