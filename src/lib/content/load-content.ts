import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateContent } from './validate.ts';
import type { ContentReport, ContentSources, SourceFile } from './validate.ts';
import { collections } from './collections.ts';
import type { CollectionKey } from './collections.ts';

function readDir(dir: string, ext: RegExp): SourceFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => ext.test(n))
    .sort()
    .map((n) => ({ path: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }));
}

/** Every content file under `root`, by collection (Node only). */
export function readSources(root = '.'): ContentSources {
  const sources = { policies: [], scripts: [], phrases: [] } as ContentSources;
  for (const key of Object.keys(collections) as CollectionKey[]) {
    const spec = collections[key];
    sources[key] = readDir(join(root, spec.dir), spec.ext);
  }
  return sources;
}

/** Reads and validates the content tree under `root` (Node only: the check script, tests and benchmarks). */
export function loadContent(root = '.'): ContentReport {
  return validateContent(readSources(root));
}
