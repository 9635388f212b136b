import type { LogLinearHistogram } from './logLinearHistogram';

/** Shown the counts of buckets [from, to) a histogram's search read, in counts[0, to - from). */
export type SeenCounts = (from: number, to: number, counts: Float64Array) => void;

/**
 * The merged counts of a registry's histograms (its parts) that their own summaries already read.
 *
 * Why: a snapshot summarises every part (each node's report) and the run's merge of them. Each reads a part's
 * buckets near the top, where its values are (rankSearch.ts), and they are mostly the same buckets; read twice,
 * they were half the snapshot's time on mm1-200. So the registry summarises its parts first and keeps here what
 * each part's search read, added bucket by bucket; the merge's search then reads from the parts only the buckets
 * their searches did not (docs/PERFORMANCE.md, "Eleventh session").
 */
export class PartialMerge {
  /** counts[b]: the values in bucket b of the parts whose searches read it. */
  private counts = new Float64Array(0);
  /** Part p's search has not read its buckets [unreadFrom[p], unreadTo[p]): it reads up from 0 and down from its top. */
  private unreadFrom = new Int32Array(0);
  private unreadTo = new Int32Array(0);

  /** Starts a merge of `parts` (buckets 0 … `highest`), nothing read. */
  start(parts: readonly LogLinearHistogram[], highest: number): void {
    if (this.counts.length <= highest) this.counts = new Float64Array(highest + 1);
    else this.counts.fill(0, 0, highest + 1);
    if (this.unreadFrom.length < parts.length) {
      this.unreadFrom = new Int32Array(parts.length);
      this.unreadTo = new Int32Array(parts.length);
    }
    for (let p = 0; p < parts.length; p++) {
      this.unreadFrom[p] = 0;
      this.unreadTo[p] = parts[p]!.highestBucket + 1;
    }
  }

  /** Part p's search read its buckets [from, to), whose counts are counts[0, to - from). */
  seen(p: number, from: number, to: number, counts: Float64Array): void {
    const merged = this.counts;
    for (let i = from; i < to; i++) merged[i] = merged[i]! + counts[i - from]!;
    // A read from the bottom starts where the last ended; one from the top ends where the last began.
    if (from === this.unreadFrom[p]) this.unreadFrom[p] = to;
    else this.unreadTo[p] = from;
  }

  /** Writes the merged counts of buckets [from, to) to into[0, to - from): those seen, and the parts' others (their slab flushed). */
  read(parts: readonly LogLinearHistogram[], from: number, to: number, into: Float64Array): void {
    const merged = this.counts;
    for (let i = from; i < to; i++) into[i - from] = merged[i]!;
    for (let p = 0; p < parts.length; p++) {
      const a = Math.max(from, this.unreadFrom[p]!), b = Math.min(to, this.unreadTo[p]!);
      if (a < b) parts[p]!.addFlushedCounts(a, b, into, a - from);
    }
  }
}
