import { useCallback, useEffect } from 'react';
import { useRunStore } from '../../run/runStore';
import { sameTarget, useInspectionStore, type InspectTarget } from '../../run/inspectionStore';

/**
 * Asks the worker for a target's messages: on mount, and again on every new frame while the run is not
 * running (paused, stepped, finished). While running, `refresh` asks on demand (a list that changes 30
 * times a second cannot be read or clicked).
 */
export function useInspection(target: InspectTarget) {
  const loaded = useRunStore((s) => s.loaded);
  const status = useRunStore((s) => s.status);
  const timeMs = useRunStore((s) => s.timeMs);
  const running = status === 'running';
  const { kind, id } = target;
  const limit = target.kind === 'node' ? target.limit : 0;
  const refresh = useCallback(() => useRunStore.getState().inspect(kind === 'node' ? { kind, id, limit } : { kind, id }), [kind, id, limit]);
  const settledTime = running ? -1 : timeMs;
  useEffect(() => { if (loaded) refresh(); }, [loaded, refresh, settledTime]);
  const state = useInspectionStore();
  const mine = sameTarget(state.target, target);
  return {
    loaded, running, refresh,
    pending: mine && state.pending,
    found: mine && state.found,
    timeMs: mine ? state.timeMs : 0,
    messages: mine ? state.messages : [],
    reply: mine ? state.reply : null,
  };
}
