import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../src/lib/content/load-content.ts';
import { buildTrainerKit } from '../src/lib/grading/kit.ts';
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
