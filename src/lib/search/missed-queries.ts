import type { SearchMiss } from '../progress/schema.ts';
import { isEmptyAfterScrub, scrubQuery } from './scrub.ts';

/**
 * Queries agents typed that found nothing, or that ended without a copy: kept on the device (already
 * scrubbed of customer data), exported with the progress file, and summed up for trainers so they add
 * keywords to the content.
 */
export type { SearchMiss };

/** The newest this many are kept on a device. */
export const MAX_MISSES = 200;

/** A miss to keep, or undefined when the query is empty once scrubbed. */
export function recordMiss(
  list: readonly SearchMiss[],
  raw: string,
  reason: SearchMiss['reason'],
  at: string,
): SearchMiss[] | undefined {
  const query = scrubQuery(raw);
  if (isEmptyAfterScrub(query)) return undefined;
  const last = list[list.length - 1];
  // Typing on after a miss refines the same search: keep only the longer one.
  if (last && last.reason === reason && (query.startsWith(last.query) || last.query.startsWith(query))) {
    const longer = query.length >= last.query.length ? query : last.query;
    return [...list.slice(0, -1), { query: longer, reason, at }];
  }
  return [...list, { query, reason, at }].slice(-MAX_MISSES);
}

/**
 * The shape of progress/schema.ts's searchMissSchema, checked by hand: the palette runs on every page
 * and must not pull zod into every page's JavaScript (the export validates with the schema itself).
 */
function isMiss(item: unknown): item is SearchMiss {
  if (typeof item !== 'object' || item === null) return false;
  const m = item as Record<string, unknown>;
  return (
    typeof m['query'] === 'string' &&
    m['query'].length >= 1 &&
    m['query'].length <= 40 &&
    (m['reason'] === 'none' || m['reason'] === 'no-copy') &&
    typeof m['at'] === 'string' &&
    !Number.isNaN(Date.parse(m['at']))
  );
}

/** Reads a stored list: bad records are dropped one by one, never the list. */
export function parseMisses(raw: unknown): SearchMiss[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    if (!isMiss(item)) return [];
    // Re-scrub on read: a record written by hand or an older build may still hold data.
    const query = scrubQuery(item.query);
    return isEmptyAfterScrub(query) ? [] : [{ query, reason: item.reason, at: item.at }];
  });
}

export interface MissedQueryRow {
  query: string;
  /** How many times, across every file. */
  count: number;
  /** How many people (files) missed it. */
  people: number;
  none: number;
  noCopy: number;
  lastAt: string;
}

function key(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The most-missed queries across learners' exports, most people first, then most often. */
export function aggregateMisses(files: readonly { misses: readonly SearchMiss[] }[], top = 20): MissedQueryRow[] {
  const rows = new Map<string, MissedQueryRow & { who: Set<number> }>();
  files.forEach((file, person) => {
    for (const m of parseMisses(file.misses)) {
      const k = key(m.query);
      const row = rows.get(k) ?? {
        query: m.query,
        count: 0,
        people: 0,
        none: 0,
        noCopy: 0,
        lastAt: m.at,
        who: new Set<number>(),
      };
      row.count++;
      row.who.add(person);
      row.people = row.who.size;
      if (m.reason === 'none') row.none++;
      else row.noCopy++;
      if (m.at > row.lastAt) row.lastAt = m.at;
      rows.set(k, row);
    }
  });
  return [...rows.values()]
    .sort((a, b) => b.people - a.people || b.count - a.count || a.query.localeCompare(b.query, 'zh-CN'))
    .slice(0, top)
    .map((row) => ({
      query: row.query,
      count: row.count,
      people: row.people,
      none: row.none,
      noCopy: row.noCopy,
      lastAt: row.lastAt,
    }));
}
