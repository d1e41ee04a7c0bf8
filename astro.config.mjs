// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { headingIdsPlugin } from './src/lib/content/heading-ids-plugin.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Chinese headings get ASCII pinyin anchors so links and quiz references stay stable URLs.
    processor: satteri({ hastPlugins: [headingIdsPlugin] }),
  },
  integrations: [mdx()],
});
