import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { impactReport } from '../../tools/content-impact.ts';

/** A copy of the impact fixture in a temporary directory, optionally a git repository with one commit. */
const dirs: string[] = [];
function copyFixture(withGit: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'impact-'));
  dirs.push(dir);
  cpSync('tests/fixtures/impact', dir, { recursive: true });
  if (withGit) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'fixture');
  }
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Changes the first 98% (the indicator table) to 97%, as a trainer would. */
function lowerSatisfaction(dir: string): void {
  const file = join(dir, 'content/policies/kpi.mdx');
  writeFileSync(file, readFileSync(file, 'utf8').replace('98%', '97%'));
}

describe('change impact', () => {
  it(
    'names the questions, script, flow step and simulation that cite the changed section, and every remaining 98%',
    { timeout: 30_000 },
    () => {
      const dir = copyFixture(true);
      lowerSatisfaction(dir);
      const report = loadContent(dir);
      expect(report.errors).toEqual([]);
      const text = impactReport(dir, report, true).join('\n');
      expect(text).toContain('content/policies/kpi.mdx');
      expect(text).toContain('改动的小标题：服务质量考核指标（#fu-wu-zhi-liang-kao-he-zhi-biao）');
      expect(text).toMatch(/kpi-a（quizzes\/banks\/kpi\.yaml/);
      // Questions on sections that did not change are not listed as dependents.
      expect(text).not.toMatch(/- kpi-b/);
      expect(text).not.toMatch(/- kpi-c/);
      expect(text).toContain('closing（content/scripts/closing.yaml）');
      expect(text).toContain('survey 步骤 invite');
      expect(text).toContain('quizzes/simulations/rating.yaml');
      expect(text).toContain('数字 98% 少了，正文现有 97%');
      const kpi = readFileSync(join(dir, 'content/policies/kpi.mdx'), 'utf8').split('\n');
      const bank = readFileSync(join(dir, 'quizzes/banks/kpi.yaml'), 'utf8').split('\n');
      const lineOf = (lines: string[], from: number, needle: string) =>
        lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
      for (const [path, line] of [
        ['content/policies/kpi.mdx', lineOf(kpi, 0, '以 98% 为基准')],
        ['content/policies/kpi.mdx', lineOf(kpi, 0, '满意度 98%，')],
        ['quizzes/banks/kpi.yaml', lineOf(bank, 0, 'options: [95%, 98%')],
        ['quizzes/banks/kpi.yaml', lineOf(bank, 0, '满意度基准值为 98%')],
      ] as const) {
        expect(text).toContain(`${path}:${line}:`);
      }
      // 95% did not change, so it is not searched for.
      expect(text).not.toContain('数字 95%');
    },
  );

  it('npm run impact (check-content --impact) prints the same list on its own', { timeout: 30_000 }, () => {
    const dir = copyFixture(true);
    lowerSatisfaction(dir);
    const run = spawnSync(process.execPath, [resolve('tools/check-content.ts'), dir, '--impact'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('kpi-a');
    expect(run.stdout).not.toContain('内容检查通过');
  });

  it('says nothing changed when the working tree matches the last commit', () => {
    const dir = copyFixture(true);
    expect(impactReport(dir, loadContent(dir), true)).toEqual(['变更影响：没有尚未提交的制度改动。']);
    expect(impactReport(dir, loadContent(dir), false)).toEqual([]);
  });

  it('skips with a note when there is no git repository', () => {
    const dir = copyFixture(false);
    lowerSatisfaction(dir);
    expect(impactReport(dir, loadContent(dir), false)).toEqual([
      '变更影响：未找到 git 仓库，跳过（无法与上次提交的版本比较）。',
    ]);
  });
});
