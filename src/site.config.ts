/** Brand and locale settings: the only place a company or hotline name may appear. */
export const site = {
  url: 'http://localhost:4321',
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
