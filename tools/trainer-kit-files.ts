import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadContent } from '../src/lib/content/load-content.ts';
import { buildTrainerKit } from '../src/lib/grading/kit.ts';
import type { KitExamInput, PrivateKeyRecord, PublicKeyRecord, TrainerKit } from '../src/lib/grading/kit.ts';

/** Where the trainer kit lives and how it is built from the content tree (Node only). */

export const KIT_DIR = 'trainer-kit';
export const KIT_PATH = join(KIT_DIR, 'trainer-kit.json');
export const SIGNING_KEY_PATH = join(KIT_DIR, 'signing-key.json');
export const PUBLIC_KEY_PATH = join('src', 'trainer-public-key.json');

export function readPublicKeys(root = '.'): PublicKeyRecord[] {
  return (JSON.parse(readFileSync(join(root, PUBLIC_KEY_PATH), 'utf8')) as { keys: PublicKeyRecord[] }).keys;
}

export function readSigningKey(root = '.'): PrivateKeyRecord | undefined {
  const path = join(root, SIGNING_KEY_PATH);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PrivateKeyRecord) : undefined;
}

/** Raw data of quizzes/simulations/*.yaml, when that folder exists. */
function readSimulations(root: string): { id: string; data: unknown }[] {
  const dir = join(root, 'quizzes/simulations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => {
      const data = parse(readFileSync(join(dir, n), 'utf8')) as unknown;
      const id = (data as { id?: unknown } | null)?.id;
      return { id: typeof id === 'string' ? id : n.replace(/\.ya?ml$/, ''), data };
    });
}

export function buildKitFromContent(
  root = '.',
  builtAt = new Date().toISOString(),
): { kit: TrainerKit; errors: string[] } {
  const content = loadContent(root);
  const kit = buildTrainerKit({
    // The YAML may carry grading/pool/simulations (exam engine); older files fall back by kind.
    exams: content.exams.map((e) => e.data as unknown as KitExamInput),
    banks: content.banks.map((b) => b.data),
    simulations: readSimulations(root),
    builtAt,
  });
  return { kit, errors: content.errors };
}
