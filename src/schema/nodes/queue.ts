import { z } from 'zod';
import type { NodeKindSpec } from './spec';

export const QueueConfigSchema = z.strictObject({
  /** Which broker's queue rules apply; classic RabbitMQ queues for now (semantics.md A1.4, A1.15). */
  flavor: z.enum(['classic'], { error: 'must be classic' }).default('classic'),
});

export const queueSpec = {
  kind: 'queue',
  label: 'Queue',
  description: 'Holds messages in order and hands each to one of its consumers, round-robin within prefetch.',
  group: 'Broker',
  ports: { inputs: ['publish', 'bind'], output: 'subscribe', maxOutputs: null },
  config: QueueConfigSchema,
} as const satisfies NodeKindSpec;
