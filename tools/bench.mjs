// `npm run bench`: builds the site and prints the figures the issues set targets for.
import { spawnSync } from 'node:child_process';
import { pageAssets, siteFigures } from './bench/site-size.mjs';
import { benchQuickSearch } from './bench/quick-search.ts';
import { benchPhraseCheck } from './bench/phrase-check.ts';
import { benchQuiz } from './bench/quiz.ts';
import { benchDashboard } from './bench/dashboard.ts';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
const line = (label, value, target) =>
  console.log(`${label.padEnd(44)} ${String(value).padStart(12)}${target ? `   ${target}` : ''}`);

console.log('== site build ==');
const started = performance.now();
const build = spawnSync('npm', ['run', 'build', '--silent'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const buildMs = performance.now() - started;
if (build.status !== 0) {
  console.error(build.stdout);
  process.exit(build.status ?? 1);
}
line('build time (check + astro + pagefind)', `${(buildMs / 1000).toFixed(1)} s`);

const site = await siteFigures('dist');
line('HTML pages', site.pages);
line('Pagefind index (files, bytes)', `${site.indexFiles} / ${kb(site.indexBytes)}`);
const indexed = /Indexed (\d+) pages/.exec(build.stdout)?.[1];
line('Pagefind indexed pages', indexed ?? '?');

for (const [label, path] of [
  ['policy page', 'policies/complaint-handling/index.html'],
  ['home page', 'index.html'],
  ['search page', 'search/index.html'],
  ['exam page', 'exams/certification/index.html'],
]) {
  const a = await pageAssets('dist', path);
  const js = sum(a.js);
  line(
    `${label}: JS total (gzip, ${a.js.size} files)`,
    kb(js),
    label === 'policy page'
      ? `target < 10 KB ${js < 10240 ? 'OK' : 'OVER'}`
      : label === 'exam page'
        ? `target < 40 KB ${js < 40960 ? 'OK' : 'OVER'}`
        : '',
  );
  line(`${label}: CSS total (gzip, ${a.css.size} files)`, kb(sum(a.css)));
  line(`${label}: HTML (gzip)`, kb(a.html));
  if (a.data) line(`${label}: embedded JSON data (gzip, in HTML)`, kb(a.data));
  if (a.deferred.size) line(`${label}: deferred JS, loaded on demand (gzip)`, kb(sum(a.deferred)));
  if (label === 'policy page') {
    for (const [src, bytes] of a.js) line(`  js  ${src.slice(-40)}`, kb(bytes));
    for (const [src, bytes] of a.css) line(`  css ${src.slice(-40)}`, kb(bytes));
  }
}

const print = (label, value, note) => line(label, value, note);
console.log('\n== quick search ==');
await benchQuickSearch(print);
console.log('\n== phrase checker ==');
benchPhraseCheck(print);
console.log('\n== quiz engine ==');
benchQuiz(print);
console.log('\n== simulations ==');
await (await import('./bench/simulation.ts')).benchSimulation(print);
console.log('\n== trainer dashboard ==');
await benchDashboard(print);
await (await import('./bench/dashboard-browser.ts')).benchDashboardBrowser(print);
