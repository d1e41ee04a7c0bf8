import type { CategoryId, RoleId, StageId } from '../lib/content/schema.ts';

/** Every string a person sees. zh-CN is the site language; en is kept complete for translators. */
const zhCN = {
  'skip.toMain': '跳到正文',
  'nav.home': '首页',
  'nav.policies': '制度',
  'nav.updates': '最新通告',
  'nav.search': '搜索',
  'nav.main': '主导航',
  'search.label': '搜索知识库',
  'search.header': '站内搜索',
  'search.placeholder': '输入关键词，如 首问负责、保密、换班',
  'search.submit': '搜索',
  'search.title': '全文搜索',
  'search.filter': '内容类型',
  'search.filter.all': '全部',
  'search.filter.category': '制度分类',
  'search.resultsCount': '找到 {n} 条结果',
  'search.noResults': '没有找到与“{q}”相关的内容，试试更短的词。',
  'search.loading': '正在搜索…',
  'search.error': '搜索索引加载失败，请刷新页面后重试。',
  'search.needsJs': '搜索需要启用 JavaScript。也可以从制度目录逐页浏览。',
  'type.policy': '制度',
  'home.title': '首页',
  'home.intro': '制度、话术、流程与考试，都在这里。按你的角色从下面开始。',
  'home.mustRead': '必读更新',
  'home.mustRead.intro': '以下制度有新版本，请阅读后在页面底部点“我已阅读”。',
  'home.mustRead.none': '所有必读制度都已确认阅读。',
  'home.roles': '按角色开始',
  'home.role.newHire': '新员工',
  'home.role.newHire.text': '上岗前先学完这些制度，再通过最低技能认证。',
  'home.role.agent': '业务代表',
  'home.role.agent.text': '通话中最常用的规范：用语、忌语、投诉与咨询处理。',
  'home.role.trainer': '培训与班组长',
  'home.role.trainer.text': '考核、质检、培训与报表制度；修改制度的方法见项目说明。',
  'home.categories': '制度分类',
  'home.latest': '最近更新',
  'policy.version': '版本',
  'policy.effective': '生效日期',
  'policy.updated': '更新日期',
  'policy.audience': '适用对象',
  'policy.toc': '本页目录',
  'policy.changes': '修订记录',
  'policy.prev': '上一篇',
  'policy.next': '下一篇',
  'policy.mustRead': '必读',
  'policy.ack.button': '我已阅读并理解此版本',
  'policy.ack.done': '已确认阅读 {version} 版（{date}）',
  'policy.ack.saved': '已记录：你已阅读本制度 {version} 版。',
  'policy.ack.failed': '无法保存阅读记录：浏览器存储不可用或已满。',
  'policy.ack.old': '你上次确认的是 {version} 版，本制度已更新，请重新阅读。',
  'policies.title': '制度目录',
  'policies.intro': '客服中心全部制度，按分类排列。',
  'policies.count': '{n} 份制度',
  'updates.title': '最新通告',
  'updates.intro': '制度的每一次修订，按时间从新到旧排列。',
  'updates.rss': '订阅 RSS',
  'updates.rssTitle': '制度修订通告',
  'footer.text': '内部培训与知识库，仅限本中心员工使用。',
  'theme.note': '跟随系统深色模式',
  'date.format': '{y}年{m}月{d}日',
} as const;

export type UiKey = keyof typeof zhCN;

