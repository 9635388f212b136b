import type { z } from 'zod';
import type { ArrivalSchema } from '../../../schema/nodes/producer';
import { exponential } from '../../random/distributions';
import type { Random } from '../../random/prng';
import { OnOffArrivals } from './onOffArrivals';
import { RampArrivals } from './rampArrivals';

type Arrival = z.output<typeof ArrivalSchema>;
type RateArrival = Exclude<Arrival, { type: 'script' }>;

/**
 * A rate-driven arrival process: one class per arrival type, holding its stream and parameters as fields.
 * Objects rather than closures so that a producer whose call site only ever sees one class (Poisson, the usual
 * model) has `next` inlined there and draws straight from the stream (docs/PERFORMANCE.md, "Locality").
 */
export interface ArrivalProcess {
  /** The time of the next arrival after the previous one at `previousMs` (Infinity when there is none). */
  next(previousMs: number): number;
}

/**
 * The process of a rate-driven arrival config. Rates are per second; times are ms since the start of the run.
 * `multiplier` is the scenario's workload.rateMultiplier.
 */
export function arrivalProcess(a: RateArrival, startMs: number, multiplier: number, rng: Random): ArrivalProcess {
  switch (a.type) {
    case 'constant': return new ConstantArrivals(a.ratePerSec * multiplier);
    case 'poisson': return new PoissonArrivals(rng, a.ratePerSec * multiplier);
    case 'onOff': return new OnOffArrivals(a.ratePerSec * multiplier, a.onMs, a.offMs, a.poisson, startMs, rng);
    case 'ramp': return new RampArrivals(a.fromRatePerSec * multiplier, a.toRatePerSec * multiplier, a.rampMs, a.poisson, startMs, rng);
  }
}

/** Evenly spaced, 1000/rate ms apart; draws nothing from its stream. */
export class ConstantArrivals implements ArrivalProcess {
  private readonly gapMs: number;

  constructor(ratePerSec: number) { this.gapMs = 1000 / ratePerSec; }

  next(previousMs: number): number { return previousMs + this.gapMs; }
}

/** A Poisson process: exponential gaps with mean 1000/rate ms, one draw per arrival. */
export class PoissonArrivals implements ArrivalProcess {
  private readonly meanGapMs: number;

  constructor(private readonly rng: Random, ratePerSec: number) { this.meanGapMs = 1000 / ratePerSec; }

  next(previousMs: number): number { return previousMs + exponential(this.rng, this.meanGapMs); }
}
