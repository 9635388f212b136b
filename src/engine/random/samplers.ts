import type { Distribution } from '../../schema';
import { exponential, standardNormal } from './distributions';
import type { Random } from './prng';

/**
 * Draws values of one configured distribution from one stream.
 *
 * Samplers are objects, one class per distribution, holding their stream and parameters as fields, rather than
 * closures: a call site that only ever sees one class (a consumer's exponential service time, in most scenarios)
 * is monomorphic and V8 inlines `draw` there, so the per-message draw reads the sampler's fields directly
 * instead of calling through a closure and its context (docs/PERFORMANCE.md, "Locality").
 */
export interface Sampler {
  draw(): number;
}

export function samplerFor(d: Distribution, rng: Random): Sampler {
  switch (d.type) {
    case 'constant': return new ConstantSampler(d.value);
    case 'uniform': return new UniformSampler(rng, d.min, d.max);
    case 'exponential': return new ExponentialSampler(rng, d.mean);
    // With no spread there is nothing to draw: the stream is left untouched.
    case 'normal': return d.stdDev === 0 ? new ConstantSampler(d.mean) : new TruncatedNormalSampler(rng, d.mean, d.stdDev);
    case 'lognormal': return new LognormalSampler(rng, d.mean, d.stdDev);
    case 'list': return d.pick === 'cycle' ? new ListCycleSampler(d.values) : new ListRandomSampler(rng, d.values);
  }
}

/** Always the same value; draws nothing from any stream. */
export class ConstantSampler implements Sampler {
  constructor(private readonly value: number) {}

  draw(): number { return this.value; }
}

/** Uniform in [min, max): one draw per value. */
export class UniformSampler implements Sampler {
  constructor(private readonly rng: Random, private readonly min: number, private readonly max: number) {}

  draw(): number { return this.min + (this.max - this.min) * this.rng.next(); }
}

/** Exponential with the given mean: one draw per value. The usual service time, drawn once per delivery. */
export class ExponentialSampler implements Sampler {
  constructor(private readonly rng: Random, private readonly mean: number) {}

  draw(): number { return exponential(this.rng, this.mean); }
}

/**
 * Normal truncated at 0: negative draws are redrawn (the schema keeps the mean ≥ 0, so ≥ half are accepted).
 * Two uniform draws per try. A zero stdDev is a ConstantSampler instead (see samplerFor).
 */
export class TruncatedNormalSampler implements Sampler {
  constructor(private readonly rng: Random, private readonly mean: number, private readonly stdDev: number) {}

  draw(): number {
    for (;;) {
      const v = this.mean + this.stdDev * standardNormal(this.rng);
      if (v >= 0) return v;
    }
  }
}

/**
 * Lognormal given the mean and standard deviation of the value: σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
 * Two uniform draws per value, even with a zero stdDev (σ = 0), so the stream moves as it always has.
 */
export class LognormalSampler implements Sampler {
  private readonly mu: number;
  private readonly sigma: number;

  constructor(private readonly rng: Random, mean: number, stdDev: number) {
    const sigma2 = Math.log(1 + (stdDev * stdDev) / (mean * mean));
    this.mu = Math.log(mean) - sigma2 / 2;
    this.sigma = Math.sqrt(sigma2);
  }

  draw(): number { return Math.exp(this.mu + this.sigma * standardNormal(this.rng)); }
}

/** The listed values in order, from the first, repeating; draws nothing from any stream. */
export class ListCycleSampler implements Sampler {
  private i = 0;

  constructor(private readonly values: readonly number[]) {}

  draw(): number {
    const v = this.values[this.i]!;
    this.i = (this.i + 1) % this.values.length;
    return v;
  }
}

/** One of the listed values, each equally likely: one draw per value. */
export class ListRandomSampler implements Sampler {
  constructor(private readonly rng: Random, private readonly values: readonly number[]) {}

  draw(): number { return this.values[Math.floor(this.rng.next() * this.values.length)]!; }
}
