/**
 * Stored and exported formats of earlier releases, upgraded record by record to the current one.
 * Version 1 (the first release): attempts had no id, grading, status or simulations.
 */

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A first-release attempt gets a stable id derived from what made it unique then. */
export function migrateAttempt(value: unknown): unknown {
  if (!isRecord(value) || 'id' in value) return value;
  const learner = isRecord(value['learner']) ? value['learner'] : {};
  return {
    ...value,
    id: `v1:${String(learner['employeeId'])}:${String(value['examId'])}:${String(value['seed'])}:${String(value['startedAt'])}`,
    grading: 'instant',
    status: 'graded',
    simulations: [],
  };
}

/** A progress file of any known version, as the current version (checksum left as written). */
export function migrateProgressFile(value: unknown): unknown {
  if (!isRecord(value) || value['schemaVersion'] !== 1) return value;
  const attempts = Array.isArray(value['attempts']) ? value['attempts'].map(migrateAttempt) : value['attempts'];
  return { ...value, schemaVersion: 2, attempts };
}
