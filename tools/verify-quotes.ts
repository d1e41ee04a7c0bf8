// Checks the stored 制度原文 excerpts against the seed documents they were copied from:
// `node tools/verify-quotes.ts <seeds-dir>`. The seeds are not part of the repository (they are the
// center's source documents), so this is a maintainer's tool, not a test. Seed 001 is in Traditional
// characters: the map below covers the characters the excerpts use (extend it when a new excerpt needs more).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../src/lib/content/load-content.ts';
import { normaliseWording } from '../src/lib/content/wording.ts';

const TRAD = '爲為產們會務嗎復夠對幫應開戶擾時沒滿點監確結聯見議訴該語說請謝負這進問隨順顧';
const SIMP = '为为产们会务吗复够对帮应开户扰时没满点监确结联见议诉该语说请谢负这进问随顺顾';
const toSimplified = (text: string) => text.replace(/./gu, (c) => SIMP[TRAD.indexOf(c)] ?? c);

const dir = process.argv[2];
if (!dir) {
  console.error('用法：node tools/verify-quotes.ts <种子文件目录>');
  process.exit(2);
}
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => normaliseWording(toSimplified(readFileSync(join(dir, f), 'utf8'))))
  .join('\n');

/** Pieces of an excerpt between editor notes and fill-in slots; a piece before a correction may end in the corrected word. */
function pieces(quote: string): { text: string; corrected: boolean }[] {
  const parts = quote.split(/(〔[^〕]*〕|\{[^{}]*\}|……)/);
  const out: { text: string; corrected: boolean }[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) return;
    const text = normaliseWording(toSimplified(part));
    const corrected = /原文/.test(parts[i + 1] ?? '');
    if (text) out.push({ text, corrected });
  });
  return out;
}

const report = loadContent();
let bad = 0;
for (const e of [...report.scripts, ...report.phrases]) {
  const source = e.data.source;
  if (source.kind !== 'original') continue;
  const missing = pieces(source.quote ?? '').filter(
    ({ text, corrected }) =>
      !seeds.includes(text) && !(corrected && [1, 2, 3].some((n) => seeds.includes(text.slice(0, -n)))),
  );
  if (missing.length) bad++;
  console.log(`${missing.length ? '✗' : '✓'} ${e.path}${missing.map((m) => `\n    不在原文中：${m.text}`).join('')}`);
}
process.exit(bad ? 1 : 0);
