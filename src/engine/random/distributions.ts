import type { Distribution } from '../../schema';
import type { Random } from './prng';

/**
 * The arithmetic of the config's distributions: draws from a uniform stream and means. The samplers that
 * nodes hold (samplers.ts) and the arrival processes draw through these.
 */

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
