import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parseTrainerKit } from '../../src/lib/grading/kit.ts';
import { KIT_PATH } from '../../tools/trainer-kit-files.ts';

const TEST_KEY_PATH = 'tests/fixtures/keys/test-signing-key.json';

export const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
export const dropInput = (page: Page) => page.getByLabel('选择或拖入评分包和进度文件（JSON，可多选）');

/**
 * The build's own trainer kit; without a center key on this machine it carries the test suite's
 * signing key, whose public half `npm run test:e2e` builds in.
 */
export async function kitFile() {
  const parsed = parseTrainerKit(await readFile(KIT_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(`${KIT_PATH}：${parsed.reason}`);
  const signingKey =
    parsed.kit.signingKey ?? (JSON.parse(await readFile(TEST_KEY_PATH, 'utf8')) as typeof parsed.kit.signingKey);
  const kit = { ...parsed.kit, signingKey };
  return { text: JSON.stringify(kit), kit };
}
