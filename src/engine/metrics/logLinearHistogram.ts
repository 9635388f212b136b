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
 * (one dependent cache miss per record). A record now notes its bucket in a small buffer kept beside the
 * totals; a flush of PENDING increments issues independent loads that the CPU overlaps.
 */
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

/** Bucket increments noted before they are applied (see the header). */
const PENDING = 64;

export class LogLinearHistogram {
  private counts = new Uint32Array(EXACT);
  private highest = -1;
  private total = 0;
  private maxValue = 0;
  private readonly pending = new Uint32Array(PENDING);
  private pendingCount = 0;

  /** Records a non-negative integer (negative values count as 0). */
  record(value: number): void {
    const v = value > 0 ? value : 0;
    const i = bucketIndex(v);
    this.pending[this.pendingCount++] = i;
    if (this.pendingCount === PENDING) this.flush();
    this.total++;
    if (v > this.maxValue) this.maxValue = v;
  }

  /** Applies the noted increments; every reader of the counts calls it first. */
  private flush(): void {
    const n = this.pendingCount;
    if (n === 0) return;
    this.pendingCount = 0;
    const pending = this.pending;
    let top = this.highest;
    for (let k = 0; k < n; k++) if (pending[k]! > top) top = pending[k]!;
    if (top >= this.counts.length) this.grow(top);
    const counts = this.counts;
    for (let k = 0; k < n; k++) counts[pending[k]!]!++;
    this.highest = top;
  }

  get count(): number { return this.total; }
  get max(): number { return this.maxValue; }

  /** The value at percentile p (0–100): the upper bound of the bucket holding that rank, capped at the max. */
  valueAtPercentile(p: number): number {
    if (this.total === 0) return NaN;
    this.flush();
    const rank = Math.max(1, Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * this.total));
    let seen = 0;
    for (let i = 0; i <= this.highest; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(bucketUpperBound(i), this.maxValue);
    }
    return this.maxValue;
  }

  /** Adds every value recorded in `other` (merging per-node histograms into a system-wide one). */
  add(other: LogLinearHistogram): void {
    other.flush();
    this.flush();
    if (other.highest < 0) return;
    if (other.highest >= this.counts.length) this.grow(other.highest);
    for (let i = 0; i <= other.highest; i++) this.counts[i]! += other.counts[i]!;
    if (other.highest > this.highest) this.highest = other.highest;
    this.total += other.total;
    if (other.maxValue > this.maxValue) this.maxValue = other.maxValue;
  }

  reset(): void {
    this.pendingCount = 0;
    if (this.highest >= 0) this.counts.fill(0, 0, this.highest + 1);
    this.highest = -1;
    this.total = 0;
    this.maxValue = 0;
  }

  private grow(index: number): void {
    let size = this.counts.length;
    while (size <= index) size *= 2;
    const next = new Uint32Array(size);
    next.set(this.counts);
    this.counts = next;
  }
}
