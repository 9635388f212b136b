import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketIndex, bucketUpperBound, EXACT, LogLinearHistogram, SUB } from './logLinearHistogram';

/** The reference: the value at rank ⌈p/100 · n⌉ (at least 1) of the sorted values, as the histogram defines it. */
function exactPercentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function histogramOf(values: readonly number[]): LogLinearHistogram {
  const h = new LogLinearHistogram();
  for (const v of values) h.record(v);
  return h;
}

const PERCENTILES = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100];
/** A bucket above EXACT is at most 1/SUB of its values wide (HDR-style significant digits). */
const RELATIVE = 1 / SUB;

const small = fc.integer({ min: 0, max: EXACT - 1 });
/** Values across the whole range a latency in µs can take (up to 2^53), spread over the exponents. */
const anyValue = fc.oneof(
  small,
  fc.integer({ min: EXACT, max: 1_000_000 }),
  fc.integer({ min: 0, max: 52 }).chain((e) => fc.integer({ min: 0, max: 2 ** 20 }).map((x) => Math.min(Number.MAX_SAFE_INTEGER, Math.floor(2 ** e + (x / 2 ** 20) * 2 ** e)))),
);

describe('LogLinearHistogram', () => {
  it('is empty at first: count 0, NaN percentiles, max 0', () => {
    const h = new LogLinearHistogram();
    expect(h.count).toBe(0);
    expect(h.max).toBe(0);
    expect(h.valueAtPercentile(50)).toBeNaN();
  });

  it('is exact below EXACT: every percentile is the sorted-array percentile', () => {
    fc.assert(fc.property(fc.array(small, { minLength: 1, maxLength: 500 }), (values) => {
      const h = histogramOf(values);
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of PERCENTILES) expect(h.valueAtPercentile(p)).toBe(exactPercentile(sorted, p));
      expect(h.count).toBe(values.length);
      expect(h.max).toBe(sorted[sorted.length - 1]);
    }), { numRuns: 200 });
  });

  it('above EXACT, percentiles are within 1/SUB of the exact ones, never below them; the max is exact', () => {
    fc.assert(fc.property(fc.array(anyValue, { minLength: 1, maxLength: 400 }), fc.double({ min: 0, max: 100, noNaN: true }), (values, pRandom) => {
      const h = histogramOf(values);
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [...PERCENTILES, pRandom]) {
        const exact = exactPercentile(sorted, p);
        const got = h.valueAtPercentile(p);
        expect(got).toBeGreaterThanOrEqual(exact);
        expect(got - exact).toBeLessThanOrEqual(exact * RELATIVE);
        expect((got - exact) / Math.max(exact, 1)).toBeLessThan(RELATIVE);
      }
      expect(h.max).toBe(sorted[sorted.length - 1]);
      expect(h.valueAtPercentile(100)).toBe(sorted[sorted.length - 1]);
    }), { numRuns: 200 });
  });

  it('counts negative values as 0', () => {
    const h = histogramOf([-5, -1, 3]);
    expect(h.count).toBe(3);
    expect(h.valueAtPercentile(50)).toBe(0);
    expect(h.max).toBe(3);
  });

  it('keeps memory flat in the number of records (depends on the range only)', () => {
    const h = new LogLinearHistogram();
    for (let i = 0; i < 100_000; i++) h.record(i % 5000);
    const { capacity, slab } = h as unknown as { capacity: number; slab: { used: number } };
    expect(capacity).toBeLessThanOrEqual(8192);
    expect(slab.used).toBeLessThanOrEqual(2 * 8192); // regions double: the ones left behind are at most as large
    expect(h.count).toBe(100_000);
  });

  it('reset empties it, and it then behaves like a new histogram', () => {
    fc.assert(fc.property(fc.array(anyValue, { maxLength: 200 }), fc.array(anyValue, { minLength: 1, maxLength: 200 }), (before, after) => {
      const h = histogramOf(before);
      h.reset();
      expect(h.count).toBe(0);
      expect(h.max).toBe(0);
      expect(h.valueAtPercentile(50)).toBeNaN();
      for (const v of after) h.record(v);
      const fresh = histogramOf(after);
      expect(h.count).toBe(fresh.count);
      expect(h.max).toBe(fresh.max);
      for (const p of PERCENTILES) expect(h.valueAtPercentile(p)).toBe(fresh.valueAtPercentile(p));
    }), { numRuns: 100 });
  });

  it('add (merge) equals recording both sets into one histogram', () => {
    fc.assert(fc.property(fc.array(anyValue, { maxLength: 200 }), fc.array(anyValue, { maxLength: 200 }), (a, b) => {
      const merged = histogramOf(a);
      merged.add(histogramOf(b));
      const both = histogramOf([...a, ...b]);
      expect(merged.count).toBe(both.count);
      expect(merged.max).toBe(both.max);
      for (const p of PERCENTILES) expect(merged.valueAtPercentile(p)).toEqual(both.valueAtPercentile(p));
      // Merging does not change the source.
      const source = histogramOf(b);
      merged.add(source);
      expect(source.count).toBe(b.length);
    }), { numRuns: 150 });
  });

  it('reads between records see every value recorded so far (increments are applied in batches)', () => {
    fc.assert(fc.property(fc.array(anyValue, { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 97 }), (values, every) => {
      const h = new LogLinearHistogram();
      const sorted: number[] = [];
      values.forEach((v, i) => {
        h.record(v);
        sorted.push(v);
        if ((i + 1) % every !== 0) return;
        sorted.sort((a, b) => a - b);
        expect(h.count).toBe(sorted.length);
        expect(h.valueAtPercentile(100)).toBe(sorted[sorted.length - 1]);
        expect(h.valueAtPercentile(0)).toBeGreaterThanOrEqual(sorted[0]!);
        expect(h.valueAtPercentile(50)).toBeGreaterThanOrEqual(exactPercentile(sorted, 50));
        expect(h.valueAtPercentile(50)).toBeLessThanOrEqual(Math.max(exactPercentile(sorted, 50) * (1 + RELATIVE), EXACT));
      });
    }), { numRuns: 100 });
  });

  it('add grows the target when the other holds larger values, and adding an empty one changes nothing', () => {
    const target = histogramOf([1, 2, 3]);
    target.add(new LogLinearHistogram());
    expect(target.count).toBe(3);
    target.add(histogramOf([2 ** 40]));
    expect(target.count).toBe(4);
    expect(target.max).toBe(2 ** 40);
    expect(target.valueAtPercentile(100)).toBe(2 ** 40);
    expect(target.valueAtPercentile(75)).toBe(3);
  });
});

