import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { loadContent } from '../../src/lib/content/load-content.ts';
import type { Question } from '../../src/lib/quiz/schema.ts';

const content = loadContent();
/** Every real question: the tests answer as a learner who knows (or gets wrong) every rule. */
export const allQuestions: Question[] = content.banks.flatMap((b) => b.data.questions);
/** Questions that may only ever appear inside a trainer-graded exam. */
export const examPool: Question[] = allQuestions.filter((q) => q.pool === 'exam');

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
    const correct = q!.answer as number[];
    const picks = mode === 'right' ? correct : [shown.find((s) => !correct.includes(s))!];
    for (const s of picks) await press(s);
  } else if (q!.type === 'order') {
    const correct = q!.answer as number[];
    const picks = mode === 'right' ? correct : [...correct].reverse();
    for (const s of picks) await press(s);
  } else {
    const correct = q!.answer as number;
    await press(mode === 'right' ? correct : shown.find((s) => s !== correct)!);
  }
  return q!;
}
