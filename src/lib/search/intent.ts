/** What the agent wants: words to say (scripts, alternatives), a rule to look up, or either. */
export type Intent = 'say' | 'know' | 'any';

/** Signs of a how-to-say query: the agent is on a call and needs words now. */
const SAY = [
  '怎么说',
  '咋说',
  '说什么',
  '怎么回',
  '怎么答',
  '怎么办',
  '咋办',
  '怎么处理',
  '话术',
  '客户',
  '顾客',
  '对方',
  '骂',
  '吵',
  '喊',
  '吼',
  '哭',
  '催',
  '喂',
  '听不',
  '我',
  '您',
  'hold',
];

/** Signs of a rule lookup: numbers, thresholds, who approves, what the policy says. */
const KNOW = [
  '制度',
  '规定',
  '标准',
  '多少',
  '几次',
  '几天',
  '几点',
  '几号',
  '多久',
  '时限',
  '考核',
  '扣分',
  '加分',
  '流程',
  '步骤',
  '审批',
  '谁批',
  '报表',
  '日报',
  '周报',
  '月报',
  '指标',
  '率',
  'kpi',
];

/** Pure and cheap: runs on every keystroke. */
export function queryIntent(query: string): Intent {
  const q = query.toLowerCase();
  if (KNOW.some((w) => q.includes(w))) return 'know';
  if (SAY.some((w) => q.includes(w))) return 'say';
  return 'any';
}
