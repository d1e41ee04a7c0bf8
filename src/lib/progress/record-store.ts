import { parseJson } from '../json/parse-json.ts';
import { acknowledgmentSchema, attemptSchema, issuePath } from './schema.ts';
import type { Acknowledgment, Attempt } from './schema.ts';
import { migrateAttempt } from './migrate.ts';
import { practiceRecordSchema } from './practice.ts';
import type { PracticeRecord } from './practice.ts';
import { progressText as say, recordList } from '../../i18n/strings/progress-records.ts';

/**
 * How this browser keeps progress: one localStorage key per record, so two tabs writing different
 * records can never overwrite each other, a bad record is set aside alone, and an action that writes
 * several records either writes all of them or none (see src/client/local-store.ts).
 *
 * Store formats:
 * - 1 (first release): one JSON array per list under `kb.attempts.v1` / `kb.acknowledgments.v1`; an
 *   unreadable list was moved whole to `<key>.corrupt.<time>`.
 * - 2 (now): `kb.attempt.<id>`, `kb.ack.<policyId>@<version>`, `kb.practice.<topic>`, each holding
 *   `{"format":2,"record":{…}}`. Format-1 lists are read record by record and rewritten as format 2.
 */
export const STORE_FORMAT = 2;

export const RECORD_PREFIX = { attempt: 'kb.attempt.', ack: 'kb.ack.', practice: 'kb.practice.' } as const;
export type RecordKind = keyof typeof RECORD_PREFIX;

/** Format-1 lists and the prefix of what the first release set aside. */
export const LEGACY_LISTS = { attempt: 'kb.attempts.v1', ack: 'kb.acknowledgments.v1' } as const;
type LegacyKind = keyof typeof LEGACY_LISTS;

const LABEL: Record<RecordKind, string> = {
  attempt: say('record.attempt'),
  ack: say('record.ack'),
  practice: say('record.practice'),
};

export interface Entry {
  key: string;
  raw: string;
}

export interface AsideItem {
  /** The storage key holding it. */
  key: string;
  kind: RecordKind;
  /** Why it was set aside, in Chinese, naming the field. */
  reason: string;
  /** The stored text as found: what "download" saves. */
  raw: string;
  /** A whole first-release list (set aside by that release): restoring splits it record by record. */
  wholeList: boolean;
}

export interface ProgressRead {
  attempts: Attempt[];
  acks: Acknowledgment[];
  practice: PracticeRecord[];
  aside: AsideItem[];
  /** Format-1 lists present: the next write moves them to format 2. */
  legacy: string[];
}

/** `fields`: the invalid fields, listed, when the record parsed but did not fit its schema. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; fields?: string };

function check<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } };
  },
  value: unknown,
  label: string,
): Checked<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = [...new Set(parsed.error.issues.map((i) => issuePath(i.path) || say('record.whole')))].slice(0, 3);
  return {
    ok: false,
    reason: say('record.badFields', { label, fields: recordList(fields) }),
    fields: recordList(fields),
  };
}

/** Validates one record of a kind, upgrading earlier shapes first. */
export function checkRecord(kind: 'attempt', value: unknown): Checked<Attempt>;
export function checkRecord(kind: 'ack', value: unknown): Checked<Acknowledgment>;
export function checkRecord(kind: 'practice', value: unknown): Checked<PracticeRecord>;
export function checkRecord(kind: RecordKind, value: unknown): Checked<Attempt | Acknowledgment | PracticeRecord>;
export function checkRecord(kind: RecordKind, value: unknown): Checked<Attempt | Acknowledgment | PracticeRecord> {
  if (kind === 'attempt') return check(attemptSchema, migrateAttempt(value), LABEL.attempt);
  if (kind === 'ack') return check(acknowledgmentSchema, value, LABEL.ack);
  return check(practiceRecordSchema, value, LABEL.practice);
}

const safeKeyPart = (s: string) => encodeURIComponent(s).slice(0, 200);

/** The storage key of a valid record. */
export function recordKey(kind: 'attempt', record: Attempt): string;
export function recordKey(kind: 'ack', record: Acknowledgment): string;
export function recordKey(kind: 'practice', record: PracticeRecord): string;
export function recordKey(kind: RecordKind, record: Attempt | Acknowledgment | PracticeRecord): string {
  if (kind === 'attempt') return RECORD_PREFIX.attempt + safeKeyPart((record as Attempt).id);
  if (kind === 'ack') {
    const a = record as Acknowledgment;
    return `${RECORD_PREFIX.ack}${safeKeyPart(a.policyId)}@${safeKeyPart(a.version)}`;
  }
  return RECORD_PREFIX.practice + safeKeyPart((record as PracticeRecord).topic);
}

