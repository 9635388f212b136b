import { exponential } from '../../random/distributions';
import type { Random } from '../../random/prng';
import type { ArrivalProcess } from './arrivals';

/**
 * Bursts: `onMs` at the rate, then `offMs` silent, repeating from `startMs`; the periods are fixed, not random.
 * The arrivals run on a clock that stops while the producer is off, so over whole cycles the count is
 * rate × onMs per cycle (the duty cycle times the rate), whatever `onMs` and the gap are:
 * - constant: a gap that runs past the end of a burst goes on in the next burst (a gap longer than `onMs` spans
 *   several bursts), so a burst shorter than the gap gets its share of messages, not one each;
 * - Poisson: a message that would fall in a silent period is replaced by a fresh exponential gap from the start of
 *   the next burst (the same process, the exponential being memoryless).
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
    return this.poisson ? this.nextPoisson(previousMs) : this.nextConstant(previousMs);
  }

  private nextPoisson(previousMs: number): number {
    const { startMs, cycleMs } = this;
    let next = previousMs + exponential(this.rng, this.meanGapMs);
    for (;;) {
      const k = Math.floor((next - startMs) / cycleMs);
      if (next - startMs - k * cycleMs < this.onMs) return next;
      next = startMs + (k + 1) * cycleMs + exponential(this.rng, this.meanGapMs);
    }
  }

  private nextConstant(previousMs: number): number {
    const { startMs, cycleMs, onMs } = this;
    const next = previousMs + this.meanGapMs;
    const k = Math.floor((previousMs - startMs) / cycleMs);
    // Within the burst of the previous arrival: plain spacing.
    if (next - startMs - k * cycleMs < onMs) return next;
    // Else count the gap in on-time from the previous arrival's place in its burst, across whole silent periods.
    const onTime = k * onMs + Math.min(previousMs - startMs - k * cycleMs, onMs) + this.meanGapMs;
    const burst = Math.floor(onTime / onMs);
    const t = startMs + burst * cycleMs + (onTime - burst * onMs);
    // Rounding can put a time due at the very end of a burst at its end: it belongs to the next burst's first instant.
    const j = Math.floor((t - startMs) / cycleMs);
    return t - startMs - j * cycleMs < onMs ? t : startMs + (j + 1) * cycleMs;
  }
}
