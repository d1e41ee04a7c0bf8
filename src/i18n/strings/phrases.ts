/** UI strings: phrases. */
export const phrases = {
  'phrases.title': '服务忌语',
  'phrases.intro': '通话和文字回复中都不能出现的说法，右侧是应改用的正确说法。',
  'phrases.phrase': '忌语',
  'phrases.variants': '类似说法',
  'phrases.why': '为什么不能说',
  'phrases.instead': '改说',
  'phrases.severity.high': '严禁',
  'phrases.severity.medium': '避免',
  'phrases.filter.count': '显示 {n} / {total} 条',
  'phrases.filter.none': '没有符合条件的忌语。',
  'phrases.checkLink': '检查一段回复里有没有忌语 →',
  'checker.title': '忌语检查',
  'checker.intro':
    '把准备发给客户的文字回复粘贴到下面，检查会标出其中的忌语，并给出正确说法。文字只在本机浏览器中检查，不会上传。',
  'checker.label': '回复草稿',
  'checker.count': '发现 {n} 处忌语',
  'checker.clean': '没有发现忌语。',
  'checker.empty': '粘贴或输入回复内容后自动检查。',
  'checker.result': '检查结果',
  'checker.suggestions': '建议改法',
  'checker.tooLong': '内容超过 {max} 字，只检查前 {max} 字。',
} as const;