export function encodeRecord(record: unknown): string {
  return JSON.stringify({ format: STORE_FORMAT, record });
}

function kindOfKey(key: string): RecordKind | undefined {
  return (Object.keys(RECORD_PREFIX) as RecordKind[]).find((k) => key.startsWith(RECORD_PREFIX[k]));
}

function legacyKindOf(key: string): { kind: LegacyKind; aside: boolean } | undefined {
  for (const kind of Object.keys(LEGACY_LISTS) as LegacyKind[]) {
    if (key === LEGACY_LISTS[kind]) return { kind, aside: false };
    if (key.startsWith(`${LEGACY_LISTS[kind]}.corrupt.`)) return { kind, aside: true };
  }
  return undefined;
}

/** One format-2 value: the record inside, or why it cannot be used. */
export function decodeRecord(kind: RecordKind, raw: string): Checked<unknown> {
  const json = parseJson(raw);
  if (!json.ok) return { ok: false, reason: say('record.notJson', { label: LABEL[kind] }) };
  const envelope = json.value;
  if (!envelope || typeof envelope !== 'object' || !('record' in envelope))
    return { ok: false, reason: say('record.noEnvelope', { label: LABEL[kind] }) };
  const format = 'format' in envelope ? envelope.format : undefined;
  if (typeof format === 'number' && format > STORE_FORMAT)
    return { ok: false, reason: say('record.newer', { label: LABEL[kind], format }) };
  return checkRecord(kind, envelope.record);
}

/** A first-release list: its items one by one (valid ones and, alone, the bad ones). */
export function splitLegacyList(
  kind: LegacyKind,
  raw: string,
): Checked<{ good: (Attempt | Acknowledgment)[]; bad: { raw: string; reason: string }[] }> {
  const json = parseJson(raw);
  if (!json.ok) return { ok: false, reason: say('record.listNotJson', { label: LABEL[kind] }) };
  if (!Array.isArray(json.value)) return { ok: false, reason: say('record.listNotArray', { label: LABEL[kind] }) };
  const value: unknown[] = json.value;
  const good: (Attempt | Acknowledgment)[] = [];
  const bad: { raw: string; reason: string }[] = [];
  value.forEach((item, i) => {
    const checked = checkRecord(kind, item);
    if (checked.ok) good.push(checked.value as Attempt | Acknowledgment);
    else
      bad.push({
        raw: JSON.stringify(item) ?? 'null',
        reason: checked.fields
          ? say('record.badFieldsAt', { label: LABEL[kind], n: i + 1, fields: checked.fields })
          : checked.reason,
      });
  });
  return { ok: true, value: { good, bad } };
}

/** Everything this browser keeps, each record validated on its own. Reading never writes. */
export function readProgress(entries: readonly Entry[]): ProgressRead {
  const attempts = new Map<string, Attempt>();
  const acks = new Map<string, Acknowledgment>();
  const practice: PracticeRecord[] = [];
  const aside: AsideItem[] = [];
  const legacy: string[] = [];
  const add = (kind: RecordKind, record: unknown) => {
    if (kind === 'attempt') attempts.set((record as Attempt).id, record as Attempt);
    else if (kind === 'ack') acks.set(recordKey('ack', record as Acknowledgment), record as Acknowledgment);
    else practice.push(record as PracticeRecord);
  };
  // Format-1 lists first, so a format-2 record of the same id wins.
  for (const { key, raw } of entries) {
    const old = legacyKindOf(key);
    if (!old) continue;
    if (old.aside) {
      aside.push({
        key,
        kind: old.kind,
        reason: say('record.listAside', { label: LABEL[old.kind] }),
        raw,
        wholeList: true,
      });
      continue;
    }
    legacy.push(key);
    const split = splitLegacyList(old.kind, raw);
    if (!split.ok) {
      aside.push({ key, kind: old.kind, reason: split.reason, raw, wholeList: true });
      continue;
    }
    for (const r of split.value.good) add(old.kind, r);
    split.value.bad.forEach((b) => aside.push({ key, kind: old.kind, reason: b.reason, raw: b.raw, wholeList: false }));
  }
  for (const { key, raw } of entries) {
    const kind = kindOfKey(key);
    if (!kind) continue;
    const decoded = decodeRecord(kind, raw);
    if (decoded.ok) add(kind, decoded.value);
    else aside.push({ key, kind, reason: decoded.reason, raw, wholeList: false });
  }
  const byTime = (a: { at: string } | { finishedAt: string }, b: typeof a) =>
    Date.parse('at' in a ? a.at : a.finishedAt) - Date.parse('at' in b ? b.at : b.finishedAt);
  return {
    attempts: [...attempts.values()].sort(byTime),
    acks: [...acks.values()].sort(byTime),
    practice,
    aside,
    legacy,
  };
}

