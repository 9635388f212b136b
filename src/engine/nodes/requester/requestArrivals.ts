import type { NodeOf } from '../../../schema';
import type { Random } from '../../random/prng';
import { arrivalProcess } from '../producer/arrivals';

type Arrival = NodeOf<'requester'>['config']['arrival'];
export type ScriptedRequest = Extract<Arrival, { type: 'script' }>['messages'][number];

/** When asynchronous requests fall due: the producer's arrival processes, or a script in time order. */
export interface RequestArrivals {
  /** Time of the arrival after the `k`-th (k ≥ 1) at `previousMs`, or of the first (k = 0); Infinity: none. */
  next(previousMs: number, k: number): number;
  /** The scripted fields of the `k`-th arrival (0-based), if scripted. */
  scripted(k: number): ScriptedRequest | undefined;
}

export function requestArrivals(arrival: Arrival, startMs: number, multiplier: number, rng: Random): RequestArrivals {
  if (arrival.type === 'script') {
    // Stable sort: requests scripted for the same instant keep their written order.
    const script = arrival.messages.map((m, i) => ({ m, i })).sort((a, b) => a.m.atMs - b.m.atMs || a.i - b.i).map((x) => x.m);
    return { next: (_t, k) => script[k]?.atMs ?? Infinity, scripted: (k) => script[k] };
  }
  const process = arrivalProcess(arrival, startMs, multiplier, rng);
  return { next: (t, k) => process.next(k === 0 ? startMs : t), scripted: () => undefined };
}
