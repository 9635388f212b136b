/**
 * A node's fault state for the canvas and the inspector, from the latest telemetry: crashed (a crash fault
 * holds on it now, from snapshot.audit.faults) and down (crashed, or LIVE.offline on a broker, queue or
 * exchange: its broker is down or a replicated queue has no leader). Selectors return primitives, so a node
 * re-renders only when its state changes.
 */
import type { TelemetryState } from '../run/telemetryReducers';
import { useTelemetryStore } from '../run/telemetryStore';
import { faultActive, faultSpans, type FaultSpan } from './faultSpans';

/** Kinds for which LIVE `offline` means crashed or unavailable (for a consumer it also covers offline windows). */
const OFFLINE_MEANS_DOWN = new Set(['broker', 'queue', 'exchange']);

const spansOf = new WeakMap<object, FaultSpan[]>();

/** The fault spans of the latest snapshot, computed once per snapshot. */
export function snapshotSpans(s: Pick<TelemetryState, 'snapshot'>): FaultSpan[] {
  const faults = s.snapshot?.audit?.faults;
  if (!faults) return [];
  let spans = spansOf.get(faults);
  if (!spans) { spans = faultSpans(faults); spansOf.set(faults, spans); }
  return spans;
}

export function isCrashed(s: Pick<TelemetryState, 'snapshot'>, id: string): boolean {
  return s.snapshot !== null && faultActive(snapshotSpans(s), id, s.snapshot.timeMs);
}

export function isDown(s: Pick<TelemetryState, 'snapshot' | 'nodeLive'>, id: string, kind: string): boolean {
  return isCrashed(s, id) || (OFFLINE_MEANS_DOWN.has(kind) && (s.nodeLive[id]?.offline ?? 0) > 0);
}

/** True while a crash fault holds on this node. */
export function useNodeCrashed(id: string): boolean {
  return useTelemetryStore((s) => isCrashed(s, id));
}

/** True while the node is crashed or unavailable. */
export function useNodeDown(id: string, kind: string): boolean {
  return useTelemetryStore((s) => isDown(s, id, kind));
}

/** Publishes a replicated quorum queue holds while it has no leader (from the latest snapshot), 0 otherwise. */
export function useQueueHeld(id: string): number {
  return useTelemetryStore((s) => {
    const held = s.snapshot?.nodes[id]?.held;
    return typeof held === 'number' ? held : 0;
  });
}

/** The current leader of a replicated queue (from the latest snapshot), or '' (none, or not replicated). */
export function useQueueLeader(id: string): string | null {
  return useTelemetryStore((s) => {
    const report = s.snapshot?.nodes[id];
    return report && typeof report.leader === 'string' ? report.leader : null;
  });
}
