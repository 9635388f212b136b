import type { LatencySummary } from '../api';
import { BucketSlab } from './bucketSlab';
import { LogLinearHistogram, P50_P95_P99, percentilesOf } from './logLinearHistogram';
import { PartialMerge, type SeenCounts } from './partialMerge';

const MICROS_PER_MS = 1000;

/**
 * Latency in fixed memory: an HDR-style histogram (buckets ≤ 0.4% wide) of microseconds.
 * Memory depends on the range of values seen, never on how many were recorded.
 *
 * It is the log-linear histogram itself (a subclass, not a wrapper around one): each record would
 * otherwise touch two objects, and with hundreds of nodes each object touched per message is a likely
 * cache miss (docs/PERFORMANCE.md, "Locality"). `record` takes milliseconds here; the inherited
 * `valueAtPercentile` and `max` are in microseconds, `percentile` and `summary` in milliseconds.
 */
export class LatencyHistogram extends LogLinearHistogram {
  private sumMs = 0;
  /** Resets so far: with the count, which only grows in between, they tell one state of it from another. */
  private resets = 0;
  /** The last summary, and the count and resets it is of. */
  private kept: LatencySummary | null = null;
  private keptCount = 0;
  private keptResets = 0;

  override record(ms: number): void {
    super.record(Math.round(ms * MICROS_PER_MS));
    this.sumMs += ms;
  }

  /** Value at a percentile (0–100) in ms, or NaN when empty. */
  percentile(p: number): number {
    return this.percentiles([p])[0]!;
  }

  /** percentile of each of `ps` (ascending), in one pass over the buckets. */
  percentiles(ps: readonly number[]): number[] {
    return this.valuesAtPercentiles(ps).map((us) => us / MICROS_PER_MS);
  }

  /**
   * Its count, mean, p50, p95, p99 and max, in ms; `seen` is shown the counts its percentiles' search reads (the
   * registry merges them: partialMerge.ts). A summary is kept until the histogram changes: in a snapshot the registry
   * summarises its parts first, and each node's report reads the one kept (Simulation.snapshot).
   */
  summary(seen?: SeenCounts): LatencySummary {
    if (this.kept === null || this.keptCount !== this.count || this.keptResets !== this.resets) {
      this.kept = latencySummary(this.count, this.sumMs, this.max, this.count === 0 ? [] : this.valuesAtPercentiles(P50_P95_P99, seen));
      this.keptCount = this.count;
      this.keptResets = this.resets;
    }
    return { ...this.kept };
  }

  /** The exact sum of what it recorded, in ms. */
  get sum(): number { return this.sumMs; }

  override add(other: LatencyHistogram): void {
    super.add(other);
    this.sumMs += other.sumMs;
  }

  override reset(): void {
    super.reset();
    this.sumMs = 0;
    this.resets++;
  }
}

/** Reports round to the microsecond so that text and JSON stay stable and readable. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * A system-wide latency made of per-node histograms, merged when asked: each value is recorded
 * once, by the node that saw it, instead of twice on the hot path.
 */
export class LatencyRegistry {
  private readonly parts: LatencyHistogram[] = [];
  /** One slab for the buckets of all its histograms (bucketSlab.ts). */
  private readonly slab = new BucketSlab();
  private readonly merge = new PartialMerge();

  /** A new histogram that counts towards this registry. */
  create(): LatencyHistogram {
    const h = new LatencyHistogram(this.slab);
    this.parts.push(h);
    return h;
  }

  merged(): LatencyHistogram {
    const all = new LatencyHistogram();
    for (const part of this.parts) all.add(part);
    return all;
  }

  /**
   * merged().summary(), without building the merged histogram: each part summarised first (kept for its node's
   * report), the counts their searches read kept, and the merge's search reading from the parts only the rest
   * (partialMerge.ts). The snapshot takes two of these every time the browser asks (four times a second).
   */
  summary(): LatencySummary {
    let count = 0, sumMs = 0, maxUs = 0, highest = -1;
    for (const part of this.parts) {
      count += part.count;
      sumMs += part.sum;
      if (part.max > maxUs) maxUs = part.max;
      if (part.highestBucket > highest) highest = part.highestBucket;
    }
    if (count === 0) return latencySummary(0, 0, 0, []);
    this.slab.flush();
    const parts = this.parts, merge = this.merge;
    merge.start(parts, highest);
    for (let p = 0; p < parts.length; p++) parts[p]!.summary((from, to, counts) => merge.seen(p, from, to, counts));
    return latencySummary(count, sumMs, maxUs, percentilesOf(highest, count, maxUs, P50_P95_P99, (from, to, into) => merge.read(parts, from, to, into)));
  }
}

/** A summary from a count, the sum in ms, the max in µs and the p50, p95 and p99 in µs. */
function latencySummary(count: number, sumMs: number, maxUs: number, [p50, p95, p99]: number[]): LatencySummary {
  if (count === 0) return { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  return {
    count,
    // The mean is exact (a running sum); percentiles are the upper bound of their bucket (≤ 0.4% above).
    mean: round3(sumMs / count),
    p50: round3(p50! / MICROS_PER_MS),
    p95: round3(p95! / MICROS_PER_MS),
    p99: round3(p99! / MICROS_PER_MS),
    max: round3(maxUs / MICROS_PER_MS),
  };
}
