// Runs the Nu HTML checker (vnu-jar, the W3C validator's engine) over every built page and fails on any error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';

const dist = process.argv[2] ?? 'dist';
if (!existsSync(dist)) {
  console.error(`HTML 检查：找不到 ${dist}/，请先运行 npm run build。`);
  process.exit(1);
}
const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (java.error || java.status !== 0) {
  console.error('HTML 检查需要 Java 运行环境：请安装 apt-get install default-jre-headless');
  process.exit(1);
}
const run = spawnSync('java', ['-jar', jar, '--skip-non-html', '--errors-only', '--format', 'json', dist], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let messages;
try {
  messages = JSON.parse(run.stderr || run.stdout || '{"messages":[]}').messages;
} catch {
  console.error(`HTML 检查无法读取 Nu 检查器的输出：\n${run.stderr || run.stdout}`);
  process.exit(1);
}
const errors = messages.filter((m) => m.type === 'error' && m.subType !== 'fatal');
for (const m of errors) {
  const file = relative(process.cwd(), new URL(m.url).pathname);
  console.error(
    `${file}:${m.lastLine}:${m.firstColumn ?? m.lastColumn}: ${m.message}\n    ${(m.extract ?? '').trim()}`,
  );
}
const fatal = messages.filter((m) => m.subType === 'fatal').length;
if (errors.length || fatal) {
  console.error(`HTML 检查：${errors.length} 个错误${fatal ? `（${fatal} 个页面在出错后无法继续检查）` : ''}。`);
  process.exit(1);
}
console.log(`HTML 检查（Nu HTML Checker）：${dist}/ 下全部页面 0 个错误。`);
