import { jsonOrUndefined } from '../../lib/json/parse-json.ts';
import { parseMisses, recordMiss } from '../../lib/search/missed-queries.ts';
import type { SearchMiss } from '../../lib/search/missed-queries.ts';
import { centerIso } from '../../lib/time/center-time.ts';

/** The palette's own keys: what an agent copied and pinned, and the queries that found nothing. */
const RECENT_KEY = 'kb.palette.recent';
const PINS_KEY = 'kb.palette.pins';
export const MISSES_KEY = 'kb.search-misses';
const MAX_RECENT = 6;

export interface PalettePrefs {
  recent: { url: string; text: string }[];
  pins: string[];
}

function read(key: string): unknown {
  try {
    return jsonOrUndefined(localStorage.getItem(key));
  } catch {
    return undefined; // storage disabled
  }
}

// Plain checks rather than a zod schema: this module is in the palette, on every page.
function isCopy(r: unknown): r is PalettePrefs['recent'][number] {
  return (
    typeof r === 'object' &&
    r !== null &&
    'url' in r &&
    typeof r.url === 'string' &&
    'text' in r &&
    typeof r.text === 'string'
  );
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the palette still works, it just forgets.
  }
}

export function loadPalettePrefs(): PalettePrefs {
  const recent = read(RECENT_KEY);
  const pins = read(PINS_KEY);
  return {
    recent: listOf(recent).filter(isCopy),
    pins: listOf(pins).filter((p): p is string => typeof p === 'string'),
  };
}

export function rememberCopy(url: string, text: string): void {
  const { recent } = loadPalettePrefs();
  write(RECENT_KEY, [{ url, text }, ...recent.filter((r) => r.url !== url || r.text !== text)].slice(0, MAX_RECENT));
}

/** Pins or unpins a script; returns whether it is pinned now. */
export function togglePin(url: string): boolean {
  const { pins } = loadPalettePrefs();
  const pinned = !pins.includes(url);
  write(PINS_KEY, pinned ? [...pins, url] : pins.filter((p) => p !== url));
  return pinned;
}

/** The misses kept on this device (scrubbed), for the progress export. */
export function loadMisses(): SearchMiss[] {
  return parseMisses(read(MISSES_KEY));
}

/** Keeps a missed query, scrubbed of digits, phone and ID numbers and names before it is stored. */
export function rememberMiss(query: string, reason: SearchMiss['reason']): void {
  const next = recordMiss(loadMisses(), query, reason, centerIso(new Date()));
  if (next) write(MISSES_KEY, next);
}
