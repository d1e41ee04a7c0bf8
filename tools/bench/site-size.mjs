// Size of what a page ships: scripts and styles it loads eagerly (following static imports), gzip'd.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (text) => gzipSync(Buffer.from(text)).length;

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

/** Static ES imports of a built chunk (`import{a}from"./x.js"`, `import"./y.js"`). */
function staticImports(code) {
  return [...code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]);
}

export async function pageAssets(distDir, pagePath) {
  const html = await readFile(join(distDir, pagePath), 'utf8');
  const js = new Map();
  const css = new Map();
  const queue = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  let data = 0;
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!m[2].trim()) continue;
    // JSON blocks are data the page embeds (question banks, phrase lists), not code.
    if (/type="application\/(ld\+)?json"/.test(m[1])) data += gz(m[2]);
    else js.set(`inline#${js.size}`, gz(m[2]));
  }
  const deferred = new Map();
  const lazy = [];
  const toSrc = (from, imp) => resolve(dirname(from), imp).replace(/^.*?(\/_astro\/)/, '$1');
  while (queue.length) {
    const src = queue.shift();
    if (js.has(src) || src.startsWith('/pagefind/')) continue;
    const code = await readFile(join(distDir, src), 'utf8');
    js.set(src, gz(code));
    for (const imp of staticImports(code)) queue.push(toSrc(src, imp));
    for (const m of code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)) lazy.push(toSrc(src, m[1]));
  }
  // Chunks loaded later with import() (e.g. when a widget scrolls into view), and what they pull in.
  while (lazy.length) {
    const src = lazy.shift();
    if (js.has(src) || deferred.has(src)) continue;
    const code = await readFile(join(distDir, src), 'utf8');
    deferred.set(src, gz(code));
    for (const imp of staticImports(code)) lazy.push(toSrc(src, imp));
  }
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    css.set(m[1], gz(await readFile(join(distDir, m[1]), 'utf8')));
  }
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css.set(`inline#${css.size}`, gz(m[1]));
  return { js, css, html: gz(html), data, deferred };
}

export async function siteFigures(distDir) {
  const files = await walk(distDir);
  const pages = files.filter((f) => f.endsWith('.html'));
  const pagefindFiles = files.filter((f) => f.includes(`${join(distDir, 'pagefind')}/`));
  // The index proper: what a search downloads, not the optional prebuilt UI bundles.
  const indexFiles = pagefindFiles.filter((f) => !/pagefind-(component-|modular-)?ui\.(js|css)$/.test(f));
  let indexBytes = 0;
  for (const f of indexFiles) indexBytes += (await stat(f)).size;
  return { pages: pages.length, indexBytes, indexFiles: indexFiles.length };
}
