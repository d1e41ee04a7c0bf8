import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { changeNotices } from '../lib/policies/catalog.ts';
import { site } from '../site.config.ts';
import { t } from '../i18n/ui.ts';

export async function GET(context: APIContext) {
  const notices = changeNotices(await getCollection('policies'));
  return rss({
    title: `${site.siteName} · ${t('updates.rssTitle')}`,
    description: t('updates.intro'),
    // astro.config.mjs's `site`: SITE_URL at build, else site.config.ts.
    site: context.site ?? site.url,
    customData: `<language>${site.locale}</language>`,
    // Links are written complete (pages end in /, diffs in #what-changed): no slash appended after a fragment.
    trailingSlash: false,
    items: notices.map((n) => ({
      title: `${n.title} v${n.version}`,
      // The current version links to its word-level diff on the policy page.
      link: n.current && n.hasPrevious ? `/policies/${n.policyId}/#what-changed` : `/policies/${n.policyId}/`,
      pubDate: n.date,
      description: n.summary,
      categories: [n.category],
      // Same link for every version of a policy, so the guid carries the version to keep items distinct.
      customData: `<guid isPermaLink="false">${n.policyId}@${n.version}</guid>`,
    })),
  });
}
