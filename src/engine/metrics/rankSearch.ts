/**
 * Finding the buckets that hold given ranks of a histogram's values, reading as few buckets as it can.
 *
 * Why not a pass from the lowest bucket: a latency's buckets are log-linear, so most of them lie below where its
 * values are (mm1-200's end-to-end latency: ~2,750 buckets, its p50 at ~2,300). A pass from the bottom reads them
 * all up to the p99; a pass from the top reads only those down to the p50, but a queue's waits that are mostly 0
 * (p50 and often p99 in bucket 0) are the opposite. So it reads from both ends, a block at a time: first a block at
 * each end, then on at the end that, at the density of the block it read last, needs fewer buckets to reach the
 * next rank it can find (the bottom's lowest left, the top's highest left; on a tie, the end that read fewer). The
 * last block, not all those read: a spike of zeros says little of the buckets above it. Every bucket is read at
 * most once, and the answer is that of a pass from the bottom (docs/PERFORMANCE.md, "Eleventh
 * session").
 */

/** Buckets read at a time: small enough to waste little past the ranks, large enough to amortise a read's call. */
const BLOCK = 64;
/** Where blocks are read into (one search at a time: the engine is single-threaded and no reader searches). */
const block = new Float64Array(BLOCK);

/** Writes the counts of buckets [from, to) to into[0, to - from). */
export type ReadCounts = (from: number, to: number, into: Float64Array) => void;

/**
 * For each of the ascending `ranks` (1 … total), the bucket holding it: the lowest bucket whose count and those of
 * the buckets below it add up to the rank, among buckets 0 … `highest` holding `total` values in all (-1 for a rank
 * beyond the counts, which only inconsistent arguments give).
 *
 * From the top, bucket i holds rank r when the buckets from i up hold more than total − r values and those above
 * i do not: then fewer than r lie below i and at least r up to i, which is the rank's bucket from the bottom.
 */
export function bucketsAtRanks(highest: number, total: number, ranks: readonly number[], read: ReadCounts): number[] {
  const found = new Array<number>(ranks.length).fill(-1);
  let next = 0, last = ranks.length - 1; // ranks[next … last] are still to find
  let lo = 0, hi = highest + 1; // buckets [0, lo) were read from the bottom and [hi, highest] from the top
  let below = 0, above = 0; // the values they hold
  let bottomDensity = 0, topDensity = 0; // values per bucket in the block last read at each end
  while (next <= last && lo < hi) {
    const bottomCost = lo === 0 ? 0 : (ranks[next]! - below) / bottomDensity;
    const topCost = hi > highest ? 0 : (total - ranks[last]! + 1 - above) / topDensity;
    if (bottomCost < topCost || (bottomCost === topCost && lo <= highest + 1 - hi)) {
      const to = Math.min(lo + BLOCK, hi);
      read(lo, to, block);
      const before = below;
      let reach = ranks[next]!; // the running sum that finds the next rank up
      for (let i = lo; i < to; i++) {
        below += block[i - lo]!;
        while (below >= reach) {
          found[next++] = i;
          reach = next <= last ? ranks[next]! : Infinity;
        }
      }
      bottomDensity = (below - before) / (to - lo);
      lo = to;
    } else {
      const from = Math.max(hi - BLOCK, lo);
      read(from, hi, block);
      const before = above;
      let beyond = total - ranks[last]!; // the running sum to exceed to find the next rank down
      for (let i = hi - 1; i >= from; i--) {
        above += block[i - from]!;
        while (above > beyond) {
          found[last--] = i;
          beyond = next <= last ? total - ranks[last]! : Infinity;
        }
      }
      topDensity = (above - before) / (hi - from);
      hi = from;
    }
  }
  return found;
}
