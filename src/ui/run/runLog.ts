/** The run's event log shown in the dock's Log tab. */
export type RunLogKind = 'opened' | 'loaded' | 'play' | 'pause' | 'step' | 'reset' | 'speed' | 'seed' | 'finished' | 'error' | 'restart' | 'fault';

export interface RunLogEntry {
  /** Increasing id, a stable React key. */
  id: number;
  kind: RunLogKind;
  /** Simulated time when it happened, ms. */
  timeMs: number;
  text: string;
}

/** Bound on kept entries; the oldest go first. */
export const MAX_LOG_ENTRIES = 500;

export function appendLog(log: RunLogEntry[], kind: RunLogKind, timeMs: number, text: string): RunLogEntry[] {
  const id = (log.at(-1)?.id ?? 0) + 1;
  const next = log.concat({ id, kind, timeMs, text });
  return next.length > MAX_LOG_ENTRIES ? next.slice(next.length - MAX_LOG_ENTRIES) : next;
}

/**
 * The entry `id` at the time the worker says it happened. Pause and Step are logged when pressed, so they keep
 * their place among the person's actions, and get their time when the worker answers where the run stopped.
 */
export function settleLogTime(log: RunLogEntry[], id: number, timeMs: number): RunLogEntry[] {
  if (!log.some((e) => e.id === id && e.timeMs !== timeMs)) return log;
  return log.map((e) => (e.id === id ? { ...e, timeMs } : e));
}

/** The entry `id` with the worker's words for it (a load logged when asked for, described once done). */
export function reviseLogText(log: RunLogEntry[], id: number, text: string): RunLogEntry[] {
  if (!log.some((e) => e.id === id && e.text !== text)) return log;
  return log.map((e) => (e.id === id ? { ...e, text } : e));
}
