import { z } from 'zod';
import type { NodeKindSpec } from './spec';

export const ExchangeConfigSchema = z.strictObject({
  /** RabbitMQ exchange types (semantics.md A1.1): direct, fanout, topic (A1.2). */
  type: z.enum(['direct', 'fanout', 'topic'], { error: 'must be direct, fanout or topic' }).default('direct'),
});

export const exchangeSpec = {
  kind: 'exchange',
  label: 'Exchange / topic',
  description: 'Routes each message to the queues bound to it: direct, fanout or topic matching.',
  group: 'Broker',
  ports: { inputs: ['publish'], output: 'bind', maxOutputs: null },
  config: ExchangeConfigSchema,
} as const satisfies NodeKindSpec;
