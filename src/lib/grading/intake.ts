import { parseProgressFile } from '../progress/export.ts';
import type { Acknowledgment, Attempt, SearchMiss } from '../progress/schema.ts';
import { idChanges, lookAlikeGroups, normaliseEmployeeId } from './identity.ts';
import { gradingText as say, listText } from '../../i18n/strings/grading-reasons.ts';

/**
 * Learners' files as the dashboard receives them, merged so that the order of files never matters:
 * attempts are kept by id, and every distinct version of an attempt is kept (a conflict), never
 * "the first one wins". Everything derived from it is sorted.
 */

export interface Intake {
  /** Normalised employee id → attempt id → canonical JSON → attempt. */
  /** Normalised employee id → attempt id → every copy received (deduplicated by content when merged). */
  attempts: Map<string, Map<string, Attempt[]>>;
  /** Normalised employee id → names and raw ids seen (for flags), acknowledgments. */
  names: Map<string, Set<string>>;
  rawIds: Map<string, Set<string>>;
  acks: Map<string, Map<string, Acknowledgment>>;
  /** Normalised id → files whose checksum did not match (reported on the learner, by content not name). */
  badChecksum: Map<string, number>;
  files: Set<string>;
  rejected: { file: string; reason: string }[];
  /** Each file's missed quick-search queries (for the most-missed panel), as read with the file. */
  searchMisses: SearchMiss[][];
}

export function emptyIntake(): Intake {
  return {
    attempts: new Map(),
    names: new Map(),
    rawIds: new Map(),
    acks: new Map(),
    badChecksum: new Map(),
    files: new Set(),
    rejected: [],
    searchMisses: [],
  };
}

function bucket<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** Normalises the learner of an attempt so the same person is one key, whatever was typed. */
function normaliseAttempt(a: Attempt): Attempt {
  const employeeId = normaliseEmployeeId(a.learner.employeeId);
  const name = a.learner.name.normalize('NFKC').trim();
  return employeeId === a.learner.employeeId && name === a.learner.name ? a : { ...a, learner: { employeeId, name } };
}

/**
 * The content of an attempt as one string, equal for equal content: schema-parsed objects keep the
 * schema's key order, so only the responses record needs its keys sorted (cheaper than canonicalJson
 * of the whole attempt, which a 10,000-attempt drop feels).
 */
function fingerprint(a: Attempt): string {
  const responses: Record<string, unknown> = {};
  for (const k of Object.keys(a.responses).sort()) responses[k] = a.responses[k];
  return JSON.stringify({ ...a, responses });
}

/** Copies of one attempt, one per distinct content, in content order (so load order never matters). */
function distinctVersions(copies: readonly Attempt[]): Attempt[] {
  // Almost every attempt arrives once: only repeated ids pay for a fingerprint.
  if (copies.length === 1) return [copies[0]!];
  const byContent = new Map(copies.map((a) => [fingerprint(a), a]));
  return [...byContent.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
}

/**
 * Adds one learner's exported JSON. A file that cannot be read is listed with its reason; nothing else is lost.
 * Files may be added concurrently (their checksums are digested in parallel): the merge never depends on order.
 */
export async function addProgressText(intake: Intake, file: string, text: string): Promise<void> {
  intake.files.add(file);
  const parsed = await parseProgressFile(text);
  if (!parsed.ok) {
    intake.rejected.push({ file, reason: parsed.reason });
    return;
  }
  const fileId = normaliseEmployeeId(parsed.file.learner.employeeId);
  bucket(intake.rawIds, fileId, () => new Set()).add(parsed.file.learner.employeeId);
  bucket(intake.names, fileId, () => new Set()).add(parsed.file.learner.name.normalize('NFKC').trim());
  if (!parsed.checksumOk) intake.badChecksum.set(fileId, (intake.badChecksum.get(fileId) ?? 0) + 1);
  if (parsed.file.searchMisses?.length) intake.searchMisses.push(parsed.file.searchMisses);
  for (const raw of parsed.file.attempts) {
    const a = normaliseAttempt(raw);
    const id = a.learner.employeeId;
    bucket(intake.rawIds, id, () => new Set<string>()).add(raw.learner.employeeId);
    bucket(intake.names, id, () => new Set<string>()).add(a.learner.name);
    bucket(
      bucket(intake.attempts, id, () => new Map<string, Attempt[]>()),
      a.id,
      (): Attempt[] => [],
    ).push(a);
  }
  const acks = bucket(intake.acks, fileId, () => new Map<string, Acknowledgment>());
  for (const ack of parsed.file.acknowledgments) {
    const key = `${ack.policyId}|${ack.version}`;
    const prev = acks.get(key);
    // The earliest acknowledgment of a version is the one that counts, whichever file brought it.
    if (!prev || ack.at < prev.at) acks.set(key, ack);
  }
}

export interface LearnerFlag {
  code: 'normalised-id' | 'look-alike' | 'names-differ' | 'checksum';
  message: string;
}

export interface MergedLearner {
  employeeId: string;
  /** The name shown: the first in sorting order when files disagree (flagged). */
  name: string;
  flags: LearnerFlag[];
  /** One entry per attempt id: one version, or several (a conflict). */
  attempts: { id: string; versions: Attempt[] }[];
  acknowledgments: Acknowledgment[];
}

/** Learners, sorted by id, with their flags; the same whatever order the files came in. */
export function mergedLearners(intake: Intake): MergedLearner[] {
  const ids = new Set([...intake.attempts.keys(), ...intake.names.keys()]);
  const alike = new Map<string, string[]>();
  for (const group of lookAlikeGroups(ids))
    for (const id of group)
      alike.set(
        id,
        group.filter((g) => g !== id),
      );
  return [...ids].sort().map((employeeId) => {
    const flags: LearnerFlag[] = [];
    const raws = [...(intake.rawIds.get(employeeId) ?? [])].filter((r) => r !== employeeId).sort();
    if (raws.length) {
      const what = listText([...new Set(raws.flatMap(idChanges))]);
      flags.push({
        code: 'normalised-id',
        message: say('flag.normalisedId', {
          raws: listText(raws.map((r) => JSON.stringify(r))),
          what,
          id: employeeId,
        }),
      });
    }
    const others = alike.get(employeeId);
    if (others?.length)
      flags.push({ code: 'look-alike', message: say('flag.lookAlike', { others: listText(others) }) });
    const names = [...(intake.names.get(employeeId) ?? [])].sort();
    if (names.length > 1)
      flags.push({ code: 'names-differ', message: say('flag.namesDiffer', { names: names.join(' / ') }) });
    const bad = intake.badChecksum.get(employeeId);
    if (bad)
      flags.push({
        code: 'checksum',
        message: say('flag.checksum', { n: bad }),
      });
    const byId = intake.attempts.get(employeeId) ?? new Map<string, Attempt[]>();
    const attempts = [...byId.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, copies]) => ({ id, versions: distinctVersions(copies) }));
    const acknowledgments = [...(intake.acks.get(employeeId)?.values() ?? [])].sort(
      (a, b) => a.policyId.localeCompare(b.policyId) || a.version.localeCompare(b.version),
    );
    return { employeeId, name: names[0] ?? employeeId, flags, attempts, acknowledgments };
  });
}
