// Simulation judge speed on 300-character replies against every reply turn, and what a simulation page ships.
import { availableParallelism, loadavg } from 'node:os';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { createJudgeContext, judgeReply } from '../../src/lib/simulation/judge.ts';
import { loadSimulations } from '../../src/lib/simulation/load.ts';
import { prepareSimulation } from '../../src/lib/simulation/prepare.ts';
import { isReplyTurn } from '../../src/lib/simulation/turns.ts';
import { placeholderValues } from '../../src/site.config.ts';
import { pageAssets } from './site-size.mjs';

type Print = (label: string, value: string, note?: string) => void;

export async function benchSimulation(print: Print) {
  const content = loadContent();
  const report = loadSimulations('.', content);
  const ctx = createJudgeContext(content.phrases.map((p) => p.data));
  const turns = report.simulations.flatMap((s) =>
    prepareSimulation(s.data, placeholderValues).turns.filter(isReplyTurn),
  );
  // A 300-character reply built from each turn's model and bad replies (so it matches and flags things).
  const replies = turns.map((t) => {
    const base = [t.reply.model.text, ...t.reply.bad.map((b) => b.text)].join('');
    return base.repeat(Math.ceil(300 / base.length)).slice(0, 300);
  });
  for (let i = 0; i < 200; i++) judgeReply(turns[i % turns.length]!, replies[i % turns.length]!, ctx);
  (globalThis as { gc?: () => void }).gc?.();
  // Wall time and this process's CPU time per call: on a shared, loaded machine the wall clock's
  // tail is the scheduler's, the CPU time is the judge's.
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const k = i % turns.length;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    judgeReply(turns[k]!, replies[k]!, ctx);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)]!;
  const load = `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
  print(
    'judge a 300-char reply: wall p50 / p95',
    `${pct(wall, 0.5).toFixed(3)} / ${pct(wall, 0.95).toFixed(3)} ms`,
    `${turns.length} reply turns; ${load}`,
  );
  const cpu95 = pct(cpu, 0.95);
  print(
    'judge a 300-char reply: CPU p50 / p95',
    `${pct(cpu, 0.5).toFixed(3)} / ${cpu95.toFixed(3)} ms`,
    `target p95 ≤ 2 ms ${cpu95 <= 2 ? 'OK' : 'OVER'}`,
  );
  const id = report.simulations[0]?.id;
  if (!id) return;
  const a = (await pageAssets('dist', `practice/simulations/${id}/index.html`)) as {
    js: Map<string, number>;
    data: number;
  };
  const js = [...a.js.values()].reduce((n, b) => n + b, 0);
  print(`simulation page: JS total (gzip, ${a.js.size} files)`, `${(js / 1024).toFixed(1)} KB`);
  print('simulation page: embedded JSON data (gzip)', `${(a.data / 1024).toFixed(1)} KB`);
}
