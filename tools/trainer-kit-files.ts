import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../src/lib/content/load-content.ts';
import { buildTrainerKit, parseTrainerKit } from '../src/lib/grading/kit.ts';
import { versionsOnlyIn } from '../src/lib/grading/kit-set.ts';
import type { TrainerKit } from '../src/lib/grading/kit.ts';
import type { PrivateKeyRecord, PublicKeyRecord } from '../src/lib/grading/key-records.ts';
import { loadSimulations } from '../src/lib/simulation/load.ts';
import { prepareSimulation } from '../src/lib/simulation/prepare.ts';
import { placeholderValues } from '../src/site.config.ts';

/** Where the trainer kit lives and how it is built from the content tree (Node only). */

export const KIT_DIR = 'trainer-kit';
export const KIT_PATH = join(KIT_DIR, 'trainer-kit.json');
/** Earlier kits a rebuild kept: they grade exam versions the current kit no longer has. */
export const EARLIER_KITS_DIR = join(KIT_DIR, 'earlier');
export const SIGNING_KEY_PATH = join(KIT_DIR, 'signing-key.json');
export const PUBLIC_KEY_PATH = join('src', 'trainer-public-key.json');

export function readPublicKeys(root = '.'): PublicKeyRecord[] {
  return (JSON.parse(readFileSync(join(root, PUBLIC_KEY_PATH), 'utf8')) as { keys: PublicKeyRecord[] }).keys;
}

export function readSigningKey(root = '.'): PrivateKeyRecord | undefined {
  const path = join(root, SIGNING_KEY_PATH);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PrivateKeyRecord) : undefined;
}

export function buildKitFromContent(
  root = '.',
  builtAt = new Date().toISOString(),
): { kit: TrainerKit; errors: string[] } {
  const content = loadContent(root);
  const sims = loadSimulations(root, content);
  const kit = buildTrainerKit({
    exams: content.exams.map((e) => e.data),
    banks: content.banks.map((b) => b.data),
    simulations: sims.simulations.map((s) => prepareSimulation(s.data, placeholderValues)),
    phrases: content.phrases.map((p) => p.data),
    builtAt,
  });
  return { kit, errors: [...content.errors, ...sims.errors] };
}

/**
 * Before a rebuild writes its kit: the previous kit moves to trainer-kit/earlier/ when it grades exam
 * versions the new one does not (an exam edited mid-window), or when it cannot be read here. A kit is
 * never lost to a rebuild, and an earlier copy is never overwritten. Returns what was done, for the log.
 */
export function keepEarlierKit(next: Pick<TrainerKit, 'exams'>, root = '.'): string | undefined {
  const path = join(root, KIT_PATH);
  if (!existsSync(path)) return undefined;
  const previous = parseTrainerKit(readFileSync(path, 'utf8'));
  const only = previous.ok ? versionsOnlyIn(previous.kit, next) : [];
  if (previous.ok && !only.length) return undefined;
  const stamp = previous.ok ? previous.kit.builtAt.replace(/[^0-9A-Za-z]/g, '-') : `unreadable-${Date.now()}`;
  mkdirSync(join(root, EARLIER_KITS_DIR), { recursive: true });
  let kept = join(EARLIER_KITS_DIR, `trainer-kit-${stamp}.json`);
  for (let n = 2; existsSync(join(root, kept)); n++) kept = join(EARLIER_KITS_DIR, `trainer-kit-${stamp}-${n}.json`);
  renameSync(path, join(root, kept));
  return previous.ok
    ? `较早的评分包已移到 ${kept}（它能评 ${only.join('、')} 的作答；评这些作答时把它和新评分包一起拖进看板）。`
    : `原评分包 ${KIT_PATH} 读不出来（${previous.reason}），已原样移到 ${kept}，没有覆盖。`;
}
