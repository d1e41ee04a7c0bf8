// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { headingIdsPlugin } from './src/lib/content/heading-ids-plugin.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // A strict CSP (style-src 'self') blocks inlined <style>: every stylesheet is a file.
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // Chinese headings get ASCII pinyin anchors so links and quiz references stay stable URLs.
    processor: satteri({ hastPlugins: [headingIdsPlugin] }),
  },
  integrations: [mdx()],
});
