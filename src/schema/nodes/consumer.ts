import { z } from 'zod';
import { DistributionSchema } from '../distribution';
import { num, probability } from '../numbers';
import type { NodeKindSpec } from './spec';

export const ConsumerConfigSchema = z.strictObject({
  /** Time to process one message, in ms. */
  serviceTimeMs: DistributionSchema.default({ type: 'exponential', mean: 10 }),
  /** Parallel processing slots. */
  concurrency: num({ int: true, min: 1, max: 1024 }).default(1),
  /** RabbitMQ basic.qos prefetch_count per consumer: the most unacked deliveries it holds (A1.5). */
  prefetch: num({ int: true, min: 1, max: 65535 }).default(10),
  /** manual: ack after processing; auto: acked on delivery (noAck), so a failure loses the message (A1.4). */
  ackMode: z.enum(['manual', 'auto'], { error: 'must be manual or auto' }).default('manual'),
  /** Chance that processing one message fails; manual ack nacks it with requeue (A1.4). */
  failureProbability: probability().default(0),
});

export const consumerSpec = {
  kind: 'consumer',
  label: 'Consumer',
  description: 'Processes deliveries with a service time and parallel slots; can publish each result on.',
  group: 'Clients',
  ports: { inputs: ['subscribe'], output: 'publish', maxOutputs: 1 },
  config: ConsumerConfigSchema,
} as const satisfies NodeKindSpec;
