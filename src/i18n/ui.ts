import type { CategoryId, RoleId, StageId } from '../lib/content/schema.ts';
import { fillTemplate } from './format.ts';
import { common } from './strings/common.ts';
import { home } from './strings/home.ts';
import { policies } from './strings/policies.ts';
import { search } from './strings/search.ts';
import { palette } from './strings/palette.ts';
import { scripts } from './strings/scripts.ts';
import { phrases } from './strings/phrases.ts';
import { flows } from './strings/flows.ts';
import { quiz } from './strings/quiz.ts';
import { progress } from './strings/progress.ts';
import { dashboard } from './strings/dashboard.ts';
import { simulation } from './strings/simulation.ts';
import { study } from './strings/study.ts';
import { storage } from './strings/storage.ts';
import { content } from './strings/content.ts';
import { grading } from './strings/grading.ts';
import { gradingReasons } from './strings/grading-reasons.ts';
import { progressRecords } from './strings/progress-records.ts';
import { contentCheck } from './strings/content-check.ts';
import { contentSchema } from './strings/content-schema.ts';

/**
 * Every string a person sees, in Simplified Chinese (the site's one language), split by feature
 * under ./strings/. A feature's new strings go into its own file.
 */
const zhCN = {
  ...common,
  ...home,
  ...policies,
  ...search,
  ...palette,
  ...scripts,
  ...phrases,
  ...flows,
  ...quiz,
  ...progress,
  ...dashboard,
  ...simulation,
  ...study,
  ...storage,
  ...content,
  ...grading,
  ...gradingReasons,
  ...progressRecords,
  ...contentCheck,
  ...contentSchema,
};

export type UiKey = keyof typeof zhCN;

export const categoryLabels: Record<CategoryId, { zh: string; blurb: string }> = {
  service: { zh: '服务规范', blurb: '服务宗旨、人员素质、服务用语与忌语。' },
  process: { zh: '业务流程', blurb: '咨询、投诉与回访的处理流程。' },
  security: { zh: '信息安全', blurb: '保密制度与客户资料管理。' },
  quality: { zh: '质量与考核', blurb: '服务指标、质检监听、绩效考核与奖惩。' },
  management: { zh: '现场管理', blurb: '工作纪律、考勤请假、请示报告与报表。' },
  career: { zh: '培训与发展', blurb: '岗前培训、技能认证与岗位职责。' },
};

export const roleLabels: Record<RoleId, { zh: string }> = {
  'new-hire': { zh: '新员工' },
  agent: { zh: '业务代表' },
  'team-lead': { zh: '班组长' },
  quality: { zh: '质检员' },
  trainer: { zh: '培训专员' },
  manager: { zh: '主管/经理' },
};

export const stageLabels: Record<StageId, { zh: string }> = {
  opening: { zh: '开场' },
  during: { zh: '通话中' },
  difficult: { zh: '困难时刻' },
  complaint: { zh: '投诉' },
  closing: { zh: '结束' },
  callback: { zh: '回访' },
};

export const ui = { 'zh-CN': zhCN } as const;

/** Looks up a UI string and fills `{name}` slots. */
export function t(key: UiKey, vars: Record<string, string | number> = {}): string {
  return fillTemplate(zhCN[key], vars);
}

/** The strings a custom element needs, as JSON for its `data-strings` attribute. */
export function clientStrings(keys: readonly UiKey[]): string {
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, zhCN[k]])));
}

/** A calendar day (content dates are UTC midnights) as the center writes it. */
export function formatDate(date: Date): string {
  return t('date.format', { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() });
}
