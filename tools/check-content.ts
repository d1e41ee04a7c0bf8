// Validates every content file and cross-reference; exits non-zero naming each bad file and field.
// Then warns about overdue review dates and lists what an edited policy affects (change impact).
// `node tools/check-content.ts [root] [--impact]`: --impact prints the change impact alone.
import { loadContent } from '../src/lib/content/load-content.ts';
import { loadSimulations } from '../src/lib/simulation/load.ts';
import { examSimulationErrors } from '../src/lib/simulation/exam-check.ts';
import type { ContentReport } from '../src/lib/content/validate.ts';
import { buildDay, reviewWarnings } from '../src/lib/content/review.ts';
import { impactReport } from './content-impact.ts';
import { lintReport } from './lint-items.ts';

const args = process.argv.slice(2);
const impactOnly = args.includes('--impact');
// An optional root lets tests point the same check at a fixture tree.
const root = args.find((a) => !a.startsWith('--')) ?? '.';

if (impactOnly) {
  console.log(impactReport(root, loadContent(root), true).join('\n'));
  process.exit(0);
}

const report = loadContent(root);

/** Checks beyond each collection's own, one entry per check: each returns its error messages. */
const extraChecks: ((report: ContentReport, root: string) => string[])[] = [
  (r, dir) => {
    const sims = loadSimulations(dir, r);
    return sims.errors.length ? sims.errors : examSimulationErrors(r.exams, sims.simulations);
  },
];
for (const check of extraChecks) report.errors.push(...check(report, root));

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
if (!lintReport(report)) process.exit(1);
const overdue = reviewWarnings(report, buildDay());
if (overdue.length) {
  console.warn(`提醒：${overdue.length} 项已过复核日期（不影响发布，页面上会标“待复核”）：`);
  for (const w of overdue) console.warn(`  ! ${w}`);
}
const impact = impactReport(root, report, false);
if (impact.length) console.log(impact.join('\n'));
