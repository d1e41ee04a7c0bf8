import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { parseTrainerKit } from '../../src/lib/grading/kit.ts';
import { sealAnswer } from '../../src/lib/quiz/seal.ts';
import { KIT_PATH } from '../../tools/trainer-kit-files.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { loadSimulations } from '../../src/lib/simulation/load.ts';
import { fillPlaceholders } from '../../src/lib/scripts/placeholders.ts';
import { placeholderValues } from '../../src/site.config.ts';

/**
 * Nothing secret of the trainer kit may reach the published site. After `npm run build`, every file under
 * dist/ (HTML, embedded JSON, JS bundles, the quick index, Pagefind's gzipped index) is scanned for: each
 * exam-pool question's explanation and answer check (the salted hash the first release shipped, which
 * gives the answer away in milliseconds), the private signing key, and the accept-phrase sets of the
 * rubrics of simulations that trainer-graded exams carry.
 */

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function textOf(path: string): string {
  const bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch {
      return bytes.toString('latin1');
    }
  }
  return bytes.toString('utf8');
}

const forms = (s: string) => [
  s,
  JSON.stringify(s).slice(1, -1),
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
];

/** Arrays of strings under keys that name accepted phrasings, anywhere in a simulation's data. */
function acceptSets(value: unknown, key = ''): string[][] {
  if (Array.isArray(value)) {
    if (/accept|phrasing/i.test(key) && value.length && value.every((v) => typeof v === 'string')) return [value];
    return value.flatMap((v) => acceptSets(v, key));
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => acceptSets(v, k));
  return [];
}

test('dist/ holds no answer key, explanation, rubric or key material of the trainer kit', () => {
  const parsed = parseTrainerKit(readFileSync(KIT_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(`${KIT_PATH}: ${parsed.reason}（先运行 npm run build）`);
  const kit = parsed.kit;
  // The format name 'kb-trainer-kit' is public (the dashboard recognises kits by it); the key is not.
  const needles: { what: string; any: string[] }[] = kit.signingKey?.jwk.d
    ? [{ what: 'private signing key', any: [kit.signingKey.jwk.d] }]
    : [];
  // Practice-pool questions a sealed exam also carries (e.g. a month's `extra`) are public by design.
  for (const q of kit.questions.filter((k) => k.pool === 'exam')) {
    if (q.explanation.length >= 6) needles.push({ what: `${q.id} explanation`, any: forms(q.explanation) });
    const sealed = sealAnswer(q);
    needles.push({ what: `${q.id} answer check`, any: [sealed.check] });
  }
  // Rubrics of the simulations a trainer-graded exam carries; practice simulations ship theirs on purpose,
  // so an accept list a practice rubric also has (["您好"], ["抱歉", …]) is public wording, not a leak.
  const sealedSims = new Set(kit.exams.flatMap((e) => e.simulationIds));
  const content = loadContent();
  const publicSets = new Set(
    loadSimulations('.', content)
      .simulations.filter((s) => s.data.pool === 'practice')
      .flatMap((s) => acceptSets(s.data).map((set) => JSON.stringify(set))),
  );
  const sealed = kit.simulations.filter((s) => sealedSims.has(s.id));
  const sets = sealed.flatMap((s) =>
    acceptSets(s.data)
      .filter((set) => !publicSets.has(JSON.stringify(set)))
      .map((set) => ({ id: s.id, set })),
  );
  // Model answers, known-bad replies and the reasons behind each choice key are the rest of a rubric; one
  // that quotes public wording (a prescribed script, a listed forbidden phrase) gives nothing away.
  const publicText = [...files('content'), ...files('quizzes/simulations')]
    .filter((p) => !p.includes('/exam-'))
    .map((p) => fillPlaceholders(readFileSync(p, 'utf8'), placeholderValues))
    .join('\n');
  for (const s of sealed) {
    for (const turn of s.data.turns) {
      const texts =
        'reply' in turn
          ? [turn.reply.model.text, ...turn.reply.bad.map((b) => b.text)]
          : 'choose' in turn
            ? [turn.choose.why]
            : [];
      for (const text of texts.filter((x) => x.length >= 10 && !publicText.includes(x)))
        needles.push({ what: `rubric ${s.id} ${turn.id}`, any: forms(text) });
    }
  }
  const hits: string[] = [];
  for (const path of files('dist')) {
    const text = textOf(path);
    for (const n of needles) if (n.any.some((s) => text.includes(s))) hits.push(`${path}: ${n.what}`);
    // A rubric leaks as data: its accept list shipped together (common words such as 您好 alone are page text).
    for (const { id, set } of sets)
      if (forms(JSON.stringify(set)).some((f) => text.includes(f)))
        hits.push(`${path}: rubric ${id} accept set ${JSON.stringify(set)}`);
  }
  expect(kit.questions.length + sets.length).toBeGreaterThan(0);
  // The scan really covers the sealed calls' rubrics (not only their common words).
  expect(needles.filter((n) => n.what.startsWith('rubric')).length + sets.length).toBeGreaterThan(sealed.length);
  const byKind = [...new Set(hits.map((h) => h.replace(/^[^:]+: /, '').replace(/^\S+ /, '')))].slice(0, 10);
  expect(hits.slice(0, 20), `${hits.length} leaks; kinds: ${byKind.join(' | ')}`).toEqual([]);
});
