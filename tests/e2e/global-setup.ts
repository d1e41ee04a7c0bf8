import { chromium } from '@playwright/test';
import { findChromium } from './browser.ts';

/** Logs which browser ran the tests: apt upgrades move it. */
export default async function globalSetup(): Promise<void> {
  const executablePath = findChromium();
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking'] });
  console.log(`e2e browser: Chromium ${browser.version()} (${executablePath})`);
  await browser.close();
}
