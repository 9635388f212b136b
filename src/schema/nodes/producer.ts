import { z } from 'zod';
import { DistributionSchema } from '../distribution';
import { num, positiveRate, rate, timeMs } from '../numbers';
import { headers, routingKey } from '../strings';
import type { NodeKindSpec } from './spec';

const ScriptedMessageSchema = z.strictObject({
  atMs: timeMs(),
  routingKey: routingKey().optional(),
  headers: headers().optional(),
  priority: num({ int: true, min: 0, max: 255 }).optional(),
  sizeBytes: num({ int: true, min: 0, max: 134_217_728 }).optional(),
  /** A poison message: every consumer fails on it. */
  poison: z.boolean().optional(),
  /** A1.7 per-message TTL (the `expiration` property), in ms. */
  expirationMs: num({ min: 0, max: 1e10 }).optional(),
  /** A1.12 delivery_mode 2. */
  persistent: z.boolean().optional(),
  /** SQS FIFO MessageGroupId (A2.3). */
  groupId: z.string().min(1).max(128).optional(),
  /** SQS FIFO MessageDeduplicationId (A2.3): sends with the same id within the window are delivered once. */
  deduplicationId: z.string().min(1).max(128).optional(),
});

/** How messages are spaced in time. */
export const ArrivalSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('constant'), ratePerSec: positiveRate() }),
  z.strictObject({ type: z.literal('poisson'), ratePerSec: positiveRate() }),
  z.strictObject({
    type: z.literal('onOff'), ratePerSec: positiveRate(), onMs: timeMs({ min: 0, minExclusive: true }),
    offMs: timeMs(), poisson: z.boolean().default(false),
  }),
  z.strictObject({
    type: z.literal('ramp'), fromRatePerSec: rate(), toRatePerSec: rate(),
    rampMs: timeMs({ min: 0, minExclusive: true }), poisson: z.boolean().default(false),
  }).refine((a) => a.fromRatePerSec > 0 || a.toRatePerSec > 0, { error: 'a ramp needs a rate above 0 at one end', path: ['toRatePerSec'] }),
  z.strictObject({
    type: z.literal('script'),
    messages: z.array(ScriptedMessageSchema).max(100_000, { error: 'must hold at most 100000 scripted messages' }),
  }),
], { error: 'must be an arrival process: constant, poisson, onOff, ramp or script' });

const keyList = z.array(routingKey()).min(1, { error: 'must hold at least one routing key' }).max(1000, { error: 'must hold at most 1000 routing keys' });

/** Which routing key each message carries. */
export const RoutingKeysSchema = z.discriminatedUnion('pick', [
  z.strictObject({ pick: z.literal('cycle'), keys: keyList }),
  z.strictObject({ pick: z.literal('random'), keys: keyList }),
  z.strictObject({
    pick: z.literal('weighted'),
    keys: z.array(z.strictObject({ key: routingKey(), weight: num({ min: 0, minExclusive: true, max: 1e9 }) }))
      .min(1, { error: 'must hold at least one routing key' }).max(1000, { error: 'must hold at most 1000 routing keys' }),
  }),
], { error: 'must say how keys are picked: cycle, random or weighted' });

export const ProducerConfigSchema = z.strictObject({
  arrival: ArrivalSchema.default({ type: 'poisson', ratePerSec: 10 }),
  routingKeys: RoutingKeysSchema.default(() => ({ pick: 'cycle' as const, keys: [''] })),
  /** Total messages to publish; null publishes until the run ends. */
  count: num({ int: true, min: 1, max: 1e12 }).nullable().default(null),
  startAtMs: timeMs().default(0),
  sizeBytes: DistributionSchema.default({ type: 'constant', value: 1024 }),
  headers: headers().default({}),
  priority: num({ int: true, min: 0, max: 255 }).optional(),
  /** A1.7 per-message TTL (the `expiration` property) on every message, in ms. */
  expirationMs: num({ min: 0, max: 1e10 }).optional(),
  /** A1.12 delivery_mode 2: a persistent message on a durable queue is written to disk. */
  persistent: z.boolean().default(false),
  /** A1.1.7 mandatory: an unroutable message is returned to the publisher (basic.return) instead of dropped. */
  mandatory: z.boolean().default(false),
  /** A1.6 publisher confirms: at most `window` messages unconfirmed; the producer waits for the broker beyond that. */
  confirms: z.strictObject({ window: num({ int: true, min: 1, max: 100_000 }) }).nullable().default(null),
  /**
   * Publish again when a confirm has not come within `timeoutMs` (needs confirms), up to `maxAttempts`
   * publishes in all. A confirm lost with a crashed broker or link makes a duplicate: the same message id twice.
   */
  retry: z.strictObject({
    timeoutMs: num({ min: 0, minExclusive: true, max: 3_600_000 }),
    maxAttempts: num({ int: true, min: 1, max: 100 }).default(3),
  }).nullable().default(null),
  /**
   * SQS FIFO MessageGroupId on every message (A2.3): `count` groups g1…gN, taken in turn or at random.
   * null: no group (a FIFO queue refuses such sends).
   */
  messageGroups: z.strictObject({
    count: num({ int: true, min: 1, max: 100_000 }),
    pick: z.enum(['cycle', 'random'], { error: 'must be cycle or random' }).default('cycle'),
  }).nullable().default(null),
  /**
   * SQS FIFO MessageDeduplicationId (A2.3): messageId sets it to the message's id, so a retried publish
   * carries the same id as the first; none leaves it out (content-based dedup, if the queue has it, then applies).
   */
  deduplicationId: z.enum(['none', 'messageId'], { error: 'must be none or messageId' }).default('none'),
  /** Poison messages, which every consumer fails on: a fraction of all, and/or chosen ones by number (1 = the first). */
  poison: z.strictObject({
    fraction: num({ min: 0, max: 1 }).default(0),
    messages: z.array(num({ int: true, min: 1, max: 1e12 })).max(10_000).default(() => []),
  }).default(() => ({ fraction: 0, messages: [] })),
}).superRefine((c, ctx) => {
  // A retry waits for a confirm that never comes: without publisher confirms there is nothing to wait for.
  if (c.retry && !c.confirms) ctx.addIssue({ code: 'custom', path: ['retry'], message: 'retries need publisher confirms: set confirms (a window) too', params: { code: 'needs_confirms' } });
});

export const producerSpec = {
  kind: 'producer',
  label: 'Producer',
  description: 'Publishes messages: a steady rate, Poisson arrivals, bursts, a ramp or a script.',
  group: 'Clients',
  ports: { inputs: [], outputs: ['publish'], maxOutputs: { publish: 1 } },
  config: ProducerConfigSchema,
} as const satisfies NodeKindSpec;
