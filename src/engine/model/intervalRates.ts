import { SAMPLE } from './node';

/** Messages in and out during the current sample interval, written as rates (the charts' throughput). */
export class IntervalRates {
  in = 0;
  out = 0;

  /** Writes in/out per second and no latency for the interval, then starts the next one. */
  write(sample: Float64Array, o: number, intervalMs: number): void {
    sample[o + SAMPLE.inPerSec] = (this.in * 1000) / intervalMs;
    sample[o + SAMPLE.outPerSec] = (this.out * 1000) / intervalMs;
    sample[o + SAMPLE.p50] = NaN; sample[o + SAMPLE.p95] = NaN; sample[o + SAMPLE.p99] = NaN;
    this.in = 0;
    this.out = 0;
  }
}
