import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketsAtRanks } from './rankSearch';

/** The straightforward answer: a pass from the lowest bucket, the first whose running sum reaches each rank. */
function fromTheBottom(counts: readonly number[], ranks: readonly number[]): number[] {
  return ranks.map((r) => {
    let seen = 0;
    for (let i = 0; i < counts.length; i++) if ((seen += counts[i]!) >= r) return i;
    return -1;
  });
}

/** Counts as latencies have them: long runs of empty buckets, spikes (a queue's waits of 0), dense stretches. */
const counts = fc.array(fc.tuple(fc.oneof(
  { arbitrary: fc.constant(0), weight: 4 },
  { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 100_000 }), weight: 1 },
), fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 300 }))), { minLength: 1, maxLength: 20 })
  .map((runs) => runs.flatMap(([count, length]) => new Array<number>(length).fill(count)))
  .filter((c) => c.some((n) => n > 0));

/** Ascending ranks among `total`, the ends included. */
const ranksAmong = (total: number) => fc.array(fc.oneof(fc.integer({ min: 1, max: total }), fc.constantFrom(1, total)), { minLength: 1, maxLength: 6 })
  .map((r) => r.sort((a, b) => a - b));

describe('bucketsAtRanks', () => {
  it('finds the bucket a pass from the bottom finds, for every rank, reading each bucket at most once', () => {
    fc.assert(fc.property(counts.chain((c) => fc.tuple(fc.constant(c), ranksAmong(c.reduce((a, b) => a + b, 0)))), ([c, ranks]) => {
      const total = c.reduce((a, b) => a + b, 0);
      const read = new Array<number>(c.length).fill(0);
      const found = bucketsAtRanks(c.length - 1, total, ranks, (from, to, into) => {
        for (let i = from; i < to; i++) { into[i - from] = c[i]!; read[i]!++; }
      });
      expect(found).toEqual(fromTheBottom(c, ranks));
      expect(read.every((n) => n <= 1)).toBe(true);
    }), { numRuns: 500 });
  });

  it('reads few buckets when the values lie high above long empty ones, and when they are all at the bottom', () => {
    const high = new Array<number>(3000).fill(0);
    for (let i = 2600; i < 3000; i++) high[i] = 10;
    const low = new Array<number>(3000).fill(0);
    low[0] = 1000; low[2999] = 1;
    for (const c of [high, low]) {
      let read = 0;
      const total = c.reduce((a, b) => a + b, 0);
      const ranks = [50, 95, 99].map((p) => Math.ceil((p / 100) * total));
      const found = bucketsAtRanks(c.length - 1, total, ranks, (from, to, into) => {
        read += to - from;
        for (let i = from; i < to; i++) into[i - from] = c[i]!;
      });
      expect(found).toEqual(fromTheBottom(c, ranks));
      expect(read).toBeLessThan(600);
    }
  });
});
