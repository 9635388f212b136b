/**
 * Fault spans as the engine applies them (src/engine/faults/faultInjector.ts): each fault of a type on a target is
 * active from its start to its own end, and a heal of that type (`restart` for a crash) ends all of them at once. So
 * faults of one type on one target that overlap or meet make one span: their union, from the first start to the last
 * end, or to a heal. Pure; tested in Node.
 */

/**
 * A fault as the audit reports it (`snapshot.audit.faults`, engine `AuditFault`): simulated ms; `endMs` null means until
 * the end of the run; `live`: triggered live in the app. A heal's real end (`healedAtMs`) is not read here: the sweep
 * finds it from the heal itself.
 */
export interface FaultRecord { atMs: number; endMs: number | null; target: string; type: string; /** A heal's: the type it ends. */ of?: string; live?: boolean }

/**
 * One stretch of time during which `type` holds on `target`; `endMs` null: still on at the end. `healed`: a heal ended it
 * (one at its start: it lasted 0 ms, which an instant such as a poison burst is not).
 */
export interface FaultSpan { atMs: number; endMs: number | null; target: string; type: string; /** Faults merged into it. */ count: number; healed?: true }

interface SpanEvent { t: number; rank: number; order: number; kind: 'start' | 'heal' | 'end'; record: FaultRecord }

/**
 * Where an event runs among those of its instant, as in the engine (PRIORITY in engine/model/context.ts): the starts
 * (and heals) of scheduled faults (fault, 20), then the ends (faultEnd, 21), then the starts and heals of faults
 * triggered live (liveFault, 22). Within each, the audit's order, which is the order the engine applied them.
 */
const SCHEDULED = 0;
const END = 1;
const LIVE = 2;

/**
 * Sweeps each (target, type)'s starts, heals and ends in time order, at one instant in the engine's order: a fault that
 * ends as a scheduled one starts leaves no gap, one that ends as a live one starts is over before it (two spans).
 */
export function faultSpans(faults: readonly FaultRecord[]): FaultSpan[] {
  const groups = new Map<string, SpanEvent[]>();
  const instants = new Map<string, FaultSpan>();
  const add = (key: string, e: SpanEvent) => { const list = groups.get(key); if (list) list.push(e); else groups.set(key, [e]); };
  faults.forEach((f, order) => {
    const rank = f.live === true ? LIVE : SCHEDULED;
    if (f.type === 'heal') { add(`${f.target}\u0000${f.of ?? ''}`, { t: f.atMs, rank, order, kind: 'heal', record: f }); return; }
    // Another instant fault (a poison burst ends where it starts) is an event, not a state: its own span, shared only
    // with those of its type on its target at the same instant.
    if (f.endMs === f.atMs) {
      const key = `${f.target}\u0000${f.type}\u0000${f.atMs}`;
      const same = instants.get(key);
      if (same) same.count++;
      else instants.set(key, { atMs: f.atMs, endMs: f.endMs, target: f.target, type: f.type, count: 1 });
      return;
    }
    const key = `${f.target}\u0000${f.type}`;
    add(key, { t: f.atMs, rank, order, kind: 'start', record: f });
    if (f.endMs !== null) add(key, { t: f.endMs, rank: END, order, kind: 'end', record: f });
  });
  const spans: FaultSpan[] = [...instants.values()];
  for (const events of groups.values()) spans.push(...groupSpans(events));
  return spans.sort((a, b) => a.atMs - b.atMs || a.target.localeCompare(b.target) || a.type.localeCompare(b.type));
}

/** The spans of one (target, type): the union of its faults' spans, each stretch ended by the last end or a heal. */
function groupSpans(events: SpanEvent[]): FaultSpan[] {
  events.sort((a, b) => a.t - b.t || a.rank - b.rank || a.order - b.order);
  const spans: FaultSpan[] = [];
  const active = new Set<FaultRecord>();
  let open: FaultSpan | null = null;
  const close = (t: number, healed: boolean) => {
    if (open) { open.endMs = t; if (healed) open.healed = true; spans.push(open); open = null; }
    active.clear();
  };
  for (const e of events) {
    if (e.kind === 'heal') close(e.t, true);
    else if (e.kind === 'start') {
      active.add(e.record);
      if (open) open.count++;
      else open = { atMs: e.t, endMs: null, target: e.record.target, type: e.record.type, count: 1 };
    } else if (active.delete(e.record) && active.size === 0) close(e.t, false);
  }
  if (open) spans.push(open);
  return spans;
}

/** Is `type` (default crash) on `target` at `nowMs`? */
export function faultActive(spans: readonly FaultSpan[], target: string, nowMs: number, type = 'crash'): boolean {
  return spans.some((s) => s.target === target && s.type === type && s.atMs <= nowMs && (s.endMs === null || s.endMs > nowMs));
}

/** Fault types in words, for marks and menus. */
export const FAULT_NAMES: Record<string, string> = {
  crash: 'crash', slow: 'slow', slowDisk: 'slow disk', poison: 'poison message', linkDelay: 'link delay', linkLoss: 'link loss', partition: 'partition', corrupt: 'corruption',
  heal: 'heal',
};

export const faultName = (type: string): string => FAULT_NAMES[type] ?? type;

/** A heal in words: a heal of a crash is a restart; "heal partition", "heal slow disk" for the others. */
export const healName = (of: string): string => (of === 'crash' ? 'restart' : `heal ${faultName(of)}`);

/**
 * How long a span lasted, for the audit's fault list after "crash c1": " for 4 s", " (until the end)", nothing for an
 * instant (a poison burst), " for 0 s (restarted at once)" for a crash restarted at the instant it started (Crash, then
 * Restart, in a paused run), " for 0 s (healed at once)" for another fault healed so.
 */
export function spanLasting(s: FaultSpan): string {
  if (s.endMs === null) return ' (until the end)';
  const seconds = ` for ${Number(((s.endMs - s.atMs) / 1000).toFixed(3))} s`;
  if (s.endMs > s.atMs) return seconds;
  return s.healed ? `${seconds} (${s.type === 'crash' ? 'restarted' : 'healed'} at once)` : '';
}

/** Fault types in a word or two, for a chart too crowded for FAULT_NAMES (the full name is in the mark's title). */
const SHORT_FAULT_NAMES: Record<string, string> = {
  crash: 'crash', slow: 'slow', slowDisk: 'disk', poison: 'poison', linkDelay: 'delay', linkLoss: 'loss', partition: 'cut', corrupt: 'corrupt',
  heal: 'heal',
};

export const shortFaultName = (type: string): string => SHORT_FAULT_NAMES[type] ?? type;
