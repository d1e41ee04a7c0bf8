// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { headingIdsPlugin } from './src/lib/content/heading-ids-plugin.ts';
import { configuredUrl } from './src/site.config.ts';

// The published address: SITE_URL at build time, else src/site.config.ts (README: 发布).
const siteUrl = (process.env['SITE_URL'] || configuredUrl).replace(/\/+$/, '');

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  // A strict CSP (style-src 'self') blocks inlined <style>: every stylesheet is a file.
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // Chinese headings get ASCII pinyin anchors so links and quiz references stay stable URLs.
    processor: satteri({ hastPlugins: [headingIdsPlugin] }),
  },
  integrations: [
    mdx(),
    {
      name: 'site-url-warning',
      hooks: {
        'astro:build:start': ({ logger }) => {
          if (/^https?:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(siteUrl)) {
            logger.warn(
              `网站地址仍是 ${siteUrl}：RSS、xAPI 和规范链接会指向本机。发布前请在 src/site.config.ts 设置 configuredUrl，或构建时设置 SITE_URL=https://你的域名。`,
            );
          }
        },
      },
    },
  ],
});
