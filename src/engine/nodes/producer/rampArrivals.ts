import { exponential } from '../../random/distributions';
import type { Random } from '../../random/prng';
import type { ArrivalProcess } from './arrivals';

/** Thinning gives up after this many rejected candidates in a row (a rate that stays ~0 forever). */
const MAX_TRIES = 1_000_000;

/**
 * A rate moving linearly from `from` to `to` (per second) over `rampMs`, then staying at `to`.
 * Constant spacing: the next arrival is where the integral of the rate since the last one reaches 1.
 * Poisson: thinning (Lewis–Shedler) against the higher of the two rates, two draws per candidate.
 */
export class RampArrivals implements ArrivalProcess {
  /** The higher of the two rates, per ms: the rate of the candidates that thinning accepts or rejects. */
  private readonly maxPerMs: number;
  /** How fast the rate changes during the ramp, per ms². */
  private readonly slope: number;
  private readonly rampEndMs: number;

  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly rampMs: number,
    private readonly poisson: boolean,
    private readonly startMs: number,
    private readonly rng: Random,
  ) {
    this.maxPerMs = Math.max(from, to) / 1000;
    this.slope = (to - from) / 1000 / rampMs;
    this.rampEndMs = startMs + rampMs;
  }

  next(previousMs: number): number {
    return this.poisson ? this.thinned(previousMs) : this.spaced(previousMs);
  }

  /** The rate at `t`, per ms. */
  private rateAt(t: number): number {
    const x = Math.min(Math.max((t - this.startMs) / this.rampMs, 0), 1);
    return (this.from + (this.to - this.from) * x) / 1000;
  }

  private thinned(previousMs: number): number {
    const max = this.maxPerMs;
    let next = previousMs;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      next += exponential(this.rng, 1 / max);
      if (this.rng.next() * max < this.rateAt(next)) return next;
      if (next - this.startMs >= this.rampMs && this.to === 0) return Infinity;
    }
    return Infinity;
  }

  private spaced(t: number): number {
    const to = this.to;
    if (t < this.rampEndMs) {
      const r0 = this.rateAt(t);
      const areaLeft = ((r0 + to / 1000) / 2) * (this.rampEndMs - t);
      if (areaLeft >= 1) return t + solveLinearRamp(r0, this.slope, 1);
      if (to === 0) return Infinity;
      return this.rampEndMs + (1 - areaLeft) / (to / 1000);
    }
    return to === 0 ? Infinity : t + 1000 / to;
  }
}

/** Smallest d ≥ 0 with r0·d + slope·d²/2 = area (the area is reachable within the ramp). */
function solveLinearRamp(r0: number, slope: number, area: number): number {
  if (Math.abs(slope) < 1e-15) return area / r0;
  const disc = r0 * r0 + 2 * slope * area;
  // Stable form of (−r0 + √disc) / slope, valid for either sign of the slope.
  return (2 * area) / (r0 + Math.sqrt(Math.max(disc, 0)));
}
