import { parseScenarioText, type Scenario, type ScenarioError } from '../../schema';

export const AUTOSAVE_KEY = 'brokerlab.document';

/** The subset of Storage used here, so tests can pass a plain object. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type Restored =
  | { kind: 'none' }
  | { kind: 'restored'; scenario: Scenario }
  | { kind: 'corrupt'; errors: ScenarioError[] };

/** Reads the autosaved document through parseScenario; a corrupt entry is reported, never thrown. */
export function restoreAutosave(storage: KeyValueStore): Restored {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch (e) {
    return { kind: 'corrupt', errors: [{ code: 'storage', path: '', message: `the browser refused to read saved data: ${(e as Error).message}` }] };
  }
  if (text === null) return { kind: 'none' };
  const result = parseScenarioText(text);
  return result.ok ? { kind: 'restored', scenario: result.scenario } : { kind: 'corrupt', errors: result.errors };
}

/** Writes the document; returns an error sentence when the browser refuses (quota, privacy mode). */
export function writeAutosave(storage: KeyValueStore, scenario: Scenario): string | null {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(scenario));
    return null;
  } catch (e) {
    return `could not autosave the document: ${(e as Error).message}`;
  }
}

/** Calls `save` once things have been quiet for `delayMs`; `flush` saves a pending change at once. */
export function debounce<T>(save: (value: T) => void, delayMs: number): { push: (value: T) => void; flush: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending) save(pending.value);
    pending = undefined;
  };
  return {
    push: (value) => {
      pending = { value };
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
