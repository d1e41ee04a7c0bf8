/** UI strings: search. */
export const search = {
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
} as const;