const en: Record<UiKey, string> = {
  'skip.toMain': 'Skip to content',
  'nav.home': 'Home',
  'nav.policies': 'Policies',
  'nav.updates': "What's new",
  'nav.search': 'Search',
  'nav.main': 'Main navigation',
  'search.label': 'Search the knowledge base',
  'search.header': 'Site search',
  'search.placeholder': 'Type a keyword',
  'search.submit': 'Search',
  'search.title': 'Full-text search',
  'search.filter': 'Content type',
  'search.filter.all': 'All',
  'search.filter.category': 'Policy category',
  'search.resultsCount': '{n} results',
  'search.noResults': 'Nothing found for “{q}”. Try a shorter word.',
  'search.loading': 'Searching…',
  'search.error': 'The search index failed to load. Reload the page and try again.',
  'search.needsJs': 'Search needs JavaScript. You can also browse the policy index.',
  'type.policy': 'Policy',
  'home.title': 'Home',
  'home.intro': 'Policies, scripts, procedures and exams. Start from your role below.',
  'home.mustRead': 'Must-read updates',
  'home.mustRead.intro': 'These policies have a new version. Read them and press “I have read this”.',
  'home.mustRead.none': 'Every must-read policy is acknowledged.',
  'home.roles': 'Start by role',
  'home.role.newHire': 'New hire',
  'home.role.newHire.text': 'Learn these before your first shift, then pass the certification.',
  'home.role.agent': 'Agent',
  'home.role.agent.text': 'What you need on a call: wording, forbidden phrases, complaints and enquiries.',
  'home.role.trainer': 'Trainers and team leads',
  'home.role.trainer.text': 'Assessment, quality, training and reports.',
  'home.categories': 'Categories',
  'home.latest': 'Recently updated',
  'policy.version': 'Version',
  'policy.effective': 'Effective',
  'policy.updated': 'Updated',
  'policy.audience': 'Audience',
  'policy.toc': 'On this page',
  'policy.changes': 'Change history',
  'policy.prev': 'Previous',
  'policy.next': 'Next',
  'policy.mustRead': 'Must read',
  'policy.ack.button': 'I have read and understood this version',
  'policy.ack.done': 'Acknowledged version {version} ({date})',
  'policy.ack.saved': 'Saved: you have read version {version}.',
  'policy.ack.failed': 'Could not save: browser storage is unavailable or full.',
  'policy.ack.old': 'You acknowledged version {version}; this policy has changed since.',
  'policies.title': 'Policies',
  'policies.intro': 'Every policy of the center, by category.',
  'policies.count': '{n} policies',
  'updates.title': "What's new",
  'updates.intro': 'Every policy change, newest first.',
  'updates.rss': 'RSS feed',
  'updates.rssTitle': 'Policy changes',
  'footer.text': 'Internal training and knowledge base.',
  'theme.note': 'Follows the system dark mode',
  'date.format': '{y}-{m}-{d}',
};

export const categoryLabels: Record<CategoryId, { zh: string; en: string; blurb: string }> = {
  service: { zh: '服务规范', en: 'Service standards', blurb: '服务宗旨、人员素质、服务用语与忌语。' },
  process: { zh: '业务流程', en: 'Procedures', blurb: '咨询、投诉与回访的处理流程。' },
  security: { zh: '信息安全', en: 'Information security', blurb: '保密制度与客户资料管理。' },
  quality: { zh: '质量与考核', en: 'Quality and assessment', blurb: '服务指标、质检监听、绩效考核与奖惩。' },
  management: { zh: '现场管理', en: 'Floor management', blurb: '工作纪律、考勤请假、请示报告与报表。' },
  career: { zh: '培训与发展', en: 'Training and career', blurb: '岗前培训、技能认证与岗位职责。' },
};

export const roleLabels: Record<RoleId, { zh: string; en: string }> = {
  'new-hire': { zh: '新员工', en: 'New hire' },
  agent: { zh: '业务代表', en: 'Agent' },
  'team-lead': { zh: '班组长', en: 'Team lead' },
  quality: { zh: '质检员', en: 'Quality inspector' },
  trainer: { zh: '培训专员', en: 'Trainer' },
  manager: { zh: '主管/经理', en: 'Manager' },
};

export const stageLabels: Record<StageId, { zh: string; en: string }> = {
  opening: { zh: '开场', en: 'Opening' },
  during: { zh: '通话中', en: 'During the call' },
  difficult: { zh: '困难时刻', en: 'Difficult moments' },
  complaint: { zh: '投诉', en: 'Complaints' },
  closing: { zh: '结束', en: 'Closing' },
  callback: { zh: '回访', en: 'Callback' },
};

export const ui = { 'zh-CN': zhCN, en } as const;
export type Lang = keyof typeof ui;

/** Looks up a UI string and fills `{name}` slots. */
export function t(key: UiKey, vars: Record<string, string | number> = {}, lang: Lang = 'zh-CN'): string {
  const template: string = ui[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

export function formatDate(date: Date, lang: Lang = 'zh-CN'): string {
  return t('date.format', { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() }, lang);
}
