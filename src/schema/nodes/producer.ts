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
});

export const producerSpec = {
  kind: 'producer',
  label: 'Producer',
  description: 'Publishes messages: a steady rate, Poisson arrivals, bursts, a ramp or a script.',
  group: 'Clients',
  ports: { inputs: [], output: 'publish', maxOutputs: 1 },
  config: ProducerConfigSchema,
} as const satisfies NodeKindSpec;
