import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { parseJson } from '../json/parse-json.ts';
import { PROGRESS_SCHEMA_VERSION, issuePath, progressFileSchema } from './schema.ts';
import type { Acknowledgment, Attempt, Learner, ProgressFile, SearchMiss } from './schema.ts';
import { migrateProgressFile } from './migrate.ts';
import { centerDay, centerIso } from '../time/center-time.ts';
import { progressText as say, recordList } from '../../i18n/strings/progress-records.ts';

/**
 * Plain JSON data (what JSON.parse returns) whose object keys already come in sorted order at every level,
 * so JSON.stringify writes exactly what canonicalJson would. A parsed export is such data; anything else
 * (unsorted keys, undefined, Dates or other objects with toJSON, boxed values, class instances) is not.
 */
function isCanonicalData(value: unknown): boolean {
  return isJsonLeaf(value) || (typeof value === 'object' && value !== null && isCanonicalNode(value));
}

const isJsonLeaf = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

// Leaves are checked in the loops, not by a call each: a 500-file drop has about a million of them.
function isCanonicalNode(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (!isJsonLeaf(v) && !(typeof v === 'object' && v !== null && isCanonicalNode(v))) return false;
    }
    return true;
  }
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) return false;
    const v = record[keys[i]!];
    if (!isJsonLeaf(v) && !(typeof v === 'object' && v !== null && isCanonicalNode(v))) return false;
  }
  return true;
}

/** JSON with object keys sorted at every level: the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  // Fast path: a parsed export is already canonical, and JSON.stringify is native (a 500-file drop feels it).
  if (isCanonicalData(value)) return JSON.stringify(value);
  return canonicalSlow(value);
}

function canonicalSlow(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(record[key])}`;
    first = false;
  }
  return `${out}}`;
}

/** SHA-256 in hex, synchronously (building one export, deriving ids). */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The same digest by the platform (WebCrypto): native and off the main thread in browsers, so checking
 * 500 dropped files costs little; the same bytes give the same hex as sha256Hex.
 */
export async function digestHex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return bytesToHex(new Uint8Array(digest));
}

type ChecksummedPart = Pick<ProgressFile, 'schemaVersion' | 'learner' | 'attempts' | 'acknowledgments'>;

/** What the checksum covers: everything but exportedAt (and searchMisses) and the checksum itself. */
function checksummedText(file: ChecksummedPart): string {
  const { schemaVersion, learner, attempts, acknowledgments } = file;
  // Keys in sorted order (canonicalJson sorts anyway), so a parsed file takes canonicalJson's fast path.
  return canonicalJson({ acknowledgments, attempts, learner, schemaVersion });
}

export function progressChecksum(file: ChecksummedPart): string {
  return sha256Hex(checksummedText(file));
}

export const attemptKey = (a: Attempt) => a.id;
export const ackKey = (a: Acknowledgment) => `${a.policyId}|${a.version}`;

// Times are compared as instants: records may carry different offsets (UTC from the first release, +08:00 now).
const byTime = (a: Attempt, b: Attempt) =>
  Date.parse(a.startedAt) - Date.parse(b.startedAt) || attemptKey(a).localeCompare(attemptKey(b));
const ackByTime = (a: Acknowledgment, b: Acknowledgment) =>
  Date.parse(a.at) - Date.parse(b.at) || ackKey(a).localeCompare(ackKey(b));

/** The canonical export of one learner: their attempts and this browser's acknowledgments, ordered. */
export function buildProgressFile(
  learner: Learner,
  attempts: readonly Attempt[],
  acknowledgments: readonly Acknowledgment[],
  exportedAt: Date,
  searchMisses?: readonly SearchMiss[],
): ProgressFile {
  const own = attempts.filter((a) => a.learner.employeeId === learner.employeeId).sort(byTime);
  const acks = [...acknowledgments].sort(ackByTime);
  const body = {
    schemaVersion: PROGRESS_SCHEMA_VERSION,
    learner,
    attempts: own,
    acknowledgments: acks,
    ...(searchMisses?.length ? { searchMisses: [...searchMisses] } : {}),
  } as const;
  return { ...body, exportedAt: centerIso(exportedAt), checksum: progressChecksum(body) };
}

/** Pretty, key-sorted JSON: what the learner downloads. */
export function serializeProgress(file: ProgressFile): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(file)), null, 2)}\n`;
}

/** progress-E1001-2026-11-23.json (the center's day); anything unsafe in an id becomes "_". */
export function progressFileName(employeeId: string, date: Date, ext = 'json'): string {
  const safe = employeeId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || 'unknown';
  return `progress-${safe}-${centerDay(date)}.${ext}`;
}

export type ParsedProgress = { ok: true; file: ProgressFile; checksumOk: boolean } | { ok: false; reason: string };

/**
 * Reads an exported file: JSON, schema version, shape, then the checksum (reported, not fatal). All but the
 * digest runs before the first await, so a caller may start many reads and let their digests overlap.
 */
export async function parseProgressFile(text: string): Promise<ParsedProgress> {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, reason: say('file.notJson', { error: json.error }) };
  const value = json.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: say('file.notObject') };
  const version = (value as Record<string, unknown>)['schemaVersion'];
  if (version !== PROGRESS_SCHEMA_VERSION && version !== 1) {
    return {
      ok: false,
      reason: say('file.version', {
        version: JSON.stringify(version) ?? say('file.versionMissing'),
        need: PROGRESS_SCHEMA_VERSION,
      }),
    };
  }
  // The checksum covers the file as written, so a first-release file is checked before it is upgraded.
  const original = value as Pick<
    ProgressFile,
    'schemaVersion' | 'learner' | 'attempts' | 'acknowledgments' | 'checksum'
  >;
  const covered = checksummedText(original);
  const parsed = progressFileSchema.safeParse(migrateProgressFile(value));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => issuePath(i.path) || say('file.whole')))].slice(0, 3);
    return { ok: false, reason: say('file.fields', { fields: recordList(fields) }) };
  }
  return { ok: true, file: parsed.data, checksumOk: (await digestHex(covered)) === original.checksum };
}

/** Restores an export into what the browser holds: nothing lost, nothing twice. */
export function mergeProgress(
  local: { attempts: readonly Attempt[]; acknowledgments: readonly Acknowledgment[] },
  incoming: Pick<ProgressFile, 'attempts' | 'acknowledgments'>,
): { attempts: Attempt[]; acknowledgments: Acknowledgment[]; added: { attempts: number; acknowledgments: number } } {
  const attempts = new Map(local.attempts.map((a) => [attemptKey(a), a]));
  let addedAttempts = 0;
  for (const a of incoming.attempts) {
    if (!attempts.has(attemptKey(a))) {
      attempts.set(attemptKey(a), a);
      addedAttempts++;
    }
  }
  const acks = new Map(local.acknowledgments.map((a) => [ackKey(a), a]));
  let addedAcks = 0;
  for (const a of incoming.acknowledgments) {
    if (!acks.has(ackKey(a))) {
      acks.set(ackKey(a), a);
      addedAcks++;
    }
  }
  return {
    attempts: [...attempts.values()].sort(byTime),
    acknowledgments: [...acks.values()].sort(ackByTime),
    added: { attempts: addedAttempts, acknowledgments: addedAcks },
  };
}
