import type { Distribution } from '../../schema';
import type { Random } from './prng';

/** Draws one value. */
export type Sampler = () => number;

/** Exponential with the given mean; 1 − u is in (0, 1], so the log is finite. */
export function exponential(rng: Random, mean: number): number {
  return -Math.log(1 - rng.next()) * mean;
}

/** A standard normal by the Box–Muller transform (uses only log, sqrt, cos: fdlibm in V8, same everywhere). */
export function standardNormal(rng: Random): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

export function samplerFor(d: Distribution, rng: Random): Sampler {
  switch (d.type) {
    case 'constant': { const v = d.value; return () => v; }
    case 'uniform': { const { min, max } = d; return () => min + (max - min) * rng.next(); }
    case 'exponential': { const mean = d.mean; return () => exponential(rng, mean); }
    case 'normal': return truncatedNormal(d.mean, d.stdDev, rng);
    case 'lognormal': return lognormal(d.mean, d.stdDev, rng);
    case 'list': return listSampler(d.values, d.pick, rng);
  }
}

/** Normal truncated at 0: negative draws are redrawn (the schema keeps the mean ≥ 0, so ≥ half are accepted). */
function truncatedNormal(mean: number, stdDev: number, rng: Random): Sampler {
  if (stdDev === 0) return () => mean;
  return () => {
    for (;;) {
      const v = mean + stdDev * standardNormal(rng);
      if (v >= 0) return v;
    }
  };
}

/** Lognormal given the mean and standard deviation of the value: σ² = ln(1 + s²/m²), μ = ln m − σ²/2. */
function lognormal(mean: number, stdDev: number, rng: Random): Sampler {
  const sigma2 = Math.log(1 + (stdDev * stdDev) / (mean * mean));
  const mu = Math.log(mean) - sigma2 / 2;
  const sigma = Math.sqrt(sigma2);
  return () => Math.exp(mu + sigma * standardNormal(rng));
}

function listSampler(values: readonly number[], pick: 'cycle' | 'random', rng: Random): Sampler {
  if (pick === 'random') return () => values[Math.floor(rng.next() * values.length)]!;
  let i = 0;
  return () => { const v = values[i]!; i = (i + 1) % values.length; return v; };
}

/** The mean of a distribution (for labels and analytic checks). */
export function meanOf(d: Distribution): number {
  switch (d.type) {
    case 'constant': return d.value;
    case 'uniform': return (d.min + d.max) / 2;
    case 'exponential': case 'lognormal': return d.mean;
    case 'normal': return d.mean; // before truncation
    case 'list': return d.values.reduce((a, b) => a + b, 0) / d.values.length;
  }
}
