import { usePresenterStore } from '../../presenter/presenterStore';
import { useTelemetryStore } from '../../run/telemetryStore';
import { ratePill, type RatePill } from './labelContent';

/**
 * Whether the edge `id`'s label shows its rate (labelContent.ts ratePill): in the presenter, from the first rate it
 * showed in the run on. Whether it has shown one changes once a run, so this re-renders the edge no more often.
 */
export function useRatePill(id: string, ratePerSec: number): RatePill {
  const steady = usePresenterStore((s) => s.on);
  const wasBusy = useTelemetryStore((s) => steady && s.edgeWasBusy[id] === true);
  return ratePill(ratePerSec, wasBusy, steady);
}
