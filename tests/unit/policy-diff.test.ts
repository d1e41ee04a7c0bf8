import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffPolicyBodies, diffText } from '../../src/lib/content/policy-diff.ts';
import { previousVersion } from '../../src/lib/content/git-history.ts';
import { readerDiff } from '../../src/lib/content/reader-diff.ts';

const render = (paragraphs: ReturnType<typeof diffText>) =>
  paragraphs.map((p) =>
    p.map((x) => (x.kind === 'same' ? x.text : x.kind === 'added' ? `[+${x.text}]` : `[-${x.text}]`)).join(''),
  );

describe('word-level diff of policy text', () => {
  it('marks changed Chinese words, not whole lines, and leaves unchanged paragraphs out', () => {
    const before = '客户满意度基准值为 98%。\n人工接通率 95%。\n安抚六步。';
    const after = '客户满意度基准值为 97%。\n人工接通率 95%。\n安抚五步。';
    expect(render(diffText(before, after))).toEqual(['客户满意度基准值为 [-98][+97]%。', '安抚[-六步][+五步]。']);
  });

  it('compares what a reader sees: Markdown markers and table pipes are not reported as changes', () => {
    const before = '## 指标\n\n| 指标 | 基准值 |\n| --- | --- |\n| 满意度 | 98% |\n';
    const after = '## 指标\n\n| 指标 | 基准值 |\n| :-- | --: |\n| 满意度 | **97%** |\n';
    expect(render(diffPolicyBodies(before, after))).toEqual(['满意度 [-98][+97]%']);
  });

  it('finds nothing when only the frontmatter changed', () => {
    expect(diffPolicyBodies('## 甲\n\n正文。\n', '## 甲\n\n正文。\n')).toEqual([]);
  });
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function policy(version: string, body: string): string {
  return `---\ntitle: 甲\nversion: "${version}"\n---\n\n${body}`;
}

describe('previous published version from git history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'history-'));
  dirs.push(dir);
  const path = 'content/policies/p.mdx';
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
  const commit = (version: string, body: string) => {
    writeFileSync(join(dir, path), policy(version, body));
    git('add', '.');
    git('commit', '-qm', version);
  };
  mkdirSync(join(dir, 'content/policies'), { recursive: true });
  git('init', '-q');
  commit('1.0', '## 甲\n\n期限为三天。\n');
  commit('1.0', '## 甲\n\n期限为三天之内。\n'); // an edit before the version was raised
  commit('1.1', '## 甲\n\n期限为两天之内。\n');

  it('is the first committed state of the version before the current one', () => {
    const previous = previousVersion(dir, path, '1.1');
    expect(previous?.version).toBe('1.0');
    expect(previous?.body.trim()).toBe('## 甲\n\n期限为三天。');
  });

  it('gives the reader every change since that version was published', () => {
    const current = readFileSync(join(dir, path), 'utf8').split('---\n').slice(2).join('---\n');
    const diff = readerDiff(dir, 'p', '1.1', current);
    expect(diff.kind).toBe('diff');
    if (diff.kind === 'diff') expect(render(diff.paragraphs)).toEqual(['期限为[-三天][+两天之内]。']);
  });

  it('falls back (the page then shows the change summary) without history', () => {
    const bare = mkdtempSync(join(tmpdir(), 'nohistory-'));
    dirs.push(bare);
    expect(previousVersion(bare, path, '1.1')).toBeUndefined();
    expect(readerDiff(bare, 'p', '1.1', '')).toEqual({ kind: 'unavailable' });
  });
});
