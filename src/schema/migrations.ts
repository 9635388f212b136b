import { SCENARIO_VERSION } from './scenario';
import type { ScenarioError } from './errors';
import { migrateFaultOverlaps } from './faultOverlapMigration';

type Json = Record<string, unknown>;
type Migration = (doc: Json) => Json;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * migrations[n] turns a version-n document into version n+1.
 * Version 1 was the draft format used before the first release: edges carried `bindingKey` and
 * `delayMs` at their top level, and the run length was `durationSeconds`.
 * Version 2: overlapping faults of one type on one target followed "the last to start wins, the end of each restores
 * normal"; version 3 keeps each fault's state until its own end and has `heal` faults (faultOverlapMigration.ts).
 */
const migrations: Record<number, Migration> = {
  1: (doc) => {
    const { durationSeconds, ...rest } = doc;
    const edges = Array.isArray(doc.edges) ? doc.edges.map((edge) => {
      if (!isObject(edge)) return edge;
      const { bindingKey, delayMs, ...e } = edge;
      const config = { ...(isObject(e.config) ? e.config : {}), ...(bindingKey !== undefined ? { bindingKey } : {}), ...(delayMs !== undefined ? { delayMs } : {}) };
      return { ...e, config };
    }) : doc.edges;
    const durationMs = typeof durationSeconds === 'number' ? durationSeconds * 1000 : rest.durationMs;
    return { ...rest, version: 2, edges, ...(durationMs !== undefined ? { durationMs } : {}) };
  },
  2: (doc) => ({ ...doc, version: 3, ...(doc.faults !== undefined ? { faults: migrateFaultOverlaps(doc.faults) } : {}) }),
};

export type MigrationResult = { ok: true; doc: Json } | { ok: false; errors: ScenarioError[] };

/** Brings an older document up to SCENARIO_VERSION; refuses a newer or unknown version. */
export function migrate(input: unknown): MigrationResult {
  if (!isObject(input)) return { ok: false, errors: [{ code: 'invalid_type', path: '', message: 'a scenario must be a JSON object' }] };
  const version = input.version;
  if (version === undefined) return { ok: false, errors: [{ code: 'missing', path: 'version', message: `is required: the scenario format version (this Brokerlab reads versions 1 to ${SCENARIO_VERSION})` }] };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [{ code: 'bad_version', path: 'version', message: `must be a whole number from 1 to ${SCENARIO_VERSION}, got ${JSON.stringify(version)}` }] };
  }
  if (version > SCENARIO_VERSION) {
    return { ok: false, errors: [{ code: 'bad_version', path: 'version', message: `version ${version} is newer than this Brokerlab understands (up to ${SCENARIO_VERSION}); update Brokerlab to open it` }] };
  }
  let doc = input;
  for (let v = version; v < SCENARIO_VERSION; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, errors: [{ code: 'bad_version', path: 'version', message: `no migration from version ${v}` }] };
    doc = step(doc);
  }
  return { ok: true, doc };
}
