import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';

const FIXTURES = 'tests/fixtures/policies';
const fixture = (name: string) => ({ path: join(FIXTURES, name), text: readFileSync(join(FIXTURES, name), 'utf8') });
const checkPolicy = (name: string) => validateContent({ policies: [fixture(name)], scripts: [], phrases: [] });

describe('policy frontmatter validation', () => {
  it('accepts a valid policy and returns typed dates and anchors', () => {
    const report = checkPolicy('valid.mdx');
    expect(report.errors).toEqual([]);
    const [policy] = report.policies;
    expect(policy?.id).toBe('valid');
    expect(policy?.data.updated.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    // 中度 and 重度 share toneless pinyin; the second gets a suffix, as the rendered page does.
    expect(policy?.anchors).toEqual(['bao-mi-fan-wei', 'zhong-du-wei-gui', 'zhong-du-wei-gui-1']);
  });

  it.each([
    ['missing-title.mdx', 'title'],
    ['bad-date.mdx', 'updated'],
    ['unknown-category.mdx', 'category'],
    ['unknown-role.mdx', 'audience[1]'],
    ['change-after-updated.mdx', 'changes[0].date'],
    ['missing-summary.mdx', 'summary'],
    ['no-changes.mdx', 'changes'],
    ['latest-change-not-current.mdx', 'changes[0].version'],
    ['missing-owner.mdx', 'owner'],
    ['missing-review-date.mdx', 'reviewBy'],
    ['unknown-key.mdx', ''],
  ])('rejects %s naming the file and the field %s', (file, field) => {
    const report = checkPolicy(file);
    expect(report.policies).toEqual([]);
    expect(report.errors.length).toBeGreaterThan(0);
    const message = report.errors.join('\n');
    expect(message).toContain(join(FIXTURES, file));
    if (field) expect(message).toContain(`字段 ${field}:`);
  });

  it('names the bad value of an impossible date instead of rolling it over', () => {
    expect(checkPolicy('bad-date.mdx').errors.join('\n')).toContain('2026-02-30');
  });

  it('names the unknown key', () => {
    expect(checkPolicy('unknown-key.mdx').errors.join('\n')).toContain('colour');
  });

  it('reports unparsable YAML with the file name', () => {
    const [error] = checkPolicy('broken-yaml.mdx').errors;
    expect(error).toMatch(/broken-yaml\.mdx: YAML 无法解析/);
  });

  it(
    'fails the content check command (run by npm run build and npm run check) with the named field',
    { timeout: 30_000 },
    () => {
      const run = spawnSync(process.execPath, ['tools/check-content.ts', 'tests/fixtures/bad-site'], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('unknown-role.mdx: 字段 audience[1]');
    },
  );
});

describe('the real policy library', () => {
  const dir = 'content/policies';
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  const report = validateContent({
    policies: files.map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') })),
    scripts: [],
    phrases: [],
  });

  it('validates without errors', () => {
    expect(report.errors).toEqual([]);
  });

  it('publishes every policy file: each has a summary and a change history whose newest entry is its version', () => {
    // A file the check refuses is left out of the site, so the files and the published policies must match.
    expect(report.policies.map((p) => p.path).sort()).toEqual(files.map((f) => join(dir, f)).sort());
    for (const p of report.policies) {
      expect(p.data.summary.trim(), p.path).not.toBe('');
      expect(p.data.changes.length, p.path).toBeGreaterThan(0);
      expect(p.data.changes[0]!.version, p.path).toBe(p.data.version);
      expect(p.data.changes[0]!.date.getTime(), p.path).toBeLessThanOrEqual(p.data.updated.getTime());
    }
  });
});

describe('validation messages', () => {
  it('name the unknown role and list the allowed ones', () => {
    const message = checkPolicy('unknown-role.mdx').errors.join('\n');
    expect(message).toContain('“boss”');
    expect(message).toContain('new-hire');
  });
});
