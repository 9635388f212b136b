import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SAMPLE } from '../model/node';
import { IntervalLatency, KEPT_VALUES } from './intervalLatency';
import { LatencyHistogram } from './latencyHistogram';

const STRIDE = 8;

function written(l: IntervalLatency): { p50: number; p95: number; p99: number } {
  const out = new Float64Array(STRIDE).fill(-1);
  l.write(out, 0);
  return { p50: out[SAMPLE.p50]!, p95: out[SAMPLE.p95]!, p99: out[SAMPLE.p99]! };
}

describe('interval latency', () => {
  it('keeps nothing until sampling enables it', () => {
    const l = new IntervalLatency();
    l.record(5);
    expect(l.enabled).toBe(false);
    expect(written(l)).toEqual({ p50: NaN, p95: NaN, p99: NaN });
  });

  it('writes NaN for an interval in which nothing completed', () => {
    const l = new IntervalLatency();
    l.enable();
    expect(written(l)).toEqual({ p50: NaN, p95: NaN, p99: NaN });
  });

  it('writes the percentiles of the interval, then starts afresh', () => {
    const l = new IntervalLatency();
    l.enable();
    for (let ms = 1; ms <= 100; ms++) l.record(ms);
    const first = written(l);
    expect(first.p50).toBeCloseTo(50, 0);
    expect(first.p95).toBeCloseTo(95, 0);
    expect(first.p99).toBeCloseTo(99, 0);
    expect(written(l)).toEqual({ p50: NaN, p95: NaN, p99: NaN }); // nothing since
    l.record(3);
    expect(written(l)).toEqual({ p50: 3, p95: 3, p99: 3 }); // the 100 ms of before are gone
  });

  it('writes at its node\'s offset and leaves the other fields alone', () => {
    const l = new IntervalLatency();
    l.enable();
    l.record(7);
    const out = new Float64Array(3 * STRIDE).fill(-1);
    l.write(out, STRIDE);
    expect(out[STRIDE + SAMPLE.p95]).toBe(7);
    expect([...out].filter((v) => v !== -1)).toHaveLength(3);
  });

  it('agrees with the reports\' histogram on any interval, few values or many', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3 * KEPT_VALUES }), (values) => {
      const l = new IntervalLatency();
      l.enable();
      const report = new LatencyHistogram();
      for (const v of values) { l.record(v); report.record(v); }
      const w = written(l);
      expect(w).toEqual({ p50: report.percentile(50), p95: report.percentile(95), p99: report.percentile(99) });
    }), { numRuns: 300 });
  });

  it('starts afresh after an interval with more values than it keeps', () => {
    const l = new IntervalLatency();
    l.enable();
    for (let i = 0; i <= 2 * KEPT_VALUES; i++) l.record(1000);
    expect(written(l).p50).toBe(1000);
    for (let i = 0; i <= 2 * KEPT_VALUES; i++) l.record(2);
    expect(written(l)).toEqual({ p50: 2, p95: 2, p99: 2 });
    l.record(5);
    expect(written(l)).toEqual({ p50: 5, p95: 5, p99: 5 });
  });
});
