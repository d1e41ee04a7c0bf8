// Validates every content file and cross-reference; exits non-zero naming each bad file and field.
import { loadContent } from '../src/lib/content/load-content.ts';
import { lintReport } from './lint-items.ts';

// An optional root lets tests point the same check at a fixture tree.
const root = process.argv[2] ?? '.';
const report = loadContent(root);

if (report.errors.length) {
  console.error(`内容检查失败，共 ${report.errors.length} 处问题：`);
  for (const e of report.errors) console.error(`  ✗ ${e}`);
  process.exit(1);
}
const questions = report.banks.reduce((n, b) => n + b.data.questions.length, 0);
console.log(
  `内容检查通过：${report.policies.length} 份制度，${report.scripts.length} 条话术，${report.phrases.length} 条忌语，` +
    `${report.flows.length} 个流程，${report.banks.length} 个题库（${questions} 题），${report.exams.length} 场考试。`,
);
if (!lintReport(report, root)) process.exit(1);
