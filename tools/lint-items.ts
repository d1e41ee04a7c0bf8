// Item lint (src/lib/quiz/lint.ts) over the real banks and exams; quizzes/lint-baseline.json lists
// findings tolerated until the content work fixes them (delete lines as they are fixed).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentReport } from '../src/lib/content/validate.ts';
import { applyBaseline, bankFigures, lintBanks, lintExams } from '../src/lib/quiz/lint.ts';

export function lintReport(report: ContentReport, root: string): boolean {
  const banks = report.banks.map((b) => b.data);
  const findings = [
    ...lintBanks(banks),
    ...lintExams(
      report.exams.map((e) => e.data),
      banks,
    ),
  ];
  const file = join(root, 'quizzes/lint-baseline.json');
  const baseline = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : [];
  const { fresh, tolerated, fixed } = applyBaseline(findings, baseline);
  for (const b of bankFigures(banks)) {
    console.log(
      `  题库 ${b.topic}：练习 ${b.practice} 题，考试 ${b.exam} 题；正确答案唯一最长 ${b.longestKey} / ${b.choiceItems}`,
    );
  }
  for (const f of tolerated) console.log(`  △ 暂缓（lint-baseline.json）：${f.message}`);
  for (const k of fixed) console.log(`  ✓ 已修好，请从 quizzes/lint-baseline.json 删除：${k}`);
  if (fresh.length) {
    console.error(`题目检查失败，共 ${fresh.length} 处问题：`);
    for (const f of fresh) console.error(`  ✗ ${f.message}`);
    return false;
  }
  console.log(`题目检查通过${tolerated.length ? `（${tolerated.length} 处暂缓，见上）` : ''}。`);
  return true;
}
