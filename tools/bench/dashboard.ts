// Trainer dashboard: grade 500 learners' files of 20 submitted attempts each against the trainer kit
// (the files are built first, untimed). A heavy mix: every attempt is trainer-graded, 15 of 20 are
// certification attempts with 3 calls each (a real file has far fewer), 5 are monthly with 1 call; the calls
// are answered in the learners' own words, well or badly. Run alone: node --expose-gc tools/bench/dashboard.ts
import { addProgressText, emptyIntake, mergedLearners } from '../../src/lib/grading/intake.ts';
import { gradeAll, isCounted, rosterRow } from '../../src/lib/grading/board.ts';
import { itemAnalysis } from '../../src/lib/grading/items.ts';
import { indexKit } from '../../src/lib/grading/kit.ts';
import { overrideKey } from '../../src/lib/grading/grade.ts';
import { certification, fileText, index as fixtureKit, kit, monthly, submitted } from '../../tests/fixtures/grading.ts';
import { goodReplies } from '../../tests/fixtures/simulations/good-replies.ts';
import { fillPlaceholders } from '../../src/lib/scripts/placeholders.ts';
import { placeholderValues } from '../../src/site.config.ts';
import type { Attempt } from '../../src/lib/progress/schema.ts';

/**
 * Learners answer in their own words, well or badly: each reply is the model answer, one of the good replies
 * in other words (tests/fixtures/simulations/good-replies.ts) or a known-bad one, chosen by learner and turn.
 */
function inOwnWords(attempt: Attempt, k: number): Attempt {
  const simulations = attempt.simulations.map((record) => {
    const sim = fixtureKit.simulations.get(record.simulationId)!;
    const turns = record.turns.map((t, n) => {
      const turn = sim.turns.find((x) => x.id === t.turnId);
      if (t.reply === undefined || !turn || !('reply' in turn)) return t;
      const own = (goodReplies[record.simulationId]?.[t.turnId] ?? []).map((r) =>
        fillPlaceholders(r, placeholderValues),
      );
      const choices = [turn.reply.model.text, ...own, ...turn.reply.bad.map((b) => b.text)];
      return { ...t, reply: choices[(k + n) % choices.length]! };
    });
    return { ...record, turns };
  });
  return { ...attempt, simulations };
}

/** The bench's drop: 500 learners' exported files of 20 submitted attempts each (see the mix above). */
export function dashboardFiles(): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  for (let i = 0; i < 500; i++) {
    const learner = { employeeId: `E${String(i).padStart(4, '0')}`, name: `员工${i}` };
    const attempts = Array.from({ length: 20 }, (_, j) =>
      inOwnWords(
        j % 4 === 0
          ? submitted(learner, monthly.id, `s${i}-${j}`, {
              right: 12 + ((i + j) % 13),
              startedAt: `${monthly.window!.opens}T0${j % 8}:00:00.000Z`,
            })
          : submitted(learner, certification.id, `s${i}-${j}`, {
              right: 12 + ((i + j) % 25),
              startedAt: new Date(Date.UTC(2026, 9, 1 + 2 * j, 8)).toISOString(), // retakes 48 h apart (retakeAfter)
            }),
        i + j,
      ),
    );
    files.push({ name: `progress-${learner.employeeId}.json`, text: fileText(learner, attempts) });
  }
  return files;
}

export async function benchDashboard(print: (label: string, value: string, note?: string) => void) {
  const files = dashboardFiles();
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  globalThis.gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  let peak = baseHeap;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const index = indexKit(kit);
  const intake = emptyIntake();
  // As the dashboard does: every file read and merged at once, the checksum digests in parallel.
  await Promise.all(files.map((f) => addProgressText(intake, f.name, f.text)));
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const tRead = performance.now() - t0;
  // The site's judge, timed: how much of grading is judging the calls' transcripts.
  let judgeMs = 0;
  let calls = 0;
  const timedGrader: typeof index.grader = {
    judge(sim, record) {
      const t = performance.now();
      const judged = index.grader.judge(sim, record);
      judgeMs += performance.now() - t;
      calls++;
      return judged;
    },
  };
  const graded = gradeAll(mergedLearners(intake), [index], new Map(), () => timedGrader);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const rows = graded.map((lg) => rosterRow(lg, monthly.id, []));
  const items = itemAnalysis(graded);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const attempts = graded.reduce((n, lg) => n + lg.grades.length, 0);
  const counted = graded.reduce((n, lg) => n + lg.grades.filter(isCounted).length, 0);
  print(
    'dashboard: 500 files × 20 attempts, read + grade',
    `${(ms / 1000).toFixed(2)} s`,
    `target ≤ 1 s ${ms <= 1000 ? 'OK' : 'OVER'}; ${attempts} attempts graded against the kit (${counted} counted), ${rows.length} rows, ${items.questions.length} items`,
  );
  print(
    'dashboard: read+merge / grade / CPU time',
    `${(tRead / 1000).toFixed(2)} s / ${((ms - tRead) / 1000).toFixed(2)} s`,
    `CPU ${(cpuMs / 1000).toFixed(2)} s (wall time counts waiting on a shared machine)`,
  );
  // A 人工复核 override re-grades everything (dashboard-element #regrade): papers come from the kit's cache.
  const first = graded.flatMap((lg) => lg.grades).find((g) => g.exam?.kind === 'certification')!;
  const overrides = new Map([[overrideKey(first.attempt.id, 'any-simulation'), { passed: true, reason: '人工复核' }]]);
  const t1 = performance.now();
  const regraded = gradeAll(mergedLearners(intake), [index], overrides);
  regraded.map((lg) => rosterRow(lg, monthly.id, []));
  itemAnalysis(regraded);
  const again = performance.now() - t1;
  print('dashboard: re-grade after one override', `${(again / 1000).toFixed(2)} s`, 'merge + grade + roster + items');
  print(
    'dashboard: of grading, judging call transcripts',
    `${(judgeMs / 1000).toFixed(2)} s`,
    `${calls} calls, ${calls ? (judgeMs / calls).toFixed(3) : 0} ms per call (the rest: redraw, score, merge, roster)`,
  );
  print(
    'dashboard: input size / peak heap',
    `${(bytes / 1024 / 1024).toFixed(1)} MB / ${((peak - baseHeap) / 1024 / 1024).toFixed(0)} MB`,
    `(heap above baseline ${(baseHeap / 1024 / 1024).toFixed(0)} MB)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchDashboard((label, value, note) =>
    console.log(`${label.padEnd(48)} ${value.padStart(14)}   ${note ?? ''}`),
  );
}
