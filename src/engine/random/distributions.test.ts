import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../schema';
import { exponential, meanOf, standardNormal } from './distributions';
import { streamFor } from './prng';
import { samplerFor } from './samplers';

/**
 * Every tolerance is Z standard errors of the statistic for N draws; at Z = 5 a correct sampler fails
 * one check with probability ≈ 6e-7 (the seeds are fixed, so the runs are reproducible anyway).
 */
const Z = 5;
const N = 200_000;

interface Stats { mean: number; sd: number; min: number; max: number; values: number[] }

function sample(d: Distribution, n = N, seed = 11): Stats {
  const sampler = samplerFor(d, streamFor(seed, 'node', `dist-${d.type}`));
  const values = Array.from({ length: n }, () => sampler.draw());
  return stats(values);
}

function stats(values: number[]): Stats {
  const n = values.length;
  let sum = 0, min = Infinity, max = -Infinity;
  for (const v of values) { sum += v; if (v < min) min = v; if (v > max) max = v; }
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / (n - 1)), min, max, values };
}

/** |actual − expected| < Z × standard error. */
function expectNear(actual: number, expected: number, standardError: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected} (SE ${standardError})`).toBeLessThan(Z * standardError);
}

/**
 * Standard error of the sample standard deviation: √Var(s²) / (2σ), Var(s²) ≈ (μ4 − σ⁴)/n, where
 * μ4/σ⁴ is the kurtosis (3 for a normal, 9 for an exponential, 9/5 for a uniform).
 */
const sdError = (sd: number, kurtosis: number, n = N) => (sd * Math.sqrt(kurtosis - 1)) / (2 * Math.sqrt(n));

describe('constant', () => {
  it('always gives its value', () => {
    const s = sample({ type: 'constant', value: 7.5 }, 1000);
    expect(s.min).toBe(7.5);
    expect(s.max).toBe(7.5);
  });
});

describe('uniform', () => {
  it('stays in [min, max) with mean (min+max)/2 and sd (max−min)/√12', () => {
    const s = sample({ type: 'uniform', min: 5, max: 25 });
    expect(s.min).toBeGreaterThanOrEqual(5);
    expect(s.max).toBeLessThan(25);
    const sd = 20 / Math.sqrt(12);
    expectNear(s.mean, 15, sd / Math.sqrt(N));
    expectNear(s.sd, sd, sdError(sd, 9 / 5));
  });

  it('min = max gives that value', () => {
    const s = sample({ type: 'uniform', min: 3, max: 3 }, 100);
    expect(s.min).toBe(3);
    expect(s.max).toBe(3);
  });
});

describe('exponential', () => {
  it('is positive and finite with mean = sd = the given mean', () => {
    const s = sample({ type: 'exponential', mean: 10 });
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(s.max)).toBe(true);
    expectNear(s.mean, 10, 10 / Math.sqrt(N));
    expectNear(s.sd, 10, sdError(10, 9));
  });

  it('is memoryless: P(X > 2m) ≈ e^-2 and P(X > 3m | X > m) ≈ e^-2', () => {
    const { values } = sample({ type: 'exponential', mean: 4 });
    const p = Math.exp(-2);
    const above2m = values.filter((v) => v > 8).length / N;
    expectNear(above2m, p, Math.sqrt((p * (1 - p)) / N));
    const beyondM = values.filter((v) => v > 4);
    const cond = beyondM.filter((v) => v > 12).length / beyondM.length;
    expectNear(cond, p, Math.sqrt((p * (1 - p)) / beyondM.length));
  });

  it('the helper maps u = 0 to 0 and never returns Infinity', () => {
    expect(exponential({ next: () => 0 }, 5)).toBe(-0);
    expect(Number.isFinite(exponential({ next: () => 1 - 2 ** -32 }, 5))).toBe(true);
  });
});

describe('standard normal (Box–Muller)', () => {
  it('has mean 0, sd 1 and ≈ 68.27% within one sd', () => {
    const rng = streamFor(5, 'n', 'normal');
    const s = stats(Array.from({ length: N }, () => standardNormal(rng)));
    expectNear(s.mean, 0, 1 / Math.sqrt(N));
    expectNear(s.sd, 1, sdError(1, 3));
    const p = 0.6826894921370859; // erf(1/√2)
    const within = s.values.filter((v) => Math.abs(v) < 1).length / N;
    expectNear(within, p, Math.sqrt((p * (1 - p)) / N));
  });
});

describe('normal, truncated at 0', () => {
  it('far from 0 it is the plain normal: mean and sd as given', () => {
    const s = sample({ type: 'normal', mean: 50, stdDev: 5 });
    expect(s.min).toBeGreaterThanOrEqual(0);
    expectNear(s.mean, 50, 5 / Math.sqrt(N));
    expectNear(s.sd, 5, sdError(5, 3));
  });

  it('with mean 0 it is never negative: a half-normal with mean σ√(2/π) and sd σ√(1 − 2/π)', () => {
    const sigma = 8;
    const s = sample({ type: 'normal', mean: 0, stdDev: sigma });
    expect(s.min).toBeGreaterThanOrEqual(0);
    const mean = sigma * Math.sqrt(2 / Math.PI);
    const sd = sigma * Math.sqrt(1 - 2 / Math.PI);
    expectNear(s.mean, mean, sd / Math.sqrt(N));
    // The half-normal's kurtosis is ≈ 3.87; 4 is a safe upper value for the tolerance.
    expectNear(s.sd, sd, sdError(sd, 4));
  });

  it('with mean near 0 it is never negative and its mean is the truncated-normal mean', () => {
    // Truncated at 0: E = μ + σ φ(α) / (1 − Φ(α)), α = −μ/σ. With μ = σ (α = −1): φ(1) / Φ(1).
    const s = sample({ type: 'normal', mean: 3, stdDev: 3 });
    expect(s.min).toBeGreaterThanOrEqual(0);
    const phi1 = Math.exp(-0.5) / Math.sqrt(2 * Math.PI);
    const Phi1 = 0.8413447460685429;
    const mean = 3 + (3 * phi1) / Phi1;
    // Truncation makes the sd smaller than σ, so σ/√N is a conservative standard error for the mean.
    expectNear(s.mean, mean, 3 / Math.sqrt(N));
  });

  it('stdDev 0 gives the mean exactly', () => {
    const s = sample({ type: 'normal', mean: 12, stdDev: 0 }, 100);
    expect(s.min).toBe(12);
    expect(s.max).toBe(12);
  });
});

describe('lognormal, given the mean and sd of the value', () => {
  it.each([
    { mean: 20, stdDev: 10 },
    { mean: 5, stdDev: 1 },
  ])('mean $mean, sd $stdDev: positive, with that mean and sd, and ln(X) normal', ({ mean, stdDev }) => {
    const s = sample({ type: 'lognormal', mean, stdDev });
    expect(s.min).toBeGreaterThan(0);
    const sigma2 = Math.log(1 + (stdDev / mean) ** 2);
    // Kurtosis of a lognormal: e^{4σ²} + 2e^{3σ²} + 3e^{2σ²} − 3.
    const kurtosis = Math.exp(4 * sigma2) + 2 * Math.exp(3 * sigma2) + 3 * Math.exp(2 * sigma2) - 3;
    expectNear(s.mean, mean, stdDev / Math.sqrt(N));
    expectNear(s.sd, stdDev, sdError(stdDev, kurtosis));
    // The log of the value is normal with μ = ln m − σ²/2 and sd σ.
    const logs = stats(s.values.map(Math.log));
    const sigma = Math.sqrt(sigma2);
    expectNear(logs.mean, Math.log(mean) - sigma2 / 2, sigma / Math.sqrt(N));
    expectNear(logs.sd, sigma, sdError(sigma, 3));
  });

  it('stdDev 0 gives the mean (up to rounding)', () => {
    const s = sample({ type: 'lognormal', mean: 9, stdDev: 0 }, 100);
    expect(s.min).toBeCloseTo(9, 9);
    expect(s.max).toBeCloseTo(9, 9);
  });
});

describe('list', () => {
  it('cycle: the values in order, repeating, using no randomness', () => {
    const sampler = samplerFor({ type: 'list', values: [3, 1, 4, 1, 5], pick: 'cycle' }, { next: () => { throw new Error('cycle must not draw'); } });
    expect(Array.from({ length: 12 }, () => sampler.draw())).toEqual([3, 1, 4, 1, 5, 3, 1, 4, 1, 5, 3, 1]);
  });

  it('random: only listed values, each about equally often, mean = mean of the list', () => {
    const values = [2, 4, 8, 16];
    const s = sample({ type: 'list', values, pick: 'random' });
    const counts = new Map<number, number>();
    for (const v of s.values) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(values);
    const p = 1 / values.length;
    for (const c of counts.values()) expectNear(c / N, p, Math.sqrt((p * (1 - p)) / N));
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / values.length);
    expectNear(s.mean, m, sd / Math.sqrt(N));
  });

  it('random over one value always gives it', () => {
    const s = sample({ type: 'list', values: [6], pick: 'random' }, 100);
    expect(s.min).toBe(6);
    expect(s.max).toBe(6);
  });
});

describe('meanOf', () => {
  it('agrees with the sample mean of every type (before truncation for normal)', () => {
    const ds: Distribution[] = [
      { type: 'constant', value: 4 },
      { type: 'uniform', min: 1, max: 9 },
      { type: 'exponential', mean: 3 },
      { type: 'normal', mean: 40, stdDev: 4 },
      { type: 'lognormal', mean: 6, stdDev: 2 },
      { type: 'list', values: [1, 2, 6], pick: 'cycle' },
      { type: 'list', values: [1, 2, 6], pick: 'random' },
    ];
    for (const d of ds) {
      const s = sample(d, 60_000);
      expect(Math.abs(s.mean - meanOf(d)), d.type).toBeLessThan(Z * (s.sd / Math.sqrt(60_000)) + 1e-9);
    }
  });
});

describe('samplers are reproducible', () => {
  it('the same distribution and stream give the same draws', () => {
    const ds: Distribution[] = [
      { type: 'uniform', min: 0, max: 1 }, { type: 'exponential', mean: 2 }, { type: 'normal', mean: 1, stdDev: 2 },
      { type: 'lognormal', mean: 3, stdDev: 1 }, { type: 'list', values: [1, 2, 3], pick: 'random' },
    ];
    for (const d of ds) {
      const a = samplerFor(d, streamFor(1, 'x', 'y'));
      const b = samplerFor(d, streamFor(1, 'x', 'y'));
      expect(Array.from({ length: 50 }, () => a.draw())).toEqual(Array.from({ length: 50 }, () => b.draw()));
    }
  });
});
