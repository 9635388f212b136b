import { useEffect, useState } from 'react';
import { useTelemetryStore, type TelemetryState } from '../run/telemetryStore';

/** How often charts redraw at most while samples stream in (a few times a second, not per frame). */
export const CHART_REDRAW_MS = 500;

/**
 * The telemetry state, re-read at most every CHART_REDRAW_MS and only when samples changed.
 * Charts use this instead of subscribing, so ~30 frames per second do not redraw them.
 */
export function useThrottledTelemetry(intervalMs = CHART_REDRAW_MS): TelemetryState {
  const [state, setState] = useState(() => useTelemetryStore.getState());
  useEffect(() => {
    const id = setInterval(() => {
      if (document.hidden) return;
      const next = useTelemetryStore.getState();
      setState((prev) => (prev.samplesVersion === next.samplesVersion && prev.nodeIds === next.nodeIds ? prev : next));
    }, intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return state;
}
