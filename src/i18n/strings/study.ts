/** UI strings: the new hire's study path (home page card). */
export const study = {
  'study.steps': '学习路径',
  'study.step.read': '阅读下列制度，在每份制度页底部点“我已阅读”。',
  'study.step.practice': '分题库练习（答案即时显示）：',
  'study.step.mock': '模拟认证（与正式认证同样的出题结构，成绩即时显示）',
  'study.step.certify': '参加最低技能认证',
  'study.step.progress': '查看我的进度与证书',
  'study.checklist': '本机学习记录',
  'study.count': '已完成 {done} / {total} 项（记录在这台电脑的浏览器里）。',
  'study.done': '已完成',
  'study.todo': '未完成',
  'study.policies': '制度已读',
  'study.topics': '题库已练习',
} as const;
