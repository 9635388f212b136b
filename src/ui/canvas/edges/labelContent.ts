/**
 * What an edge's label holds, as text for its size (labelPlacement.ts labelSize): the funnel, the key or role, the
 * delay, the rate and the losses, the figures that change by stand-ins as wide as they get, so that a label keeps its
 * size, and so its place, while its figures change. Pure, tested without React.
 */
import { LOST_STAND_IN } from './EdgeLostBadge';

/** Stands in for the rate in the label's size: as wide as "12.3/s", so the label does not move as the rate changes. */
const RATE_STAND_IN = '00.0/s';
/** The funnel mark's pill is about two characters wide. */
const FUNNEL_STAND_IN = '..';

/**
 * Whether an edge's label shows a rate: 'busy' its rate; 'idle' "0/s", dimmed, holding the rate's place; 'none'.
 * In the editor a rate shows while the edge is busy. In the presenter (`steady`) an edge that has shown a rate in this
 * run (`wasBusy`: telemetryReducers.ts edgeWasBusy) keeps its rate's place while idle: a burst's end (auto-vs-manual-ack
 * publishes 2 s in every 10) took the label away, the other labels were laid out again without it, and on a projector
 * they jumped about once a second.
 * "0/s" rather than the last rate, dimmed: a figure the room reads is true now, and the dimming says nothing flows.
 */
export type RatePill = 'busy' | 'idle' | 'none';

export function ratePill(ratePerSec: number, wasBusy: boolean, steady: boolean): RatePill {
  if (ratePerSec > 0) return 'busy';
  return steady && wasBusy ? 'idle' : 'none';
}

/** The label's pills as text, for its size: the funnel, the key or role, the delay, the rate and the losses (stand-ins). */
export function labelParts(text: string | null, filter: boolean, delay: string | null, rate: boolean, losing: boolean): string[] {
  const parts: string[] = [];
  if (filter) parts.push(FUNNEL_STAND_IN);
  if (text) parts.push(text);
  if (delay) parts.push(delay);
  if (rate) parts.push(RATE_STAND_IN);
  if (losing) parts.push(LOST_STAND_IN);
  return parts;
}
