// Item lint (src/lib/quiz/lint.ts) over the real banks and exams, with each bank's figures.
import type { ContentReport } from '../src/lib/content/validate.ts';
import { bankFigures, lintBanks, lintExams } from '../src/lib/quiz/lint.ts';

export function lintReport(report: ContentReport): boolean {
  const banks = report.banks.map((b) => b.data);
  const findings = [
    ...lintBanks(banks),
    ...lintExams(
      report.exams.map((e) => e.data),
      banks,
    ),
  ];
  for (const b of bankFigures(banks)) {
    console.log(
      `  题库 ${b.topic}：练习 ${b.practice} 题，考试 ${b.exam} 题；正确答案唯一最长 ${b.longestKey} / ${b.choiceItems}`,
    );
  }
  if (findings.length) {
    console.error(`题目检查失败，共 ${findings.length} 处问题：`);
    for (const f of findings) console.error(`  ✗ ${f.message}`);
    return false;
  }
  console.log('题目检查通过。');
  return true;
}
