/** UI strings: palette. */
export const palette = {
  'qs.open': '快速查找',
  'qs.title': '快速查找话术、忌语和制度',
  'qs.label': '输入中文、拼音或首字母',
  'qs.placeholder': '如 wsdh、听不见、投诉升级',
  'qs.hint': '↑↓ 选择 · Enter 复制话术 · Shift+Enter 打开页面 · Esc 关闭',
  'qs.results': '查找结果',
  'qs.none': '没有找到，换个说法试试。',
  'qs.count': '{n} 条结果',
  'qs.loading': '正在载入索引…',
  'qs.error': '索引载入失败，请检查网络后重试。',
  'qs.close': '关闭',
} as const;
