import { categoryIds } from '../content/schema.ts';
import type { CategoryId, PolicyData } from '../content/schema.ts';

/** The part of a collection entry the catalog needs; Astro entries satisfy it. */
export interface PolicyEntry {
  id: string;
  data: PolicyData;
}

/** Category order first, then each policy's `order`, then id for a stable tie-break. */
export function sortPolicies<T extends PolicyEntry>(policies: readonly T[]): T[] {
  return [...policies].sort(
    (a, b) =>
      categoryIds.indexOf(a.data.category) - categoryIds.indexOf(b.data.category) ||
      a.data.order - b.data.order ||
      a.id.localeCompare(b.id),
  );
}

export function groupByCategory<T extends PolicyEntry>(
  policies: readonly T[],
): { category: CategoryId; policies: T[] }[] {
  const sorted = sortPolicies(policies);
  return categoryIds
    .map((category) => ({ category, policies: sorted.filter((p) => p.data.category === category) }))
    .filter((group) => group.policies.length > 0);
}

/** Neighbours within the same category, for previous/next links. */
export function neighbours<T extends PolicyEntry>(
  policies: readonly T[],
  id: string,
): { prev: T | undefined; next: T | undefined } {
  const current = policies.find((p) => p.id === id);
  if (!current) return { prev: undefined, next: undefined };
  const siblings = sortPolicies(policies.filter((p) => p.data.category === current.data.category));
  const i = siblings.findIndex((p) => p.id === id);
  return { prev: siblings[i - 1], next: siblings[i + 1] };
}

export interface ChangeNotice {
  policyId: string;
  title: string;
  category: CategoryId;
  date: Date;
  version: string;
  summary: string;
  mustRead: boolean;
  /** True for the entry that is the policy's current version. */
  current: boolean;
  /** The policy has an earlier version, so its page shows what changed (#what-changed). */
  hasPrevious: boolean;
}

/** Every change entry of every policy, newest first: the 最新通告 page and the RSS feed. */
export function changeNotices(policies: readonly PolicyEntry[]): ChangeNotice[] {
  return policies
    .flatMap((p) =>
      p.data.changes.map((c) => ({
        policyId: p.id,
        title: p.data.title,
        category: p.data.category,
        date: c.date,
        version: c.version,
        summary: c.summary,
        mustRead: p.data.mustRead,
        current: c.version === p.data.version,
        hasPrevious: p.data.changes.length > 1,
      })),
    )
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.policyId.localeCompare(b.policyId));
}

export interface MustReadItem {
  policyId: string;
  title: string;
  version: string;
  updated: Date;
  summary: string;
}

/** Must-read policies at their current version, most recently updated first. */
export function mustReadItems(policies: readonly PolicyEntry[]): MustReadItem[] {
  return policies
    .filter((p) => p.data.mustRead)
    .map((p) => ({
      policyId: p.id,
      title: p.data.title,
      version: p.data.version,
      updated: p.data.updated,
      summary: p.data.changes[0]?.summary ?? p.data.summary,
    }))
    .sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.policyId.localeCompare(b.policyId));
}
