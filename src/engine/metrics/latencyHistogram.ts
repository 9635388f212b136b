// The JS-only Int32 histogram module: no zlib, no clock, no WebAssembly (the package index pulls those in).
import Int32Histogram from 'hdr-histogram-js/dist/Int32Histogram';
import type { LatencySummary } from '../api';

const MICROS_PER_MS = 1000;

/**
 * Latency in fixed memory: an HDR histogram (3 significant digits) of microseconds.
 * Memory depends on the range of values seen (it auto-resizes), never on how many were recorded.
 */
export class LatencyHistogram {
  private readonly h: Int32Histogram;
  private sumMs = 0;

  constructor() {
    this.h = new Int32Histogram(1, 2 ** 20, 3);
    this.h.autoResize = true;
  }

  record(ms: number): void {
    this.h.recordValue(Math.round(ms * MICROS_PER_MS));
    this.sumMs += ms;
  }

  get count(): number { return this.h.totalCount; }

  /** Value at a percentile (0–100) in ms, or NaN when empty. */
  percentile(p: number): number {
    return this.h.totalCount === 0 ? NaN : this.h.getValueAtPercentile(p) / MICROS_PER_MS;
  }

  summary(): LatencySummary {
    const count = this.h.totalCount;
    if (count === 0) return { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
    return {
      count,
      // The mean is exact (a running sum), the percentiles are HDR-rounded to 3 significant digits.
      mean: round3(this.sumMs / count),
      p50: round3(this.percentile(50)),
      p95: round3(this.percentile(95)),
      p99: round3(this.percentile(99)),
      max: round3(this.h.maxValue / MICROS_PER_MS),
    };
  }

  reset(): void {
    this.h.reset();
    this.sumMs = 0;
  }
}

/** Reports round to the microsecond so that text and JSON stay stable and readable. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
