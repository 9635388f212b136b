import { useEffect, useState } from 'react';
import { browserTimers } from '../run/frameCoalescer';
import { useTelemetryStore, type TelemetryState } from '../run/telemetryStore';
import { ChartPacer } from './chartPacer';

/**
 * The telemetry state as the charts should draw it: re-read on the ChartPacer's throttle while samples
 * stream in, and at once when the run is cleared. Charts use this instead of subscribing, so frames do
 * not redraw them.
 */
export function useThrottledTelemetry(): TelemetryState {
  const [state, setState] = useState(() => useTelemetryStore.getState());
  useEffect(() => {
    const pacer = new ChartPacer(useTelemetryStore, setState, { timers: browserTimers, hidden: () => document.hidden });
    return () => pacer.stop();
  }, []);
  return state;
}
