import { useEffect, useState } from 'react';
import { useTelemetryStore, type TelemetryState } from '../run/telemetryStore';

/** How often charts redraw at most while samples stream in (a couple of times a second, not per frame). */
export const CHART_REDRAW_MS = 500;
/** Charts may take at most 1/CHART_SHARE of the main thread; slower redraws space them out. */
export const CHART_SHARE = 10;
export const MAX_CHART_REDRAW_MS = 3000;

/** Wait before the next redraw after one that took `costMs` (render, layout and paint). */
export function chartRedrawDelay(costMs: number): number {
  return Math.min(MAX_CHART_REDRAW_MS, Math.max(CHART_REDRAW_MS, costMs * CHART_SHARE));
}

/**
 * The telemetry state, re-read at most every CHART_REDRAW_MS (longer when redraws are costly) and
 * only when samples changed. Charts use this instead of subscribing, so frames do not redraw them.
 */
export function useThrottledTelemetry(): TelemetryState {
  const [state, setState] = useState(() => useTelemetryStore.getState());
  useEffect(() => {
    let shown = useTelemetryStore.getState();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const later = (ms: number) => { if (alive) timer = setTimeout(poll, ms); };
    function poll() {
      const next = useTelemetryStore.getState();
      if (document.hidden || (shown.samplesVersion === next.samplesVersion && shown.nodeIds === next.nodeIds)) return later(CHART_REDRAW_MS);
      const start = performance.now();
      shown = next;
      setState(next);
      // rAF runs before the paint and a task queued from it after: this measures the whole redraw.
      requestAnimationFrame(() => setTimeout(() => later(chartRedrawDelay(performance.now() - start)), 0));
    }
    later(CHART_REDRAW_MS);
    return () => { alive = false; clearTimeout(timer); };
  }, []);
  return state;
}
