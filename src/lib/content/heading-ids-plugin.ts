import type { HastPluginEntry } from 'satteri';
import { createHeadingSlugger } from './heading-slug.ts';

/** Sätteri hast plugin: gives h2–h6 pinyin ids before Astro's own heading-ids pass (which keeps existing ids). */
export const headingIdsPlugin: HastPluginEntry = () => {
  const slug = createHeadingSlugger();
  return {
    name: 'pinyin-heading-ids',
    element: {
      filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        if (typeof node.properties?.['id'] === 'string') return;
        ctx.setProperty(node, 'id', slug(ctx.textContent(node)));
      },
    },
  };
};
