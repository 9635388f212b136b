import { z } from 'zod';
import { idString } from '../strings';
import type { NodeKindSpec } from './spec';

export const EXCHANGE_TYPES = ['direct', 'fanout', 'topic', 'headers'] as const;

export const ExchangeConfigSchema = z.strictObject({
  /** RabbitMQ exchange types (semantics.md A1.1): direct, fanout, topic (A1.2), headers (A1.3). */
  type: z.enum(EXCHANGE_TYPES, { error: 'must be direct, fanout, topic or headers' }).default('direct'),
  /** Id of the broker node hosting it (exchanges are metadata on every node; a crash of this one stops routing here). */
  broker: idString().optional(),
  /**
   * Which clients (node ids) may publish to it: RabbitMQ's write permission. null: everyone. A publish
   * without permission is refused (403 ACCESS_REFUSED) and counted.
   */
  permissions: z.strictObject({ publish: z.array(idString()).max(1000).nullable().default(null) }).optional(),
});

export const exchangeSpec = {
  kind: 'exchange',
  label: 'Exchange / topic',
  description: 'Routes each message to the queues bound to it: direct, fanout, topic or headers matching.',
  group: 'Broker',
  // An exchange → exchange edge is its alternate exchange unless it says `role: 'bind'` (an exchange-to-exchange
  // binding, A1.1.6): `alternate` comes first so that documents written before e2e bindings keep their meaning.
  ports: { inputs: ['publish', 'deadLetter', 'alternate', 'bind'], outputs: ['alternate', 'bind', 'push'], maxOutputs: { alternate: 1 } },
  config: ExchangeConfigSchema,
} as const satisfies NodeKindSpec;
