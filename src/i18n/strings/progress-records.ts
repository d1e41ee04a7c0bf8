import { textOf } from '../format.ts';

/**
 * Strings the progress logic writes (src/lib/progress, src/lib/quiz/draw.ts): why a stored record or an
 * exported file cannot be read, and the attempts CSV. Apart from progress.ts so every page that stores an
 * attempt carries only these.
 */
export const progressRecords = {
  'record.sep': '、',
  'record.attempt': '考试记录',
  'record.ack': '阅读记录',
  'record.practice': '练习记录',
  'record.whole': '整体',
  'record.badFields': '{label}格式不对（{fields}）',
  'record.badFieldsAt': '{label}格式不对（第 {n} 条：{fields}）',
  'record.notJson': '{label}不是有效的 JSON',
  'record.noEnvelope': '{label}缺少 format/record 外层',
  'record.newer': '{label}由更新版本的网站保存（存储格式 {format}）',
  'record.listNotJson': '{label}列表不是有效的 JSON',
  'record.listNotArray': '{label}列表格式不对（整体）',
  'record.listAside': '{label}整份列表曾被旧版本另存',
  'record.badTime': '不是有效的时间',
  'record.badResponses': '作答记录格式不对（每题应为数字、数字列表、true/false 或 null）',
  'file.notJson': '不是有效的 JSON（{error}）',
  'file.notObject': '内容不是进度文件（应为 JSON 对象）',
  'file.version': '不支持的 schemaVersion：{version}（本站读取版本 {need}）',
  'file.versionMissing': '缺失',
  'file.whole': '（整体）',
  'file.fields': '字段无效：{fields}',
  'csv.employeeId': '工号',
  'csv.name': '姓名',
  'csv.exam': '考试',
  'csv.examVersion': '考试版本',
  'csv.kind': '类型',
  'csv.score': '得分',
  'csv.max': '满分',
  'csv.percent': '百分制',
  'csv.passed': '是否通过',
  'csv.effect': '月度考核影响',
  'csv.started': '开始时间',
  'csv.finished': '交卷时间',
  'csv.seconds': '用时（秒）',
  'csv.seed': '试卷种子',
  'csv.theory': '理论（百分制）',
  'csv.practical': '实操（通过/总数）',
  'csv.certification': '最低技能认证',
  'csv.mock': '模拟认证',
  'csv.monthly': '月度技能考试',
  'csv.pending': '待评分',
  'csv.yes': '通过',
  'csv.no': '未通过',
  'draw.noExtra': '考试 {exam}：附加题“{id}”不存在',
  'draw.noBank': '考试 {exam}：题库“{topic}”不存在',
  'draw.short': '考试 {exam}：题库“{topic}”难度 {difficulty} 的题不够（还差 {need} 题）',
  'draw.noSimTopic': '没有主题为“{topic}”的实操',
  'draw.fewSims': '实操只有 {have} 个，不足 {need} 个',
} as const;

export const progressText = textOf(progressRecords);

/** A list as the center writes it (A、B、C). */
export const recordList = (items: readonly (string | number)[]) => items.join(progressText('record.sep'));
