// Runs Pagefind (extended build: Chinese segmentation) over dist/ and fails when it indexed
// fewer pages than there are content pages, e.g. after a layout lost data-pagefind-body.
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// The CLI entry is not in the package's exports map, so address it by path.
const bin = fileURLToPath(new URL('../node_modules/pagefind/lib/runner/bin.cjs', import.meta.url));
const run = spawnSync(process.execPath, [bin, '--site', 'dist'], { encoding: 'utf8' });
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
if (run.status !== 0) process.exit(run.status ?? 1);

const countFiles = async (dir, ext) => (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(ext)).length;
const expected = await countFiles('content/policies', '.mdx');
const indexed = Number(/Indexed (\d+) pages?/.exec(run.stdout)?.[1] ?? 0);
if (!run.stdout.includes('(Extended)')) {
  console.error('Pagefind 没有使用 extended 版本，中文分词不可用。');
  process.exit(1);
}
if (indexed < expected) {
  console.error(`Pagefind 只索引了 ${indexed} 页，但内容页至少有 ${expected} 页：检查 data-pagefind-body。`);
  process.exit(1);
}
