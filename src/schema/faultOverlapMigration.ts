/**
 * Version 2 → 3: overlapping faults of one type on one target change meaning, and a version-2 document keeps its own.
 *
 * Version 2 (the old engine): the last fault to start wins, and the END of each restores normal; all fault events due
 * at one instant ran in timeline order. Version 3 (faultInjector.ts): each fault is active from its start to its end,
 * the target takes the state of the latest one still active; at one instant the starts of scheduled faults run first,
 * then the ends, then the starts of faults triggered live (`live`), each in timeline order (Simulation.scheduleFault);
 * a `heal` restores normal at once, as a version-2 end did.
 *
 * So each version-2 end that version 3 would not replay the same becomes a heal at that instant, placed right after its
 * fault: it runs where the old end ran. Its fault keeps its duration; its end then finds it healed and does nothing
 * (but under a live heal, which runs after the ends, the fault loses its duration: the heal is its end).
 * An end needs this when
 * - its fault touches another of its type on its target (their spans meet or overlap: the old end restored normal
 *   where version 3 keeps the other one's state), or
 * - version 3 would run it in another place among its instant's fault events: a scheduled start (or heal) after it
 *   in the timeline, or a live one before it. The heal is then live (runs with the live starts) if a live event comes
 *   before it, scheduled otherwise.
 * And the app's old Restart, a live 1 ms crash of a node that was down already, becomes what it meant: a heal of the
 * crash at its end (its start did nothing: a crash of a node that is down changes nothing), live unless a scheduled
 * start follows it at that instant.
 * Every old document replays the same calls at the same instants in the same order (engine/faults/migratedFaults.test.ts runs
 * both rules and compares), but one: a scheduled fault placed after a live one at the very instant that live one
 * started, which version 3 runs first (no heal can move a start). The audit's fault list shows the heals.
 */
type Json = Record<string, unknown>;

interface Timed { index: number; atMs: number; endMs: number | null; type: string; target: string; live: boolean; raw: Json }

const LASTING = new Set(['crash', 'slow', 'slowDisk', 'linkDelay', 'linkLoss', 'partition', 'corrupt']);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A fault the engine would schedule, with its end; null for an entry the schema will refuse anyway (left alone). */
function timed(raw: unknown, index: number): Timed | null {
  if (!isObject(raw) || typeof raw.type !== 'string' || typeof raw.target !== 'string' || !finite(raw.atMs)) return null;
  const lasting = LASTING.has(raw.type);
  if (lasting && raw.durationMs !== undefined && !(finite(raw.durationMs) && raw.durationMs > 0)) return null;
  const endMs = lasting && finite(raw.durationMs) ? raw.atMs + raw.durationMs : null;
  return { index, atMs: raw.atMs, endMs, type: raw.type, target: raw.target, live: raw.live === true, raw };
}

/** The live 1 ms crashes (the app's old Restart) whose start found their node down under the old rule, by index. */
function oldRestarts(faults: Timed[]): Set<number> {
  const events = faults.filter((f) => f.type === 'crash').flatMap((f) => [
    { t: f.atMs, f, start: true }, ...(f.endMs === null ? [] : [{ t: f.endMs, f, start: false }]),
  ]);
  // The old order: by time, then timeline order, a fault's start before its end.
  events.sort((a, b) => a.t - b.t || a.f.index - b.f.index || Number(b.start) - Number(a.start));
  const down = new Set<string>();
  const restarts = new Set<number>();
  for (const { f, start } of events) {
    if (!start) { down.delete(f.target); continue; }
    if (down.has(f.target) && f.live && f.raw.durationMs === 1) restarts.add(f.index);
    down.add(f.target);
  }
  return restarts;
}

/** Indexes of lasting faults that touch another of their type on their target (closed spans: [0, 10] meets [10, 20]). */
function touching(faults: Timed[]): Set<number> {
  const groups = new Map<string, Timed[]>();
  for (const f of faults) {
    if (!LASTING.has(f.type)) continue;
    const key = `${f.target}\u0000${f.type}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out = new Set<number>();
  for (const list of groups.values()) {
    let reach = -Infinity; // the latest end of the spans so far, and whose it is
    let reachIndex = -1;
    for (const f of [...list].sort((a, b) => a.atMs - b.atMs)) {
      if (f.atMs <= reach) { out.add(f.index); out.add(reachIndex); }
      const end = f.endMs ?? Infinity;
      if (end >= reach) { reach = end; reachIndex = f.index; }
    }
  }
  // An earlier fault that a later one meets was either marked on its own turn or held the reach then, and is marked now.
  return out;
}

/** Per instant, the last timeline index of a scheduled start and the first of a live one (heals made count too). */
class Instants {
  private readonly lastScheduled = new Map<number, number>();
  private readonly firstLive = new Map<number, number>();
  note(t: number, index: number, live: boolean): void {
    if (live) this.firstLive.set(t, Math.min(this.firstLive.get(t) ?? Infinity, index));
    else this.lastScheduled.set(t, Math.max(this.lastScheduled.get(t) ?? -1, index));
  }
  scheduledAfter(t: number, index: number): boolean { return (this.lastScheduled.get(t) ?? -1) > index; }
  liveBefore(t: number, index: number): boolean { return (this.firstLive.get(t) ?? Infinity) < index; }
}

/** Migrates `faults` (the raw list of a version-2 document); anything that is not a list is returned as it is. */
export function migrateFaultOverlaps(faults: unknown): unknown {
  if (!Array.isArray(faults)) return faults;
  const all = faults.map(timed).filter((f): f is Timed => f !== null);
  const restarts = oldRestarts(all);
  const touch = touching(all.filter((f) => !restarts.has(f.index)));
  const instants = new Instants();
  for (const f of all) if (!restarts.has(f.index)) instants.note(f.atMs, f.index, f.live);
  // Each heal made can call for more (an earlier end now has a start after it, a later one a live heal before it).
  const healed = new Map<number, boolean>(); // index → whether its heal is live
  for (let changed = true; changed;) {
    changed = false;
    for (const f of all) {
      if (f.endMs === null || healed.has(f.index)) continue;
      const liveBefore = instants.liveBefore(f.endMs, f.index);
      const scheduledAfter = instants.scheduledAfter(f.endMs, f.index);
      if (!restarts.has(f.index) && !touch.has(f.index) && !liveBefore && !scheduledAfter) continue;
      // A restart stays live (as the app's new one is) unless a scheduled start follows it; other heals are scheduled
      // (their fault keeps its duration) unless a live start comes before them.
      const live = restarts.has(f.index) ? !scheduledAfter : liveBefore;
      healed.set(f.index, live);
      instants.note(f.endMs, f.index, live);
      changed = true;
    }
  }
  if (restarts.size === 0 && healed.size === 0) return faults;
  const heal = (f: Timed, live: boolean): Json => ({ atMs: f.endMs, target: f.target, type: 'heal', of: f.type, ...(live ? { live: true } : {}) });
  const byIndex = new Map(all.map((f) => [f.index, f]));
  return faults.flatMap((raw, i) => {
    const f = byIndex.get(i);
    const live = healed.get(i);
    if (f && restarts.has(i)) return [heal(f, live!)];
    if (!f || live === undefined) return [raw];
    // A live heal runs after the instant's ends: the fault's own end would come first and restore normal, so the heal
    // is its only end. A scheduled heal runs before the ends: the fault keeps its duration, whose end finds it healed.
    if (!live) return [raw, heal(f, false)];
    const { durationMs: _ended, ...open } = f.raw;
    return [open, heal(f, true)];
  });
}
