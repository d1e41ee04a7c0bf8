/** A list kept in localStorage whose unreadable contents are set aside, never overwritten. */
export interface Loaded<T> {
  items: T[];
  /** Set when the stored value could not be read; says where the original went. */
  problem?: string;
  /** True when the original could not be set aside either: saving would destroy it. */
  locked?: boolean;
}

import type { ParsedList } from '../lib/progress/schema.ts';

export type Parse<T> = (raw: string | null) => ParsedList<T>;

export function loadList<T>(key: string, parse: Parse<T>, storage: Storage = localStorage): Loaded<T> {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { items: [], problem: '浏览器存储不可用', locked: true };
  }
  const parsed = parse(raw);
  if (parsed.ok) return { items: parsed.value };
  const asideKey = `${key}.corrupt.${Date.now()}`;
  try {
    storage.setItem(asideKey, raw ?? '');
    storage.removeItem(key);
  } catch {
    return { items: [], problem: `${parsed.reason}；且无法备份，原记录保持不动`, locked: true };
  }
  return { items: [], problem: `${parsed.reason}，原记录已另存为 ${asideKey}` };
}

export type Saved = { ok: true } | { ok: false; reason: string };

/** Writes the list; a full quota or disabled storage is reported, not swallowed. */
export function saveList<T>(key: string, items: readonly T[], storage: Storage = localStorage): Saved {
  try {
    storage.setItem(key, JSON.stringify(items));
    return { ok: true };
  } catch (e) {
    const quota = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
    return { ok: false, reason: quota ? '浏览器存储空间已满' : '浏览器存储不可用' };
  }
}
