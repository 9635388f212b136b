/** Bucket increments noted before they are applied (see BucketSlab). */
const PENDING = 256;

/**
 * The bucket counts of several histograms in one typed array, each histogram a region of it, and the
 * increments noted by all of them but not applied yet.
 *
 * Why one slab: mm1-200 keeps 400 histograms; each record of a histogram with its own counts and its own
 * buffer of pending increments touched three objects of that histogram besides the bucket (its counts array,
 * its buffer and the buffer's store), each a likely cache miss. Here a record touches the histogram and the
 * slab's buffer, which every record touches, so it stays in cache; a flush applies PENDING increments in one
 * loop of independent loads that the CPU overlaps (docs/PERFORMANCE.md, "Histograms").
 */
export class BucketSlab {
  private counts: Uint32Array;
  private used = 0;
  private readonly pending = new Int32Array(PENDING);
  private pendingCount = 0;

  /** `capacity`: buckets to start with (it grows as regions are allocated). */
  constructor(capacity = 4096) {
    this.counts = new Uint32Array(capacity);
  }

  /** A new region of `size` zeroed buckets; returns its offset. */
  allocate(size: number): number {
    if (this.used + size > this.counts.length) {
      let capacity = this.counts.length * 2;
      while (this.used + size > capacity) capacity *= 2;
      const next = new Uint32Array(capacity);
      next.set(this.counts.subarray(0, this.used));
      this.counts = next;
    }
    const offset = this.used;
    this.used += size;
    return offset;
  }

  /** Notes one increment of the bucket at slab index `index`. */
  note(index: number): void {
    this.pending[this.pendingCount++] = index;
    if (this.pendingCount === PENDING) this.flush();
  }

  /** Applies the noted increments; every reader of the counts calls it first. */
  flush(): void {
    const n = this.pendingCount;
    this.pendingCount = 0;
    const pending = this.pending, counts = this.counts;
    for (let k = 0; k < n; k++) counts[pending[k]!]!++;
  }

  /** The count at slab index `index` (flush first). */
  at(index: number): number { return this.counts[index]!; }

  /** Copies `size` counts from `from` to `to` (a histogram moving to a larger region), flushed first. */
  move(from: number, to: number, size: number): void {
    this.flush();
    this.counts.copyWithin(to, from, from + size);
  }

  /** Adds `n` to the count at `index`. */
  add(index: number, n: number): void { this.counts[index]! += n; }

  /** Zeroes `size` counts from `offset`. */
  clear(offset: number, size: number): void {
    this.flush();
    this.counts.fill(0, offset, offset + size);
  }
}
