import { z } from 'zod';
import { DistributionSchema } from '../distribution';
import { num, timeMs } from '../numbers';
import { headers, idString } from '../strings';
import type { NodeKindSpec } from './spec';
import { ArrivalSchema, RoutingKeysSchema } from './producer';

export const RequesterConfigSchema = z.strictObject({
  /**
   * sync: one request outstanding; the next is sent `thinkTimeMs` after the reply (or the timeout).
   * async: requests follow `arrival`, many outstanding at once (at most `maxOutstanding`).
   */
  mode: z.enum(['sync', 'async'], { error: 'must be sync or async' }).default('async'),
  /** async: when requests are sent. */
  arrival: ArrivalSchema.default({ type: 'poisson', ratePerSec: 10 }),
  /** sync: pause between a reply (or timeout) and the next request, ms. */
  thinkTimeMs: DistributionSchema.default(() => ({ type: 'constant' as const, value: 0 })),
  /** async: most requests awaiting replies; at the limit a due request waits. null: no limit. */
  maxOutstanding: num({ int: true, min: 1, max: 1_000_000 }).nullable().default(null),
  /** Requests to send in all; null: until the run ends. */
  count: num({ int: true, min: 1, max: 1e12 }).nullable().default(null),
  startAtMs: timeMs().default(0),
  /** How long a request waits for its replies; later replies are counted late and discarded. */
  timeoutMs: num({ min: 0, minExclusive: true, max: 3_600_000 }).default(1000),
  /**
   * Replies that answer one request: 1 for request/reply; N for publish/asynchronous response or
   * scatter-gather without an aggregator. A request is answered once this many have come.
   */
  expectedReplies: num({ int: true, min: 1, max: 10_000 }).default(1),
  /**
   * The Return Address (EIP, A4) put on each request: null is the requester itself (RabbitMQ direct
   * reply-to); otherwise the id of an aggregator, or of a queue the requester consumes its replies from.
   */
  replyTo: idString().nullable().default(null),
  routingKeys: RoutingKeysSchema.default(() => ({ pick: 'cycle' as const, keys: [''] })),
  headers: headers().default({}),
  sizeBytes: DistributionSchema.default({ type: 'constant', value: 512 }),
  persistent: z.boolean().default(false),
});

export const requesterSpec = {
  kind: 'requester',
  label: 'Requester',
  description: 'Sends requests with a Return Address and a Correlation Identifier; matches replies, counts timeouts, measures round trips.',
  group: 'Clients',
  ports: { inputs: ['reply', 'subscribe'], outputs: ['publish', 'push'], maxOutputs: { publish: 1, push: 1 } },
  config: RequesterConfigSchema,
} as const satisfies NodeKindSpec;
