import { afterEach, describe, expect, it, vi } from 'vitest';

describe('site URL', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('comes from the build (astro.config.mjs `site`, i.e. SITE_URL) when there is one', async () => {
    vi.stubEnv('SITE', 'https://kb.example.cn/');
    vi.resetModules();
    const { site } = await import('../../src/site.config.ts');
    expect(site.url).toBe('https://kb.example.cn');
  });

  it('falls back to configuredUrl in site.config.ts', async () => {
    vi.stubEnv('SITE', '');
    vi.resetModules();
    const { site, configuredUrl } = await import('../../src/site.config.ts');
    expect(site.url).toBe(configuredUrl.replace(/\/+$/, ''));
  });
});
