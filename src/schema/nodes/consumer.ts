import { z } from 'zod';
import { DistributionSchema } from '../distribution';
import { num, probability, timeMs } from '../numbers';
import type { NodeKindSpec } from './spec';

const OfflineWindowSchema = z.strictObject({ fromMs: timeMs(), toMs: timeMs() })
  .refine((w) => w.toMs > w.fromMs, { error: 'toMs must be after fromMs', path: ['toMs'] });

export const ConsumerConfigSchema = z.strictObject({
  /** Time to process one message, in ms. */
  serviceTimeMs: DistributionSchema.default(() => ({ type: 'exponential' as const, mean: 10 })),
  /** Parallel processing slots. */
  concurrency: num({ int: true, min: 1, max: 1024 }).default(1),
  /** RabbitMQ basic.qos prefetch_count per consumer: the most unacked deliveries it holds (A1.5). */
  prefetch: num({ int: true, min: 1, max: 65535 }).default(10),
  /** manual: ack after processing; auto: acked on delivery (noAck), so a failure loses the message (A1.4). */
  ackMode: z.enum(['manual', 'auto'], { error: 'must be manual or auto' }).default('manual'),
  /** Chance that processing one message fails. Poison messages always fail. */
  failureProbability: probability().default(0),
  /** A failed message under manual ack: nack with requeue, or reject (requeue=false: dead-letter or discard, A1.4). */
  onFailure: z.enum(['requeue', 'reject'], { error: 'must be requeue or reject' }).default('requeue'),
  /** push: the broker delivers (basic.consume); pull: the consumer polls (basic.get, SQS ReceiveMessage). */
  delivery: z.enum(['push', 'pull'], { error: 'must be push or pull' }).default('push'),
  /** pull: time between polls that came back empty, in ms. */
  pollIntervalMs: num({ min: 0, minExclusive: true, max: 3_600_000 }).default(100),
  /** pull: long polling, the most a poll waits for a message, in ms (SQS WaitTimeSeconds 0–20 s, A2.1). */
  waitTimeMs: num({ min: 0, max: 20_000 }).default(0),
  /** pull: the most messages one poll returns (SQS MaxNumberOfMessages ≤ 10; basic.get returns 1). */
  batchSize: num({ int: true, min: 1, max: 10 }).default(1),
  /**
   * EIP Idempotent Receiver (A4): remember processed message ids for `windowMs` and ack-and-skip a
   * duplicate instead of processing it again.
   */
  idempotent: z.strictObject({ windowMs: num({ min: 0, minExclusive: true, max: 1e10 }) }).nullable().default(null),
  /**
   * A responder (EIP Request-Reply, A4): when a processed message carries a Return Address (replyTo), send
   * a reply there with correlationId = the request's id. `score` is the reply's value, which an aggregator
   * may pick the best of or sum (header `score`); `sizeBytes` the reply's size.
   */
  reply: z.strictObject({
    enabled: z.boolean().default(true),
    score: DistributionSchema.default(() => ({ type: 'constant' as const, value: 1 })),
    sizeBytes: num({ int: true, min: 0, max: 134_217_728 }).default(256),
  }).default(() => ({ enabled: true, score: { type: 'constant' as const, value: 1 }, sizeBytes: 256 })),
  /**
   * A synchronous call: after its own service time the consumer sends the result on as a request (its
   * outgoing publish or push edge), holding the slot until the reply comes or `timeoutMs` passes. A timeout
   * or an error reply fails the message here. null: results are sent on and forgotten (asynchronous).
   */
  call: z.strictObject({ timeoutMs: num({ min: 0, minExclusive: true, max: 3_600_000 }).default(1000) }).nullable().default(null),
  /** Check each message's checksum: a corrupted one is rejected (requeue=false), never processed. Off: it is processed as if sound. */
  verifyChecksum: z.boolean().default(true),
  /** Periods when the consumer is offline: it takes nothing, its unsettled deliveries go back (manual) or are lost (auto). */
  offline: z.array(OfflineWindowSchema).max(1000).default(() => []),
});

export const consumerSpec = {
  kind: 'consumer',
  label: 'Consumer',
  description: 'Processes deliveries with a service time and parallel slots; can publish each result on.',
  group: 'Clients',
  ports: { inputs: ['subscribe', 'push', 'reply'], outputs: ['publish', 'push', 'reply'], maxOutputs: { publish: 1, push: 1 } },
  config: ConsumerConfigSchema,
} as const satisfies NodeKindSpec;
