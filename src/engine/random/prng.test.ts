import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString, Sfc32, streamFor, type Random } from './prng';

const draws = (rng: Random, n: number): number[] => Array.from({ length: n }, () => rng.next());

/**
 * Tolerances are Z standard errors of the statistic. At Z = 5 a correct generator fails a single check
 * with probability ≈ 6e-7, so a failure means a real defect, not bad luck; the seeds are fixed anyway.
 */
const Z = 5;

describe('hashString (FNV-1a, 32-bit)', () => {
  it('matches the published FNV-1a test vectors', () => {
    // From the FNV reference (isthe.com/chongo/tech/comp/fnv): offset basis, "a", "foobar".
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('is an unsigned 32-bit integer for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const h = hashString(s);
      return Number.isInteger(h) && h >= 0 && h < 2 ** 32;
    }));
  });
});

describe('streamFor', () => {
  it('gives the same stream for the same seed, node id and purpose', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4294967295 }), fc.string(), fc.string(), (seed, node, purpose) => {
      expect(draws(streamFor(seed, node, purpose), 20)).toEqual(draws(streamFor(seed, node, purpose), 20));
    }), { numRuns: 200 });
  });

  it('gives a different stream for a different seed, node id or purpose', () => {
    const base = draws(streamFor(42, 'queue-1', 'service'), 8);
    expect(draws(streamFor(43, 'queue-1', 'service'), 8)).not.toEqual(base);
    expect(draws(streamFor(42, 'queue-2', 'service'), 8)).not.toEqual(base);
    expect(draws(streamFor(42, 'queue-1', 'failure'), 8)).not.toEqual(base);
    // Not even one shared value in the first draws (32-bit values: a coincidence is ~1e-8).
    const others = [streamFor(43, 'queue-1', 'service'), streamFor(42, 'queue-2', 'service'), streamFor(42, 'queue-1', 'failure')];
    for (const rng of others) for (const v of draws(rng, 8)) expect(base).not.toContain(v);
  });

  it('property: distinct (seed, node, purpose) triples start differently', () => {
    const triple = fc.tuple(fc.integer({ min: 0, max: 4294967295 }), fc.string({ maxLength: 8 }), fc.constantFrom('arrival', 'service', 'failure', 'routingKey', 'size'));
    fc.assert(fc.property(triple, triple, (a, b) => {
      fc.pre(a[0] !== b[0] || a[1] !== b[1] || a[2] !== b[2]);
      expect(draws(streamFor(...a), 4)).not.toEqual(draws(streamFor(...b), 4));
    }), { numRuns: 300 });
  });

  it('streams of neighbouring node ids are uncorrelated', () => {
    const n = 50_000;
    const x = draws(streamFor(7, 'c1', 'service'), n);
    const y = draws(streamFor(7, 'c2', 'service'), n);
    const mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) { sxy += (x[i]! - mx) * (y[i]! - my); sxx += (x[i]! - mx) ** 2; syy += (y[i]! - my) ** 2; }
    const r = sxy / Math.sqrt(sxx * syy);
    // Under independence r has standard error ≈ 1/√n.
    expect(Math.abs(r)).toBeLessThan(Z / Math.sqrt(n));
  });
});

describe('Sfc32 uniformity', () => {
  const n = 200_000;

  it.each([0, 1, 42, 4294967295])('seed %d: every draw in [0, 1), mean ≈ 1/2, variance ≈ 1/12, flat histogram', (seed) => {
    const rng = new Sfc32(seed);
    const bins = new Array<number>(20).fill(0);
    let sum = 0, sumSq = 0, outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u; sumSq += u * u;
      bins[Math.floor(u * 20)]!++;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;
    // SE of the mean: √(1/12 / n); SE of the variance: √((1/80 − 1/144) / n) (μ4 of U(0,1) is 1/80).
    expect(Math.abs(mean - 0.5)).toBeLessThan(Z * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(Z * Math.sqrt((1 / 80 - 1 / 144) / n));
    // χ² with 19 degrees of freedom: P(χ² > 60) ≈ 3e-6.
    const expected = n / 20;
    const chi2 = bins.reduce((acc, o) => acc + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(60);
  });

  it('consecutive draws are uncorrelated (lag-1)', () => {
    const x = draws(new Sfc32(9), 100_001);
    let s = 0;
    for (let i = 0; i < x.length - 1; i++) s += (x[i]! - 0.5) * (x[i + 1]! - 0.5);
    const r = s / (x.length - 1) / (1 / 12);
    expect(Math.abs(r)).toBeLessThan(Z / Math.sqrt(x.length - 1));
  });

  it('uses 32 bits: values are multiples of 2^-32 and not all from a coarse grid', () => {
    const x = draws(new Sfc32(3), 1000);
    for (const u of x) expect(Number.isInteger(u * 2 ** 32)).toBe(true);
    // If only 16 bits varied, every value would be a multiple of 2^-16.
    expect(x.some((u) => !Number.isInteger(u * 2 ** 16))).toBe(true);
  });
});
