import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, LatencyRegistry, round3 } from './latencyHistogram';
import { bucketIndex, bucketUpperBound } from './logLinearHistogram';

const latencyMs = fc.oneof(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 50_000, noNaN: true }));
/** Latencies as runs have them: a spike of zeros (a queue's waits), a dense stretch, and a long thin tail. */
const runLatencyMs = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.double({ min: 20, max: 60, noNaN: true }), weight: 6 },
  { arbitrary: fc.double({ min: 0, max: 2_000, noNaN: true }), weight: 1 },
);

/**
 * The summary computed the straightforward way, from the values themselves: each percentile the upper bound of the
 * bucket of the value at its rank in sorted order, capped at the max; `sums` are the parts' own running sums.
 */
function summaryOfValues(values: readonly number[], sums: readonly number[]) {
  if (values.length === 0) return { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const us = values.map((ms) => Math.max(0, Math.round(ms * 1000))).sort((a, b) => a - b);
  const max = us[us.length - 1]!;
  const at = (p: number) => round3(Math.min(bucketUpperBound(bucketIndex(us[Math.max(1, Math.ceil((p / 100) * us.length)) - 1]!)), max) / 1000);
  return { count: us.length, mean: round3(sums.reduce((a, b) => a + b, 0) / us.length), p50: at(50), p95: at(95), p99: at(99), max: round3(max / 1000) };
}

describe('LatencyRegistry.summary', () => {
  it('is the summary of the merged histogram, without building it', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), latencyMs), { maxLength: 2000 }), (records) => {
      const registry = new LatencyRegistry();
      const parts = [0, 1, 2, 3, 4].map(() => registry.create());
      for (const [part, ms] of records) parts[part]!.record(ms);
      expect(registry.summary()).toEqual(registry.merged().summary());
    }));
  });

  it('gives the straightforward summaries of the values, the run\'s and each part\'s, however their buckets lie', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n),
      fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), runLatencyMs), { maxLength: 3000 }))), ([n, records]) => {
      const registry = new LatencyRegistry();
      const parts = Array.from({ length: n }, () => registry.create());
      const values: number[][] = parts.map(() => []);
      const sums = parts.map(() => 0);
      for (const [part, ms] of records) { parts[part]!.record(ms); values[part]!.push(ms); sums[part]! += ms; }
      expect(registry.summary()).toEqual(summaryOfValues(values.flat(), sums));
      parts.forEach((h, i) => expect(h.summary()).toEqual(summaryOfValues(values[i]!, [sums[i]!])));
    }), { numRuns: 300 });
  });

  it('keeps no summary past a change: records, resets and summaries in any order read as fresh ones', () => {
    type Step = { op: 'record'; part: number; ms: number } | { op: 'reset'; part: number } | { op: 'summary' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      { arbitrary: fc.record({ op: fc.constant('record' as const), part: fc.integer({ min: 0, max: 2 }), ms: runLatencyMs }), weight: 8 },
      { arbitrary: fc.record({ op: fc.constant('reset' as const), part: fc.integer({ min: 0, max: 2 }) }), weight: 1 },
      { arbitrary: fc.record({ op: fc.constant('summary' as const) }), weight: 2 },
    );
    fc.assert(fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
      const registry = new LatencyRegistry();
      const parts = [0, 1, 2].map(() => registry.create());
      const values: number[][] = [[], [], []];
      const sums = [0, 0, 0];
      for (const s of steps) {
        if (s.op === 'record') { parts[s.part]!.record(s.ms); values[s.part]!.push(s.ms); sums[s.part]! += s.ms; }
        else if (s.op === 'reset') { parts[s.part]!.reset(); values[s.part] = []; sums[s.part] = 0; }
        else {
          expect(registry.summary()).toEqual(summaryOfValues(values.flat(), sums));
          parts.forEach((h, i) => expect(h.summary()).toEqual(summaryOfValues(values[i]!, [sums[i]!])));
        }
      }
    }), { numRuns: 300 });
  });

  it('keeps no summary past a reset, even when as many values follow it as preceded it', () => {
    const h = new LatencyRegistry().create();
    for (const ms of [1, 2, 3]) h.record(ms);
    expect(h.summary()).toMatchObject({ count: 3, max: 3 });
    h.reset();
    for (const ms of [7, 8, 9]) h.record(ms);
    expect(h.summary()).toEqual(summaryOfValues([7, 8, 9], [24]));
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
