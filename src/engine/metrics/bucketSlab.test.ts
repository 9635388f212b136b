import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketSlab } from './bucketSlab';
import { LogLinearHistogram } from './logLinearHistogram';

const value = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 5_000_000 }));
const percentiles = [0, 1, 25, 50, 75, 95, 99, 99.9, 100];
const readings = (h: LogLinearHistogram) => [h.count, h.max, ...percentiles.map((p) => h.valueAtPercentile(p))];

describe('BucketSlab', () => {
  it('keeps the histograms that share it apart: each reads as if it had its buckets to itself', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), value), { maxLength: 3000 }), (records) => {
      const slab = new BucketSlab();
      const shared = [0, 1, 2].map(() => new LogLinearHistogram(slab));
      const alone = [0, 1, 2].map(() => new LogLinearHistogram());
      for (const [which, v] of records) { shared[which]!.record(v); alone[which]!.record(v); }
      for (let i = 0; i < 3; i++) expect(readings(shared[i]!)).toEqual(readings(alone[i]!));
    }));
  });

  it('applies noted increments before any read, however few are pending', () => {
    const slab = new BucketSlab();
    const region = { offset: 0, capacity: 0 };
    slab.adopt(region, 8);
    slab.note(region.offset + 3);
    slab.note(region.offset + 3);
    slab.flush();
    expect(slab.at(region.offset + 3)).toBe(2);
    const h = new LogLinearHistogram(slab);
    h.record(7); // one pending increment, far fewer than a full buffer
    expect(h.valueAtPercentile(50)).toBe(7);
  });

  it('keeps every count when it grows, and when a histogram moves to a larger region', () => {
    const slab = new BucketSlab();
    const a = new LogLinearHistogram(slab), b = new LogLinearHistogram(slab);
    for (let i = 0; i < 20_000; i++) { a.record(i); b.record(3 * i); }
    const [ra, rb] = [readings(a), readings(b)];
    const fresh = [new LogLinearHistogram(), new LogLinearHistogram()];
    for (let i = 0; i < 20_000; i++) { fresh[0]!.record(i); fresh[1]!.record(3 * i); }
    expect(ra).toEqual(readings(fresh[0]!));
    expect(rb).toEqual(readings(fresh[1]!));
  });

  it('a reset clears only its own region', () => {
    const slab = new BucketSlab();
    const a = new LogLinearHistogram(slab), b = new LogLinearHistogram(slab);
    for (let i = 0; i < 1000; i++) { a.record(i); b.record(i); }
    a.reset();
    expect(a.count).toBe(0);
    const untouched = new LogLinearHistogram();
    for (let i = 0; i < 1000; i++) untouched.record(i);
    expect(readings(b)).toEqual(readings(untouched));
    a.record(5);
    expect(a.valueAtPercentile(100)).toBe(5);
  });

  it('drops the holes left by histograms that grew when it rebuilds: memory stays near what the regions hold', () => {
    const slab = new BucketSlab();
    const histograms = Array.from({ length: 200 }, () => new LogLinearHistogram(slab));
    // Each grows 512 -> 1024 -> 2048 -> 4096 buckets, one step at a time, as latencies spread out in a run.
    for (const limit of [2_000, 20_000, 200_000, 2_000_000]) for (const h of histograms) h.record(limit);
    const live = histograms.reduce((sum, h) => sum + h.capacity, 0);
    expect(live).toBe(200 * 4096);
    expect(slab.length).toBeLessThanOrEqual(2 * live);
    const alone = new LogLinearHistogram();
    for (const limit of [2_000, 20_000, 200_000, 2_000_000]) alone.record(limit);
    for (const h of histograms) expect(readings(h)).toEqual(readings(alone));
  });

  it('a large slab notes increments by part: every count is right across parts, before and after a part fills', () => {
    // 300 histograms of up to 4096 buckets: dozens of parts of 2^14 buckets, each noting hundreds of increments before it applies them.
    const slab = new BucketSlab();
    const shared = Array.from({ length: 300 }, () => new LogLinearHistogram(slab));
    const alone = Array.from({ length: 300 }, () => new LogLinearHistogram());
    let x = 7;
    const check = () => { for (const i of [0, 1, 150, 298, 299]) expect(readings(shared[i]!)).toEqual(readings(alone[i]!)); };
    for (let n = 0; n < 400_000; n++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      const v = x % 3 === 0 ? x % 500 : x % 2_000_000;
      shared[x % 300]!.record(v);
      alone[x % 300]!.record(v);
      if (n === 1000 || n === 150_000) check(); // reads in between: what was noted so far is applied, then noting goes on
    }
    expect(slab.length).toBeGreaterThan(2 ** 14 * 30); // dozens of parts
    check();
  });

  it('counts past a byte in a bucket exactly: the low byte wraps into the high count', () => {
    const h = new LogLinearHistogram(new BucketSlab());
    for (let n = 1; n <= 70_000; n++) {
      h.record(7);
      if (n === 255 || n === 256 || n === 257 || n === 65_536 || n === 70_000) expect([h.count, h.valueAtPercentile(50), h.valueAtPercentile(100)]).toEqual([n, 7, 7]);
    }
    h.record(8);
    expect(h.valueAtPercentile(99.99)).toBe(7);
    expect(h.valueAtPercentile(100)).toBe(8);
    const merged = new LogLinearHistogram();
    merged.add(h);
    merged.add(h);
    expect([merged.count, merged.valueAtPercentile(99.999)]).toEqual([140_002, 8]);
    expect(merged.valueAtPercentile(99.998)).toBe(7);
  });
});
