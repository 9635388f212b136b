import { z } from 'zod';
import { num } from '../numbers';
import type { NodeKindSpec } from './spec';

/**
 * EIP Aggregator (semantics.md A4): correlates replies by correlation id and completes each group on
 * the first condition that holds (Camel: "the first which triggers wins"), then publishes one aggregate
 * carrying the correlation id, `completedBy` and `aggregatedSize` headers. At least one completion is required.
 */
export const AggregatorConfigSchema = z.strictObject({
  /** Camel completionSize: complete when this many replies have come. */
  completionSize: num({ int: true, min: 1, max: 10_000 }).nullable().default(3),
  /** Camel completionTimeout: an inactivity timeout per correlation id, ms (Wait for All / Time Out). */
  completionTimeoutMs: num({ min: 0, minExclusive: true, max: 3_600_000 }).nullable().default(1000),
  /** First Best / Time Out with Override: complete at once on a reply whose score is at least this. */
  goodEnoughScore: num({ min: -1e12, max: 1e12 }).nullable().default(null),
  /** The aggregation algorithm: select the best score, sum the scores, or collect them all. */
  strategy: z.enum(['best', 'sum', 'collect'], { error: 'must be best, sum or collect' }).default('collect'),
}).superRefine((c, ctx) => {
  if (c.completionSize === null && c.completionTimeoutMs === null && c.goodEnoughScore === null) {
    ctx.addIssue({ code: 'custom', path: ['completionSize'], message: 'an aggregator needs a completion: a size, a timeout or a good-enough score (Camel: some completion is mandatory)', params: { code: 'no_completion' } });
  }
});

export const aggregatorSpec = {
  kind: 'aggregator',
  label: 'Aggregator',
  description: 'Collects replies by correlation id; completes on a count, a timeout or a good-enough reply, then sends one aggregate on.',
  group: 'Routing',
  ports: { inputs: ['reply', 'bind'], outputs: ['publish', 'reply'], maxOutputs: { publish: 1, reply: 1 } },
  config: AggregatorConfigSchema,
} as const satisfies NodeKindSpec;
