import { createSimulation, type EngineError, type Snapshot } from '../engine';
import type { Scenario } from '../schema';

export interface RunOptions {
  seed?: number;
  untilMs?: number;
  /** Keep the delivery-guarantee audit (default true; it remembers every message id). */
  audit?: boolean;
}

export type RunOutcome = { ok: true; snapshot: Snapshot } | { ok: false; error: EngineError };

/** Runs a parsed scenario to `untilMs` (default: its duration) without chart sampling, and takes the snapshot. */
export function runScenario(scenario: Scenario, options: RunOptions): RunOutcome {
  const simulation = createSimulation(scenario, { sampling: false, audit: options.audit ?? true, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const result = simulation.runUntil(options.untilMs ?? scenario.durationMs);
  if (result.error) return { ok: false, error: result.error };
  return { ok: true, snapshot: simulation.snapshot() };
}
