import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { checkPolicyBody } from '../../src/lib/content/mdx-safety.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';

/**
 * Policy bodies are data. Each fixture holds one mistake; the content check (which `npm run build` runs
 * before `astro build`, so a failing check stops the build) must refuse it once, naming file and line.
 */
const cases = [
  ['raw-html', '<img', '不能写 HTML 标签 <img>'],
  ['event-handler', 'onClick', '不能写事件属性 onClick'],
  ['javascript-link', 'javascript:', '链接不能用 javascript: 地址'],
  ['import', 'import {', '不能写 import / export'],
  ['expression', '{98', '不能写 {…} 表达式'],
  ['bare-lt', '<60', '单独的“<”会被当成标签的开头'],
] as const;

describe('unsafe policy bodies', () => {
  it.each(cases)(
    '%s fails the content check with file, line and a Chinese message',
    { timeout: 30_000 },
    (name, marker, message) => {
      const root = `tests/fixtures/unsafe/${name}`;
      const file = `${root}/content/policies/unsafe.mdx`;
      const line =
        readFileSync(file, 'utf8')
          .split('\n')
          .findIndex((l) => l.includes(marker)) + 1;
      const run = spawnSync(process.execPath, ['tools/check-content.ts', root], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      const errors = run.stderr.split('\n').filter((l) => l.includes('✗'));
      expect(errors, run.stderr).toHaveLength(1);
      expect(errors[0]).toContain(`${file}:${line}: ${message}`);
      expect(run.stderr).not.toMatch(/Error:|at .*\.js/);
    },
  );

  it('the build runs the content check before astro build, so each of these also fails the build', () => {
    const { scripts } = z
      .object({ scripts: z.record(z.string(), z.string()) })
      .parse(JSON.parse(readFileSync('package.json', 'utf8')));
    expect(scripts['build']).toMatch(/^node tools\/check-content\.ts && (node tools\/[a-z-]+\.mjs && )*astro build/);
  });

  it('refuses data: links, unknown components and attributes the allow-list does not name', () => {
    expect(checkPolicyBody('![图](data:image/png;base64,AAAA)\n')[0]?.message).toContain('data: 地址');
    const callout = checkPolicyBody('正文\n\n<Callout>注意</Callout>\n');
    expect(callout.map((p) => p.line)).toEqual([3]);
    expect(callout[0]?.message).toContain('未知组件 <Callout>');
    expect(checkPolicyBody('<Hotline tone="x" />\n')[0]?.message).toContain('没有属性 tone');
    expect(checkPolicyBody('<Hotline {...x} />\n')[0]?.message).toContain('展开属性');
  });

  it('accepts Markdown, safe links and the allowed components, with the offset of the frontmatter', () => {
    const body =
      '## 标题\n\n- 客户 < 60 分\n- "您好，<Hotline />，有什么可以帮到您？"\n\n[制度](/policies/kpi/#a) [外站](https://example.com)\n';
    expect(checkPolicyBody(body)).toEqual([]);
    expect(checkPolicyBody('正文\n\n<b>粗</b>\n', 10)[0]?.line).toBe(13);
  });

  it('reports bold markers that do not take effect next to Chinese punctuation', () => {
    expect(checkPolicyBody('填写**《登记表》**的内容\n')[0]?.message).toContain('加粗没有生效');
    expect(checkPolicyBody('填写 **《登记表》** 的内容\n')).toEqual([]);
  });

  it('the real policies are all safe', { timeout: 30_000 }, () => {
    expect(loadContent().errors.filter((e) => e.includes('content/policies'))).toEqual([]);
  });
});
