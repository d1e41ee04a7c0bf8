/** UI strings: browser storage messages (kept apart so storage code stays small in every bundle). */
export const storage = {
  'storage.unavailable': '浏览器存储不可用',
  'storage.quota': '浏览器存储空间已满',
  'signed.unreadable': '已保存的签名成绩无法读取，原内容保留未动',
  'signed.bad': '有签名成绩记录无法读取，已跳过（原内容保留）',
} as const;