/** What one action writes: keys to set and keys to remove, applied all or nothing. */
export interface WritePlan {
  set: [key: string, value: string][];
  remove: string[];
}

/** Moves format-1 lists to format 2: every good record to its own key, every bad one set aside alone. */
export function planLegacyMigration(entries: readonly Entry[]): WritePlan {
  const plan: WritePlan = { set: [], remove: [] };
  const present = new Set(entries.map((e) => e.key));
  for (const { key, raw } of entries) {
    const old = legacyKindOf(key);
    if (!old || old.aside) continue;
    const split = splitLegacyList(old.kind, raw);
    if (!split.ok) continue; // an unreadable list stays where it is, listed as set aside
    for (const r of split.value.good) {
      const k = old.kind === 'attempt' ? recordKey('attempt', r as Attempt) : recordKey('ack', r as Acknowledgment);
      if (!present.has(k)) plan.set.push([k, encodeRecord(r)]);
    }
    split.value.bad.forEach((b, i) =>
      plan.set.push([`${RECORD_PREFIX[old.kind]}aside.${Date.now()}.${i}`, encodeRecord(JSON.parse(b.raw))]),
    );
    plan.remove.push(key);
  }
  return plan;
}

/**
 * Restoring a set-aside item: a single record is written back once it validates (after migration);
 * a whole first-release list is split so its good records come back and each bad one stays aside alone.
 */
export function planRestore(item: AsideItem, now: number): Checked<WritePlan & { restored: number }> {
  if (item.wholeList) {
    const split = splitLegacyList(item.kind as LegacyKind, item.raw);
    if (!split.ok) return split;
    const set: [string, string][] = split.value.good.map((r) => [
      item.kind === 'attempt' ? recordKey('attempt', r as Attempt) : recordKey('ack', r as Acknowledgment),
      encodeRecord(r),
    ]);
    split.value.bad.forEach((b, i) =>
      set.push([`${RECORD_PREFIX[item.kind]}aside.${now}.${i}`, encodeRecord(JSON.parse(b.raw))]),
    );
    return { ok: true, value: { set, remove: [item.key], restored: split.value.good.length } };
  }
  const json = parseJson(item.raw);
  if (!json.ok) return { ok: false, reason: item.reason };
  const value = json.value;
  const inner = value && typeof value === 'object' && 'record' in value ? value.record : value;
  const checked = checkRecord(item.kind, inner);
  if (!checked.ok) return checked;
  const key =
    item.kind === 'attempt'
      ? recordKey('attempt', checked.value as Attempt)
      : item.kind === 'ack'
        ? recordKey('ack', checked.value as Acknowledgment)
        : recordKey('practice', checked.value as PracticeRecord);
  // A bad item inside a format-1 list leaves that list when the migration runs; here it only gains its key.
  const remove = item.key === key || legacyKindOf(item.key) ? [] : [item.key];
  return { ok: true, value: { set: [[key, encodeRecord(checked.value)]], remove, restored: 1 } };
}

/** Whether a storage key belongs to progress (what a tab listens to and what a snapshot reads). */
export function isProgressKey(key: string): boolean {
  return kindOfKey(key) !== undefined || legacyKindOf(key) !== undefined;
}

export interface ImportPlan extends WritePlan {
  /** New records the file brings (already present ones are skipped). */
  attempts: number;
  acks: number;
}

/** What importing an export writes: every record not yet here, each under its own key. */
export function planImport(
  current: Pick<ProgressRead, 'attempts' | 'acks'>,
  incoming: { attempts: readonly Attempt[]; acknowledgments: readonly Acknowledgment[] },
): ImportPlan {
  const haveAttempts = new Set(current.attempts.map((a) => a.id));
  const haveAcks = new Set(current.acks.map((a) => recordKey('ack', a)));
  const set: [string, string][] = [];
  let attempts = 0;
  let acks = 0;
  for (const a of incoming.attempts) {
    if (haveAttempts.has(a.id)) continue;
    haveAttempts.add(a.id);
    set.push([recordKey('attempt', a), encodeRecord(a)]);
    attempts++;
  }
  for (const a of incoming.acknowledgments) {
    const key = recordKey('ack', a);
    if (haveAcks.has(key)) continue;
    haveAcks.add(key);
    set.push([key, encodeRecord(a)]);
    acks++;
  }
  return { set, remove: [], attempts, acks };
}
