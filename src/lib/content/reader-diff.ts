import { previousVersion } from './git-history.ts';
import { diffPolicyBodies } from './policy-diff.ts';
import type { DiffParagraph } from './policy-diff.ts';

/** What a policy page shows under 本次修订改了什么 (Node only: computed at build time from git). */
export type ReaderDiff = { kind: 'diff'; from: string; paragraphs: DiffParagraph[] } | { kind: 'unavailable' };

export function readerDiff(root: string, policyId: string, version: string, body: string): ReaderDiff {
  const previous = previousVersion(root, `content/policies/${policyId}.mdx`, version);
  if (!previous) return { kind: 'unavailable' };
  return { kind: 'diff', from: previous.version, paragraphs: diffPolicyBodies(previous.body, body) };
}
