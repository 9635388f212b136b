import { SAMPLE } from '../model/node';
import { bucketIndex, bucketUpperBound, LogLinearHistogram, P50_P95_P99 } from './logLinearHistogram';

const MICROS_PER_MS = 1000;
/**
 * Up to this many values an interval keeps them as they come and sorts them at the sample; beyond, it
 * counts them in a log-linear histogram. Most nodes complete a few dozen messages per interval, and
 * reading percentiles off a histogram scans every bucket up to the largest value (thousands): in the
 * mm1-200 benchmark with sampling on, that scan, 400 nodes × 3 percentiles × every sample, doubled the run time.
 */
export const KEPT_VALUES = 128;

/**
 * The latency of the work one node completed in the current sample interval: the p50/p95/p99 of its
 * time series (the charts show latency spreading upstream node by node). It is off until the sampler
 * turns it on, so a run without sampling (the CLI, the benchmarks) pays one branch per record and keeps
 * nothing. Memory is fixed: KEPT_VALUES numbers, and for busier intervals one histogram of microseconds
 * (bounded by the value range), cleared after an interval only up to the highest bucket touched. Either
 * way a percentile is the reports' own figure (the upper bound of the value's ≤ 0.4% bucket, capped at the max).
 */
export class IntervalLatency {
  /** The interval's values in µs, while there are at most KEPT_VALUES; null while sampling is off. */
  private kept: Float64Array | null = null;
  private count = 0;
  private histogram: LogLinearHistogram | null = null;

  /** Sampling is on: keep what completes from now on. */
  enable(): void {
    if (this.kept === null) this.kept = new Float64Array(KEPT_VALUES);
  }

  get enabled(): boolean { return this.kept !== null; }

  record(ms: number): void {
    const kept = this.kept;
    if (kept === null) return;
    const us = ms > 0 ? Math.round(ms * MICROS_PER_MS) : 0;
    if (this.count < KEPT_VALUES) { kept[this.count++] = us; return; }
    const h = this.histogram ?? (this.histogram = new LogLinearHistogram());
    if (this.count === KEPT_VALUES) for (let i = 0; i < KEPT_VALUES; i++) h.record(kept[i]!);
    h.record(us);
    this.count++;
  }

  /** Writes p50/p95/p99 in ms at `o` (SAMPLE layout), NaN when nothing completed, and starts the next interval. */
  write(out: Float64Array, o: number): void {
    const n = this.count;
    if (n === 0) {
      out[o + SAMPLE.p50] = NaN; out[o + SAMPLE.p95] = NaN; out[o + SAMPLE.p99] = NaN;
      return;
    }
    this.count = 0;
    if (n <= KEPT_VALUES) {
      const sorted = this.kept!;
      insertionSort(sorted, n);
      out[o + SAMPLE.p50] = ofSorted(sorted, n, 50) / MICROS_PER_MS;
      out[o + SAMPLE.p95] = ofSorted(sorted, n, 95) / MICROS_PER_MS;
      out[o + SAMPLE.p99] = ofSorted(sorted, n, 99) / MICROS_PER_MS;
      return;
    }
    const h = this.histogram!;
    const [p50, p95, p99] = h.valuesAtPercentiles(P50_P95_P99);
    out[o + SAMPLE.p50] = p50! / MICROS_PER_MS;
    out[o + SAMPLE.p95] = p95! / MICROS_PER_MS;
    out[o + SAMPLE.p99] = p99! / MICROS_PER_MS;
    h.reset();
  }
}

/** Percentile p of the first n sorted values, read as LogLinearHistogram.valueAtPercentile reads it: the rank's bucket bound, capped at the max. */
function ofSorted(sorted: Float64Array, n: number, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return Math.min(bucketUpperBound(bucketIndex(sorted[rank - 1]!)), sorted[n - 1]!);
}

/**
 * Sorts the first n values in place. An interval holds a few dozen values at most KEPT_VALUES, where this
 * beats TypedArray.prototype.sort (a view and a call into the runtime per sample, 3% of a sampled mm1-200 run).
 */
function insertionSort(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) { a[j + 1] = a[j]!; j--; }
    a[j + 1] = v;
  }
}
