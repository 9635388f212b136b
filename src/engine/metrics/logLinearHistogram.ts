/**
 * An HDR-style log-linear histogram of non-negative integers: values below EXACT (512) are counted
 * exactly; above, each power of two is split into SUB (256) equal sub-buckets, so a bucket is never
 * wider than 1/256 (≈0.4%, about 2.4 significant digits) of its values. Memory grows with the largest
 * value seen (1 KB per power of two), never with how many values were recorded.
 *
 * Why not hdr-histogram-js: its recordValue was a third of the engine's run time in profiles of the
 * mm1-200 benchmark (several records per message); this one is a shift and an increment.
 * Why 256 sub-buckets and not 1024+ (3 digits): mm1-200 keeps 400 histograms hot; at 3 digits their
 * counts (≈128 KB each) overflowed the CPU caches and a record cost a cache miss.
 * Why records are batched: even at 256 sub-buckets, 400 histograms of ~16 KB do not stay in a core's
 * cache, and the increment of a random bucket was the single most expensive line of the mm1-200 profile
 * (one dependent cache miss per record). A record notes its bucket in its BucketSlab, which applies the
 * increments of one part of its buckets together, fetching that part's cache lines once (bucketSlab.ts).
 */
import { BucketSlab, type SlabRegion } from './bucketSlab';
import { bucketsAtRanks, type ReadCounts } from './rankSearch';
import type { SeenCounts } from './partialMerge';

const SUB_BITS = 8;
export const SUB = 1 << SUB_BITS; // 256
export const EXACT = SUB * 2; // 512
const TWO_31 = 2 ** 31;

export function bucketIndex(v: number): number {
  if (v < EXACT) return v;
  const e = v < TWO_31 ? 31 - Math.clz32(v) : Math.floor(Math.log2(v));
  const shift = e - SUB_BITS;
  const m = v < TWO_31 ? v >>> shift : Math.floor(v / 2 ** shift);
  return SUB * shift + m;
}

/** The largest value that falls in bucket `i`. */
export function bucketUpperBound(i: number): number {
  if (i < EXACT) return i;
  const shift = Math.floor(i / SUB) - 1;
  const m = i - SUB * shift;
  return (m + 1) * 2 ** shift - 1;
}

/** The percentiles every summary and sample reports. */
export const P50_P95_P99: readonly number[] = [50, 95, 99];

/**
 * The values at ascending percentiles `ps` (0–100) of `total` values in buckets 0 … `highest`, whose counts `read`
 * gives: each the upper bound of the bucket holding its rank, capped at `max` (rankSearch.ts reads few buckets).
 */
export function percentilesOf(highest: number, total: number, max: number, ps: readonly number[], read: ReadCounts): number[] {
  const ranks = ps.map((p) => rankOf(p, total));
  return bucketsAtRanks(highest, total, ranks, read).map((i) => (i < 0 ? max : Math.min(bucketUpperBound(i), max)));
}

/** The rank (1 … total) of percentile p. */
function rankOf(p: number, total: number): number {
  return Math.max(1, Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * total));
}

export class LogLinearHistogram implements SlabRegion {
  /** Where its buckets are: its own slab, or one it shares with the other histograms of a LatencyRegistry. */
  private readonly slab: BucketSlab;
  /** Its region of the slab (SlabRegion: the slab sets them, and moves the region when it rebuilds). */
  offset = 0;
  capacity = 0;
  private highest = -1;
  private total = 0;
  private maxValue = 0;

  constructor(slab: BucketSlab = new BucketSlab(EXACT)) {
    this.slab = slab;
    slab.adopt(this, EXACT);
  }

  /** Records a non-negative integer (negative values count as 0). */
  record(value: number): void {
    const v = value > 0 ? value : 0;
    const i = bucketIndex(v);
    if (i > this.highest) {
      if (i >= this.capacity) this.grow(i);
      this.highest = i;
    }
    this.slab.note(this.offset + i);
    this.total++;
    if (v > this.maxValue) this.maxValue = v;
  }

  get count(): number { return this.total; }
  get max(): number { return this.maxValue; }

  /** The highest bucket holding a value (-1 when empty). */
  get highestBucket(): number { return this.highest; }

  /** The value at percentile p (0–100): the upper bound of the bucket holding that rank, capped at the max. */
  valueAtPercentile(p: number): number {
    return this.valuesAtPercentiles([p])[0]!;
  }

  /**
   * valueAtPercentile of each of `ps` (ascending), reading few of its buckets (rankSearch.ts); NaN each when empty.
   * `seen` is shown each block of counts read (a registry merges them: partialMerge.ts).
   */
  valuesAtPercentiles(ps: readonly number[], seen?: SeenCounts): number[] {
    if (this.total === 0) return ps.map(() => NaN);
    this.slab.flush();
    return percentilesOf(this.highest, this.total, this.maxValue, ps, (from, to, into) => {
      this.slab.countsInto(this.offset + from, to - from, into); // the search reads no bucket above the highest
      seen?.(from, to, into);
    });
  }

  /**
   * Adds its counts of buckets [from, to) to into[at, at + to - from), its slab flushed first (for reading
   * percentiles and merging histograms without a merged histogram).
   */
  addFlushedCounts(from: number, to: number, into: Float64Array, at: number): void {
    const n = Math.min(to, this.highest + 1) - from;
    if (n > 0) this.slab.addCounts(this.offset + from, n, into, at);
  }

  /** Adds every value recorded in `other` (merging per-node histograms into a system-wide one). */
  add(other: LogLinearHistogram): void {
    other.slab.flush();
    this.slab.flush();
    if (other.highest < 0) return;
    if (other.highest >= this.capacity) this.grow(other.highest);
    for (let i = 0; i <= other.highest; i++) this.slab.add(this.offset + i, other.slab.at(other.offset + i));
    if (other.highest > this.highest) this.highest = other.highest;
    this.total += other.total;
    if (other.maxValue > this.maxValue) this.maxValue = other.maxValue;
  }

  reset(): void {
    if (this.highest >= 0) this.slab.clear(this.offset, this.highest + 1);
    this.highest = -1;
    this.total = 0;
    this.maxValue = 0;
  }

  /** Moves to a region that holds bucket `index`, twice as large or more. */
  private grow(index: number): void {
    let size = this.capacity;
    while (size <= index) size *= 2;
    this.slab.enlarge(this, size);
  }
}
