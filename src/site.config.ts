/**
 * The published address of the site: set it here, or with the SITE_URL variable when building
 * (`SITE_URL=https://kb.example.cn npm run build`). RSS links, xAPI ids and the actor homePage, and
 * canonical links use it; the build warns while it is still localhost.
 */
export const configuredUrl = 'http://localhost:4321';

/**
 * Inside the Astro build (pages and browser bundles alike) Vite replaces import.meta.env.SITE with
 * astro.config.mjs's `site` (SITE_URL or configuredUrl); plain Node tools fall back to configuredUrl.
 * No process.env here: this module is bundled into browser code.
 */
// `?.`: in plain Node (tools/) import.meta.env does not exist.
const builtUrl: string | undefined = import.meta.env?.SITE;

/** Brand and locale settings: the only place a company or hotline name may appear. */
export const site = {
  url: (builtUrl || configuredUrl).replace(/\/+$/, ''),
  company: '和信科技',
  center: '和信客户服务中心',
  siteName: '和信客服知识库',
  hotline: '和信服务热线',
  hotlineNumber: '400-000-0000',
  /** Shown where a script says the agent's own staff number. */
  agentNo: '××',
  locale: 'zh-CN',
  /** The center's time zone: every date a person sees or a spreadsheet reads is in it. */
  timeZone: 'Asia/Shanghai',
} as const;

export type SiteConfig = typeof site;

/** Values for `{placeholder}` slots in scripts. */
export const placeholderValues = {
  company: site.company,
  center: site.center,
  hotline: site.hotline,
  hotlineNumber: site.hotlineNumber,
  agentNo: site.agentNo,
};
