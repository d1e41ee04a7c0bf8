/** UI strings: scripts. */
export const scripts = {
  'scripts.title': '服务话术',
  'scripts.intro':
    '按通话阶段排列的话术。标“制度原文”的是中心文件规定的原话，标“参考示例”的是本站按制度写的示例。每条都可一键复制；占位处请换成实际信息。',
  'scripts.filter.stage': '通话阶段',
  'scripts.filter.text': '筛选话术',
  'scripts.filter.placeholder': '输入关键词，如 听不清、投诉',
  'scripts.filter.count': '显示 {n} / {total} 条',
  'scripts.filter.none': '没有符合条件的话术。',
  'scripts.scenario': '适用场景',
  'scripts.say': '这样说',
  'scripts.avoid': '不要这样说',
  'scripts.note': '提示',
  'scripts.policy': '依据制度',
  'scripts.keywords': '查找关键词',
  'scripts.all': '全部话术',
} as const;
