// Trainer dashboard: load and re-score 500 exports of 20 attempts each (the files are built first, untimed).
import { addFile, emptyDashboard, itemAnalysis, rosterRows } from '../../src/lib/progress/dashboard.ts';
import { examDefs, exportText, makeAttempt, publicQuestions } from '../../tests/fixtures/progress-files.ts';
import { scoringContext } from '../../src/lib/progress/scoring-context.ts';

export function benchDashboard(print: (label: string, value: string, note?: string) => void) {
  const files: { name: string; text: string }[] = [];
  for (let i = 0; i < 500; i++) {
    const learner = { employeeId: `E${String(i).padStart(4, '0')}`, name: `员工${i}` };
    const attempts = Array.from({ length: 20 }, (_, j) =>
      makeAttempt(
        learner,
        j % 4 === 0 ? '2026-11' : 'certification',
        `s${i}-${j}`,
        12 + ((i + j) % 25),
        new Date(Date.UTC(2026, 10, 1, 8, j)).toISOString(),
      ),
    );
    files.push({ name: `progress-${learner.employeeId}.json`, text: exportText(learner, attempts) });
  }
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  globalThis.gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  let peak = baseHeap;
  const t0 = performance.now();
  // Built inside the timing, as the page does on the first drop (answers recovered from their checks).
  const ctx = scoringContext(examDefs, publicQuestions);
  const state = emptyDashboard();
  for (const f of files) {
    addFile(state, f.name, f.text, ctx);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const rows = rosterRows(state, '2026-11', []);
  const items = itemAnalysis(state);
  const ms = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const attempts = [...state.learners.values()].reduce((n, r) => n + r.results.size, 0);
  print(
    'dashboard: 500 files × 20 attempts, load + re-score',
    `${(ms / 1000).toFixed(2)} s`,
    `target < 2 s ${ms < 2000 ? 'OK' : 'OVER'}; ${attempts} attempts re-scored, ${state.flags.length} flags, ${rows.length} rows, ${items.questions.length} items`,
  );
  print(
    'dashboard: input size / peak heap',
    `${(bytes / 1024 / 1024).toFixed(1)} MB / ${((peak - baseHeap) / 1024 / 1024).toFixed(0)} MB`,
    `(heap above baseline ${(baseHeap / 1024 / 1024).toFixed(0)} MB)`,
  );
}
