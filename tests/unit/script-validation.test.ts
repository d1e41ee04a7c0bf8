import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import { fillPlaceholders } from '../../src/lib/scripts/placeholders.ts';

const read = (path: string) => ({ path, text: readFileSync(path, 'utf8') });
const check = (file: string) =>
  validateContent({ policies: [read('tests/fixtures/policies/valid.mdx')], scripts: [read(file)], phrases: [] }).errors;

describe('script validation', () => {
  it('a script naming a policy that does not exist fails, naming the script file and the policy id', () => {
    const [error] = check('tests/fixtures/scripts/dangling-policy.yaml');
    expect(error).toContain('tests/fixtures/scripts/dangling-policy.yaml');
    expect(error).toContain('“no-such-policy”不存在');
  });

  it('an unknown placeholder fails with its line named', () => {
    expect(check('tests/fixtures/scripts/bad-placeholder.yaml')).toEqual([
      'tests/fixtures/scripts/bad-placeholder.yaml: 字段 lines[0]: 未知占位符 {centre}',
    ]);
  });

  it('fills placeholders from the site config and leaves unknown ones visible', () => {
    const values = { company: '甲', center: '甲中心', hotline: '甲热线', hotlineNumber: '400', agentNo: '××' };
    expect(fillPlaceholders('您好，{center}{agentNo}号为您服务，{other}', values)).toBe(
      '您好，甲中心××号为您服务，{other}',
    );
  });
});
