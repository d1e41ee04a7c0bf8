import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * Policy history from git (Node only: the content check and the build). Every function answers
 * `undefined` when there is no git or no history, so callers can fall back and say so.
 */

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 16e6 });
  } catch {
    return undefined;
  }
}

export function inGitRepo(root = '.'): boolean {
  return git(root, ['rev-parse', '--is-inside-work-tree'])?.trim() === 'true';
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Frontmatter version and body of a policy file's text. */
export function splitPolicy(text: string): { version: string | undefined; body: string } {
  const m = FRONTMATTER.exec(text);
  if (!m) return { version: undefined, body: text };
  let version: string | undefined;
  try {
    const data = parseYaml(m[1] ?? '', { version: '1.2' }) as { version?: unknown } | null;
    version = typeof data?.version === 'string' ? data.version : undefined;
  } catch {
    version = undefined;
  }
  return { version, body: m[2] ?? '' };
}

/** The file as last committed (HEAD), or undefined when it is new or there is no git. */
export function committedText(root: string, path: string): string | undefined {
  return git(root, ['show', `HEAD:./${path}`]);
}

/** Policy files (paths relative to root) that differ from HEAD in the working tree. */
export function changedFiles(root: string, dir: string): string[] | undefined {
  // Paths relative to root (which may sit below the repository's top), staged or not.
  const out = git(root, ['diff', '--name-only', '--relative', '--diff-filter=M', 'HEAD', '--', dir]);
  if (out === undefined) return undefined;
  return out.split('\n').filter(Boolean);
}

export interface PreviousVersion {
  version: string;
  body: string;
  commit: string;
}

/**
 * The text readers last had before the current version: the first committed state of the version that
 * preceded `currentVersion` (so every edit since that version was published shows, even edits committed
 * before the version number was raised).
 */
export function previousVersion(root: string, path: string, currentVersion: string): PreviousVersion | undefined {
  const log = git(root, ['log', '--format=%H', '--', path]);
  if (!log) return undefined;
  let found: PreviousVersion | undefined;
  for (const commit of log.split('\n').filter(Boolean)) {
    const text = git(root, ['show', `${commit}:./${path}`]);
    if (text === undefined) break;
    const { version, body } = splitPolicy(text);
    if (!version || version === currentVersion) {
      if (found) break;
      continue;
    }
    if (found && version !== found.version) break;
    found = { version, body, commit };
  }
  return found;
}

/** Policies edited in the working tree, with their committed bodies; undefined without git. */
export function workingTreePolicyChanges(
  root: string,
  dir = 'content/policies',
): { id: string; path: string; before: string; after: string }[] | undefined {
  if (!inGitRepo(root)) return undefined;
  const files = changedFiles(root, dir) ?? [];
  return files
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((path) => {
      const before = committedText(root, path);
      const after = readWorking(root, path);
      if (before === undefined || after === undefined) return [];
      const id = path.split('/').pop()!.replace(/\.mdx$/, '');
      return [{ id, path, before: splitPolicy(before).body, after: splitPolicy(after).body }];
    });
}

function readWorking(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}
