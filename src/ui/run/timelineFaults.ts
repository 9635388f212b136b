/**
 * The loaded document's fault timeline as the run reaches it, for the Log tab: each scheduled fault when it starts
 * ("crash auto-worker for 4 s") and when it ends. A fault triggered live is logged when the worker records it (runStore),
 * and its end here; one already in the timeline (a live fault kept from an earlier run, a fault written in the document)
 * is logged here when the run's clock passes its time. Pure.
 */
import { INSTANT_FAULT_TYPES, type Fault } from '../../schema';
import { duration } from '../canvas/nodes/format';
import { faultName, healName } from '../faults/faultSpans';

export interface TimelineEntry { timeMs: number; text: string }

/**
 * What the fault does, in a few words: "crash auto-worker for 4 s", "poison message ×3 orders-api", "partition e1 until
 * the end", "restart auto-worker" (a heal of its crashes). The Log says a fault triggered live (runStore) and one of the
 * timeline alike.
 */
export function describeFault(f: Fault): string {
  if (f.type === 'heal') return `${healName(f.of)} ${f.target}`;
  const count = f.type === 'poison' && f.count > 1 ? ` ×${f.count}` : '';
  const lasting = INSTANT_FAULT_TYPES.includes(f.type) ? '' : f.durationMs === undefined ? ' until the end' : ` for ${duration(f.durationMs)}`;
  return `${faultName(f.type)}${count} ${f.target}${lasting}`;
}

/**
 * The timeline's starts and ends after `afterMs` up to `untilMs`, in time order (a start before an end at one instant).
 * `endsOnly`: the ends alone, for faults triggered live, whose start was logged when the worker recorded them.
 */
export function timelineFaultsBetween(faults: readonly Fault[], afterMs: number, untilMs: number, endsOnly = false): TimelineEntry[] {
  const entries: (TimelineEntry & { end: boolean })[] = [];
  for (const f of faults) {
    if (!endsOnly && f.atMs > afterMs && f.atMs <= untilMs) entries.push({ timeMs: f.atMs, text: `Fault: ${describeFault(f)}`, end: false });
    if (f.durationMs === undefined || INSTANT_FAULT_TYPES.includes(f.type)) continue;
    const endMs = f.atMs + f.durationMs;
    if (healedBefore(faults, f, endMs)) continue; // it is over at the heal, which the Log says ("restart worker")
    if (endMs > afterMs && endMs <= untilMs) entries.push({ timeMs: endMs, text: `Fault over: ${faultName(f.type)} ${f.target}`, end: true });
  }
  entries.sort((a, b) => a.timeMs - b.timeMs || Number(a.end) - Number(b.end));
  return entries.map(({ timeMs, text }) => ({ timeMs, text }));
}

/** Whether a heal of its type on its target ends `f` before its own end (at its start or later: a heal before it has no effect on it). */
function healedBefore(faults: readonly Fault[], f: Fault, endMs: number): boolean {
  return faults.some((h) => h.type === 'heal' && h.of === f.type && h.target === f.target && h.atMs >= f.atMs && h.atMs < endMs);
}
