/**
 * Fault spans as the engine applies them (src/engine/faults/faultInjector.ts): the last fault of one type
 * on one target to start wins, and the END of any of them restores normal. So overlapping faults of one
 * type on one target make one span, from the first start to the first end after it. Pure; tested in Node.
 */

/** A fault as the audit reports it (`snapshot.audit.faults`): simulated ms; `endMs` null means until the end of the run. */
export interface FaultRecord { atMs: number; endMs: number | null; target: string; type: string }

/** One stretch of time during which `type` holds on `target`; `endMs` null: still on at the end. */
export interface FaultSpan { atMs: number; endMs: number | null; target: string; type: string; /** Faults merged into it. */ count: number }

/** Sweeps each (target, type)'s starts and ends in time order; at one instant ends come before starts. */
export function faultSpans(faults: readonly FaultRecord[]): FaultSpan[] {
  const groups = new Map<string, FaultRecord[]>();
  const instants = new Map<string, FaultSpan>();
  for (const f of faults) {
    // An instant fault (a poison burst ends where it starts) is an event, not a state: its own span, shared only
    // with those of its type on its target at the same instant.
    if (f.endMs === f.atMs) {
      const key = `${f.target}\u0000${f.type}\u0000${f.atMs}`;
      const same = instants.get(key);
      if (same) same.count++;
      else instants.set(key, { atMs: f.atMs, endMs: f.endMs, target: f.target, type: f.type, count: 1 });
      continue;
    }
    const key = `${f.target}\u0000${f.type}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const spans: FaultSpan[] = [...instants.values()];
  for (const list of groups.values()) {
    const events = list.flatMap((f) => [{ t: f.atMs, start: true }, ...(f.endMs === null ? [] : [{ t: f.endMs, start: false }])]);
    events.sort((a, b) => a.t - b.t || Number(a.start) - Number(b.start));
    let open: FaultSpan | null = null;
    for (const e of events) {
      if (e.start) {
        if (open) open.count++;
        else open = { atMs: e.t, endMs: null, target: list[0]!.target, type: list[0]!.type, count: 1 };
      } else if (open) {
        open.endMs = e.t;
        spans.push(open);
        open = null;
      }
    }
    if (open) spans.push(open);
  }
  return spans.sort((a, b) => a.atMs - b.atMs || a.target.localeCompare(b.target) || a.type.localeCompare(b.type));
}

/** Is `type` (default crash) on `target` at `nowMs`? */
export function faultActive(spans: readonly FaultSpan[], target: string, nowMs: number, type = 'crash'): boolean {
  return spans.some((s) => s.target === target && s.type === type && s.atMs <= nowMs && (s.endMs === null || s.endMs > nowMs));
}

/** Fault types in words, for marks and menus. */
export const FAULT_NAMES: Record<string, string> = {
  crash: 'crash', slow: 'slow', slowDisk: 'slow disk', poison: 'poison message', linkDelay: 'link delay', linkLoss: 'link loss', partition: 'partition', corrupt: 'corruption',
};

export const faultName = (type: string): string => FAULT_NAMES[type] ?? type;

/** Fault types in a word or two, for a chart too crowded for FAULT_NAMES (the full name is in the mark's title). */
const SHORT_FAULT_NAMES: Record<string, string> = {
  crash: 'crash', slow: 'slow', slowDisk: 'disk', poison: 'poison', linkDelay: 'delay', linkLoss: 'loss', partition: 'cut', corrupt: 'corrupt',
};

export const shortFaultName = (type: string): string => SHORT_FAULT_NAMES[type] ?? type;
