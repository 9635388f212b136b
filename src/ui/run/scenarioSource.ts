/**
 * Where the run gets the current document: UI-A's document store, read only, never written.
 * Reading it is wrapped so a failure becomes an error value, not a crash.
 */
import type { Scenario } from '../../schema';
import { getScenario } from '../document/documentStore';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; error: { code: string; message: string } };

export function currentScenario(): ScenarioResult {
  try {
    return { ok: true, scenario: getScenario() };
  } catch (e) {
    return { ok: false, error: { code: 'document-unreadable', message: `The document could not be read: ${String(e)}` } };
  }
}
