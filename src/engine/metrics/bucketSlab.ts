/** Bucket increments noted before they are applied (see BucketSlab). */
const PENDING = 256;

/** A histogram's place in a slab: its buckets are counts[offset, offset + capacity). The slab may move it. */
export interface SlabRegion {
  offset: number;
  capacity: number;
}

/**
 * The bucket counts of several histograms in one typed array, each histogram a region of it, and the
 * increments noted by all of them but not applied yet.
 *
 * Why one slab: mm1-200 keeps 400 histograms; each record of a histogram with its own counts and its own
 * buffer of pending increments touched three objects of that histogram besides the bucket (its counts array,
 * its buffer and the buffer's store), each a likely cache miss. Here a record touches the histogram and the
 * slab's buffer, which every record touches, so it stays in cache; a flush applies PENDING increments in one
 * loop of independent loads that the CPU overlaps (docs/PERFORMANCE.md, "Histograms").
 *
 * A histogram that outgrows its region moves to a new one at the end and leaves a hole; when the slab is full
 * it is rebuilt with its histograms' regions side by side, holes dropped, and half as much again free.
 */
export class BucketSlab {
  private counts: Uint32Array;
  private used = 0;
  private readonly pending = new Int32Array(PENDING);
  private pendingCount = 0;
  /** The regions in use, one per histogram, moved together when the slab is rebuilt. */
  private readonly regions: SlabRegion[] = [];

  /** `capacity`: buckets to start with (it grows as regions are allocated). */
  constructor(capacity = 4096) {
    this.counts = new Uint32Array(capacity);
  }

  /** Gives `region` `capacity` zeroed buckets of its own (a new histogram). */
  adopt(region: SlabRegion, capacity: number): void {
    region.offset = this.allocate(capacity);
    region.capacity = capacity;
    this.regions.push(region);
  }

  /**
   * Moves `region` to `capacity` buckets (larger), keeping its counts. The old place is left as a hole, dropped
   * at the next rebuild.
   */
  enlarge(region: SlabRegion, capacity: number): void {
    this.flush(); // the pending increments name the old place
    const offset = this.allocate(capacity); // may rebuild, moving region.offset
    this.counts.copyWithin(offset, region.offset, region.offset + region.capacity);
    region.offset = offset;
    region.capacity = capacity;
  }

  private allocate(size: number): number {
    if (this.used + size > this.counts.length) this.rebuild(size);
    const offset = this.used;
    this.used += size;
    return offset;
  }

  /** A new array holding the regions side by side, with room for `size` more and half as much again. */
  private rebuild(size: number): void {
    this.flush();
    let live = size;
    for (const r of this.regions) live += r.capacity;
    const next = new Uint32Array(Math.max(this.counts.length, Math.ceil(live * 1.5)));
    let at = 0;
    for (const r of this.regions) {
      next.set(this.counts.subarray(r.offset, r.offset + r.capacity), at);
      r.offset = at;
      at += r.capacity;
    }
    this.counts = next;
    this.used = at;
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

  /** Adds `n` to the count at `index`. */
  add(index: number, n: number): void { this.counts[index]! += n; }

  /** Zeroes `size` counts from `offset`. */
  clear(offset: number, size: number): void {
    this.flush();
    this.counts.fill(0, offset, offset + size);
  }
}
