import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SAMPLE } from '../model/node';
import { IntervalLatency } from './intervalLatency';
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

  it('agrees with the reports\' histogram on any interval', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
      const l = new IntervalLatency();
      l.enable();
      const report = new LatencyHistogram();
      for (const v of values) { l.record(v); report.record(v); }
      const w = written(l);
      expect(w.p50).toBeCloseTo(report.percentile(50), 6);
      expect(w.p95).toBeCloseTo(report.percentile(95), 6);
      expect(w.p99).toBeCloseTo(report.percentile(99), 6);
    }));
  });
});