describe('bucketIndex / bucketUpperBound', () => {
  it('below EXACT every value is its own bucket', () => {
    for (let v = 0; v < EXACT; v++) {
      expect(bucketIndex(v)).toBe(v);
      expect(bucketUpperBound(v)).toBe(v);
    }
  });

  it('every value is ≤ the upper bound of its bucket and > the upper bound of the previous bucket', () => {
    fc.assert(fc.property(anyValue, (v) => {
      const i = bucketIndex(v);
      expect(Number.isInteger(i)).toBe(true);
      expect(v).toBeLessThanOrEqual(bucketUpperBound(i));
      if (i > 0) expect(v).toBeGreaterThan(bucketUpperBound(i - 1));
    }), { numRuns: 2000 });
  });

  it('buckets tile the integers: the upper bound is in its bucket and the next integer starts the next bucket', () => {
    const lastIndex = bucketIndex(Number.MAX_SAFE_INTEGER);
    fc.assert(fc.property(fc.integer({ min: 0, max: lastIndex - 1 }), (i) => {
      const ub = bucketUpperBound(i);
      expect(bucketIndex(ub)).toBe(i);
      expect(bucketIndex(ub + 1)).toBe(i + 1);
    }), { numRuns: 2000 });
  });

  it('at each power of two (both sides of the 2^31 switch) values land in the right bucket', () => {
    for (let e = 11; e <= 52; e++) {
      for (const v of [2 ** e - 1, 2 ** e, 2 ** e + 1]) {
        const i = bucketIndex(v);
        expect(v, `2^${e}: ${v}`).toBeLessThanOrEqual(bucketUpperBound(i));
        expect(v, `2^${e}: ${v}`).toBeGreaterThan(bucketUpperBound(i - 1));
      }
    }
  });

  it('a bucket above EXACT is no wider than 1/SUB of its smallest value', () => {
    fc.assert(fc.property(fc.integer({ min: EXACT, max: bucketIndex(Number.MAX_SAFE_INTEGER) }), (i) => {
      const lowest = bucketUpperBound(i - 1) + 1;
      const width = bucketUpperBound(i) - lowest + 1;
      expect(width).toBeLessThanOrEqual(lowest / SUB);
    }), { numRuns: 2000 });
  });
});
