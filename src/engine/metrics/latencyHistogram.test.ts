import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, LatencyRegistry } from './latencyHistogram';

const latencyMs = fc.oneof(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 50_000, noNaN: true }));

describe('LatencyRegistry.summary', () => {
  it('is the summary of the merged histogram, without building it', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), latencyMs), { maxLength: 2000 }), (records) => {
      const registry = new LatencyRegistry();
      const parts = [0, 1, 2, 3, 4].map(() => registry.create());
      for (const [part, ms] of records) parts[part]!.record(ms);
      expect(registry.summary()).toEqual(registry.merged().summary());
    }));
  });

  it('reads zeros when nothing was recorded', () => {
    const registry = new LatencyRegistry();
    registry.create();
    expect(registry.summary()).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });
});

describe('LatencyHistogram percentiles in one pass', () => {
  it('gives each percentile what a pass of its own gives, several of them falling in one bucket or not', () => {
    const ps = fc.uniqueArray(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 8 }).map((a) => a.sort((x, y) => x - y));
    fc.assert(fc.property(fc.array(latencyMs, { minLength: 1, maxLength: 500 }), ps, (values, asked) => {
      const h = new LatencyHistogram();
      for (const v of values) h.record(v);
      expect(h.valuesAtPercentiles(asked)).toEqual(asked.map((p) => h.valueAtPercentile(p)));
      const [p50, p95, p99] = h.valuesAtPercentiles([50, 95, 99]);
      expect(h.summary()).toMatchObject({ p50: Math.round(p50!) / 1000, p95: Math.round(p95!) / 1000, p99: Math.round(p99!) / 1000 });
    }));
  });
});
