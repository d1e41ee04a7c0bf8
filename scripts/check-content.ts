// Validates every content file and cross-reference; exits non-zero naming each bad file and field.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { validateContent } from '../src/lib/content/validate.ts';
import type { SourceFile } from '../src/lib/content/validate.ts';

async function readDir(dir: string, ext: RegExp): Promise<SourceFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return Promise.all(
    names
      .filter((n) => ext.test(n))
      .sort()
      .map(async (n) => ({ path: join(dir, n), text: await readFile(join(dir, n), 'utf8') })),
  );
}

// An optional root lets tests point the same check at a fixture tree.
const root = process.argv[2] ?? '.';
const report = validateContent({
  policies: await readDir(join(root, 'content/policies'), /\.mdx$/),
  scripts: await readDir(join(root, 'content/scripts'), /\.ya?ml$/),
  phrases: await readDir(join(root, 'content/phrases'), /\.ya?ml$/),
});

if (report.errors.length) {
  console.error(`内容检查失败，共 ${report.errors.length} 处问题：`);
  for (const e of report.errors) console.error(`  ✗ ${e}`);
  process.exit(1);
}
console.log(
  `内容检查通过：${report.policies.length} 份制度，${report.scripts.length} 条话术，${report.phrases.length} 条忌语。`,
);
