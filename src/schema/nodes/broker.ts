import { z } from 'zod';
import { DistributionSchema } from '../distribution';
import { num } from '../numbers';
import type { NodeKindSpec } from './spec';

export const BrokerConfigSchema = z.strictObject({
  /** Time to write a persistent message to this broker's disk, ms (queues on it use this unless they set their own). */
  diskWriteMs: DistributionSchema.default(() => ({ type: 'constant' as const, value: 1 })),
  /** One-way network time to the other cluster members, ms: how long a replica takes to get a copy. */
  replicationDelayMs: num({ min: 0, max: 60_000 }).default(1),
  /** A1.13: time for the surviving members to elect a new quorum-queue leader after the leader's broker dies, ms. */
  electionDelayMs: num({ min: 0, max: 600_000 }).default(1000),
});

export const brokerSpec = {
  kind: 'broker',
  label: 'Broker',
  description: 'A cluster member that hosts exchanges and queues; crash it to see failover and what is lost.',
  group: 'Broker',
  ports: { inputs: [], outputs: [], maxOutputs: {} },
  config: BrokerConfigSchema,
} as const satisfies NodeKindSpec;
