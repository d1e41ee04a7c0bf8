import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Chromium to drive: CHROMIUM_PATH, then Debian's binary, then Playwright's own download. */
export function findChromium(): string {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    // The /usr/bin/chromium wrapper adds flags and prints errors here; the real binary is quieter.
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    safePlaywrightPath(),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      '找不到 Chromium 浏览器：请运行 `sudo apt-get install -y chromium fonts-noto-cjk`，或设置 CHROMIUM_PATH 指向 Chromium 可执行文件。',
    );
  }
  return found;
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
