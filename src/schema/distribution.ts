import { z } from 'zod';
import { num } from './numbers';

const nonNegative = () => num({ min: 0, max: 1e9 });
const positive = () => num({ min: 0, minExclusive: true, max: 1e9 });

/**
 * A random quantity (a service time in ms, a message size in bytes, …).
 * "normal" is truncated at 0 (negative draws are redrawn); its mean and stdDev are those before truncation,
 * so the values' mean is higher when stdDev is not small against the mean. "lognormal" is given by the mean
 * and standard deviation of the value itself, not of its logarithm. A random "list" picks each entry equally often.
 */
export const DistributionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('constant'), value: nonNegative() }),
  z.strictObject({ type: z.literal('uniform'), min: nonNegative(), max: nonNegative() })
    .refine((d) => d.max >= d.min, { error: 'max must be ≥ min', path: ['max'] }),
  z.strictObject({ type: z.literal('exponential'), mean: positive() }),
  z.strictObject({ type: z.literal('normal'), mean: nonNegative(), stdDev: nonNegative() }),
  z.strictObject({ type: z.literal('lognormal'), mean: positive(), stdDev: nonNegative() }),
  z.strictObject({
    type: z.literal('list'),
    values: z.array(nonNegative(), { error: 'must be a list of numbers' })
      .min(1, { error: 'must hold at least one value' }).max(10_000, { error: 'must hold at most 10000 values' }),
    pick: z.enum(['cycle', 'random']).default('cycle'),
  }),
], { error: 'must be a distribution: constant, uniform, exponential, normal, lognormal or list' });

export type Distribution = z.output<typeof DistributionSchema>;
export const DISTRIBUTION_TYPES = ['constant', 'uniform', 'exponential', 'normal', 'lognormal', 'list'] as const;
