import { exponential } from '../../random/distributions';
import type { Random } from '../../random/prng';
import type { ArrivalProcess } from './arrivals';

/**
 * Bursts: `onMs` at the rate, then `offMs` silent, repeating from `startMs`. A message that would fall
 * in a silent period moves to the next burst: at its first instant (constant) or a fresh exponential
 * gap into it (Poisson, which is memoryless).
 */
export class OnOffArrivals implements ArrivalProcess {
  private readonly meanGapMs: number;
  private readonly cycleMs: number;

  constructor(
    ratePerSec: number,
    private readonly onMs: number,
    offMs: number,
    private readonly poisson: boolean,
    private readonly startMs: number,
    private readonly rng: Random,
  ) {
    this.meanGapMs = 1000 / ratePerSec;
    this.cycleMs = onMs + offMs;
  }

  next(previousMs: number): number {
    const { startMs, cycleMs } = this;
    let next = previousMs + this.gap();
    for (;;) {
      const k = Math.floor((next - startMs) / cycleMs);
      if (next - startMs - k * cycleMs < this.onMs) return next;
      const burst = startMs + (k + 1) * cycleMs;
      if (!this.poisson) return burst;
      next = burst + this.gap();
    }
  }

  /** The gap to the next arrival within a burst: one draw when Poisson, none when constant. */
  private gap(): number { return this.poisson ? exponential(this.rng, this.meanGapMs) : this.meanGapMs; }
}
