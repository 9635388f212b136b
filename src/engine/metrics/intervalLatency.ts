import { SAMPLE } from '../model/node';
import { LogLinearHistogram } from './logLinearHistogram';

const MICROS_PER_MS = 1000;

/**
 * The latency of the work one node completed in the current sample interval: the p50/p95/p99 of its
 * time series (the charts show latency spreading upstream node by node). It is off until the sampler
 * turns it on, so a run without sampling (the CLI, the benchmarks) pays one branch per record and keeps
 * nothing. Memory is one log-linear histogram of microseconds (buckets ≤ 0.4% wide, as the reports'),
 * bounded by the value range; after an interval it is cleared only up to the highest bucket touched.
 */
export class IntervalLatency {
  private h: LogLinearHistogram | null = null;

  /** Sampling is on: keep what completes from now on. */
  enable(): void {
    if (this.h === null) this.h = new LogLinearHistogram();
  }

  get enabled(): boolean { return this.h !== null; }

  record(ms: number): void {
    if (this.h !== null) this.h.record(Math.round(ms * MICROS_PER_MS));
  }

  /** Writes p50/p95/p99 in ms at `o` (SAMPLE layout), NaN when nothing completed, and starts the next interval. */
  write(out: Float64Array, o: number): void {
    const h = this.h;
    if (h === null || h.count === 0) {
      out[o + SAMPLE.p50] = NaN; out[o + SAMPLE.p95] = NaN; out[o + SAMPLE.p99] = NaN;
      return;
    }
    out[o + SAMPLE.p50] = h.valueAtPercentile(50) / MICROS_PER_MS;
    out[o + SAMPLE.p95] = h.valueAtPercentile(95) / MICROS_PER_MS;
    out[o + SAMPLE.p99] = h.valueAtPercentile(99) / MICROS_PER_MS;
    h.reset();
  }
}
