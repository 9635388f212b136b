/**
 * Where the run gets the current document from. Until the document store is wired in, the app
 * registers a provider; an unregistered source is an error value, not a crash.
 */
import type { Scenario } from '../../schema';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; error: { code: string; message: string } };

let provider: (() => Scenario) | null = null;

export function setScenarioProvider(next: (() => Scenario) | null): void {
  provider = next;
}

export function currentScenario(): ScenarioResult {
  if (!provider) return { ok: false, error: { code: 'no-document', message: 'There is no document to run yet.' } };
  try {
    return { ok: true, scenario: provider() };
  } catch (e) {
    return { ok: false, error: { code: 'document-unreadable', message: `The document could not be read: ${String(e)}` } };
  }
}
