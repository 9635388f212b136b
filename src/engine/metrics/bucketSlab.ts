/** Bucket increments noted before they are applied: at least this many per part, and more in all for a large slab (pendingFor). */
const MIN_PENDING = 256;
const MAX_PENDING = 1 << 16;
/** Increments are noted by part of the slab, 2^PART_BITS buckets each (16 KB of low bytes: a core's L1 holds one). */
const PART_BITS = 14;
/** A count is its low byte (touched by every increment) plus 256 × its high count (touched once in 256). */
const LOW = 256;

/** A histogram's place in a slab: its buckets are counts[offset, offset + capacity). The slab may move it. */
export interface SlabRegion {
  offset: number;
  capacity: number;
}

/**
 * The bucket counts of several histograms in typed arrays, each histogram a region of them, and the increments
 * noted by all of them but not applied yet.
 *
 * Why one slab: mm1-200 keeps 400 histograms; each record of a histogram with its own counts and its own
 * buffer of pending increments touched three objects of that histogram besides the bucket (its counts array,
 * its buffer and the buffer's store), each a likely cache miss. Here a record touches the histogram and the
 * slab's buffer of pending increments (docs/PERFORMANCE.md, "Histograms").
 *
 * Why increments wait by part, and counts are split in two: a record increments a random bucket among the
 * 400 histograms' 1.2 M, and done one at a time each increment fetched a cache line from memory and pushed a line
 * of the nodes' own state out of the core's L2. Noted by part of the slab (16 KB of buckets) and applied a part
 * at a time, a part's lines are fetched once for hundreds of increments; and the counts those increments touch are
 * bytes (the low byte of each count; a wrap adds to its `high` count, touched once in 256), a quarter of the memory
 * of 32-bit counts (docs/PERFORMANCE.md, "Third round").
 *
 * A histogram that outgrows its region moves to a new one at the end and leaves a hole; when the slab is full
 * it is rebuilt with its histograms' regions side by side, holes dropped, and half as much again free.
 */
export class BucketSlab {
  private low: Uint8Array;
  private high: Uint32Array;
  private used = 0;
  /** The noted increments (slab indexes), part by part: part p's are pending[p << capBits, + fill[p]). */
  private pending: Int32Array;
  private fill: Int32Array;
  /** log2 of the increments a part notes before they are applied. */
  private capBits = 0;
  /** The regions in use, one per histogram, moved together when the slab is rebuilt. */
  private readonly regions: SlabRegion[] = [];

  /** `capacity`: buckets to start with (it grows as regions are allocated). */
  constructor(capacity = 4096) {
    this.low = new Uint8Array(capacity);
    this.high = new Uint32Array(capacity);
    this.pending = this.fill = new Int32Array(0);
    this.plan();
  }

  /** Sizes the pending buffer for the slab's length: a part per 2^PART_BITS buckets, pendingFor(length) in all. */
  private plan(): void {
    const parts = (this.low.length >>> PART_BITS) + 1;
    let capBits = 8;
    while ((1 << capBits) * parts < pendingFor(this.low.length)) capBits++;
    this.capBits = capBits;
    this.pending = new Int32Array(parts << capBits);
    this.fill = new Int32Array(parts);
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
    this.low.copyWithin(offset, region.offset, region.offset + region.capacity);
    this.high.copyWithin(offset, region.offset, region.offset + region.capacity);
    region.offset = offset;
    region.capacity = capacity;
  }

  private allocate(size: number): number {
    if (this.used + size > this.low.length) this.rebuild(size);
    const offset = this.used;
    this.used += size;
    return offset;
  }

  /** New arrays holding the regions side by side, with room for `size` more and half as much again. */
  private rebuild(size: number): void {
    this.flush();
    let live = size;
    for (const r of this.regions) live += r.capacity;
    const length = Math.max(this.low.length, Math.ceil(live * 1.5));
    const low = new Uint8Array(length), high = new Uint32Array(length);
    let at = 0;
    for (const r of this.regions) {
      low.set(this.low.subarray(r.offset, r.offset + r.capacity), at);
      high.set(this.high.subarray(r.offset, r.offset + r.capacity), at);
      r.offset = at;
      at += r.capacity;
    }
    this.low = low;
    this.high = high;
    this.used = at;
    this.plan(); // after the flush above: nothing is pending
  }

  /**
   * Notes one increment of the bucket at slab index `index`. Increments are kept by part of the slab and a part's
   * are applied together when it has 2^capBits: they land in 16 KB whose cache lines are fetched once for all of
   * them, not once per increment (with 400 histograms, one random bucket per increment missed the L2 and pushed the
   * nodes' state out of it: docs/PERFORMANCE.md, "Third round").
   */
  note(index: number): void {
    const p = index >>> PART_BITS;
    const f = this.fill[p]!;
    this.pending[(p << this.capBits) + f] = index;
    if (f + 1 === 1 << this.capBits) this.applyPart(p, f + 1);
    else this.fill[p] = f + 1;
  }

  /** Applies the noted increments; every reader of the counts calls it first. */
  flush(): void {
    const fill = this.fill;
    for (let p = 0; p < fill.length; p++) if (fill[p]! > 0) this.applyPart(p, fill[p]!);
  }

  /** Adds one to each of the `n` buckets part `p` noted. */
  private applyPart(p: number, n: number): void {
    this.fill[p] = 0;
    const low = this.low, high = this.high, pending = this.pending;
    for (let k = p << this.capBits, end = k + n; k < end; k++) {
      const i = pending[k]!;
      const c = low[i]! + 1;
      if (c === LOW) { low[i] = 0; high[i]!++; } else low[i] = c;
    }
  }

  /**
   * Writes the `n` counts from slab index `index` to into[0, n) (flush first): straight from the two arrays, for
   * reading a histogram's percentiles a block at a time.
   */
  countsInto(index: number, n: number, into: Float64Array): void {
    const low = this.low, high = this.high;
    for (let i = 0; i < n; i++) into[i] = high[index + i]! * LOW + low[index + i]!;
  }

  /** Adds the `n` counts from slab index `index` to into[at, at + n) (flush first), for merging histograms. */
  addCounts(index: number, n: number, into: Float64Array, at: number): void {
    const low = this.low, high = this.high;
    for (let i = 0; i < n; i++) into[at + i] = into[at + i]! + high[index + i]! * LOW + low[index + i]!;
  }

  /** The count at slab index `index` (flush first). */
  at(index: number): number { return this.high[index]! * LOW + this.low[index]!; }

  /** Adds `n` to the count at `index`. */
  add(index: number, n: number): void {
    const c = this.at(index) + n;
    this.low[index] = c % LOW;
    this.high[index] = (c - (c % LOW)) / LOW;
  }

  /** Zeroes `size` counts from `offset`. */
  clear(offset: number, size: number): void {
    this.flush();
    this.low.fill(0, offset, offset + size);
    this.high.fill(0, offset, offset + size);
  }

  /** Buckets held (used and free), for tests of its memory. */
  get length(): number { return this.low.length; }
}

/**
 * Increments to keep noted in all, for a slab of `buckets`: a part's cache lines are fetched once per batch, so the
 * more increments per batch, the fewer fetches per increment, up to where the buffer itself is as large as what it
 * spares (mm1-200's 200 histograms per registry: 1.2 M buckets, 64 K increments, 256 KB). A small slab (a lone
 * histogram) keeps 256.
 */
function pendingFor(buckets: number): number {
  let n = MIN_PENDING;
  while (n < MAX_PENDING && n * 16 < buckets) n *= 2;
  return n;
}
