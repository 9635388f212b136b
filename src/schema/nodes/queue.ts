import { z } from 'zod';
import { DistributionSchema } from '../distribution';
import { num } from '../numbers';
import { idString, routingKey } from '../strings';
import type { NodeKindSpec } from './spec';

export const QUEUE_FLAVORS = ['classic', 'quorum', 'sqs'] as const;
export type QueueFlavor = (typeof QUEUE_FLAVORS)[number];

/**
 * Flavor-specific fields are optional with no schema default: the engine applies each flavor's own
 * default (docs/scenario-format.md), and a field set on a flavor it does not apply to is refused.
 */
export const QueueConfigSchema = z.strictObject({
  /** Whose queue rules apply: RabbitMQ classic, RabbitMQ quorum (semantics.md A1.10, A1.13) or SQS (A2). */
  flavor: z.enum(QUEUE_FLAVORS, { error: 'must be classic, quorum or sqs' }).default('classic'),
  /** A1.12: a durable queue keeps persistent messages over a restart; quorum and SQS queues always are. */
  durable: z.boolean().optional(),
  /** A1.11 x-max-priority (classic only): priorities 0…max, higher first, FIFO within a priority. */
  maxPriority: num({ int: true, min: 0, max: 255 }).optional(),
  /** A1.7 x-message-ttl in ms: a message older than this in the queue expires (at the head). */
  messageTtlMs: num({ min: 0, max: 1e10 }).optional(),
  /** A1.8 x-max-length: most ready messages (unacked ones do not count). */
  maxLength: num({ int: true, min: 0, max: 1e9 }).optional(),
  /** A1.8 x-max-length-bytes: most bytes of ready message bodies. */
  maxLengthBytes: num({ int: true, min: 0, max: 1e15 }).optional(),
  /** A1.8 x-overflow: what happens at the limit. */
  overflow: z.enum(['drop-head', 'reject-publish', 'reject-publish-dlx'], { error: 'must be drop-head, reject-publish or reject-publish-dlx' }).optional(),
  /** A1.9 x-dead-letter-routing-key: replaces the routing key of dead-lettered messages. */
  deadLetterRoutingKey: routingKey().optional(),
  /** A1.10 quorum delivery-limit: a message returned more often is dead-lettered (-1: no limit; default 20). */
  deliveryLimit: num({ int: true, min: -1, max: 1e6 }).optional(),
  /**
   * A1.4 consumer delivery-ack timeout in ms (x-consumer-timeout / policy consumer-timeout; default 1 800 000, 30 min):
   * a channel holding a delivery unacked longer is closed and its deliveries requeued.
   */
  consumerTimeoutMs: num({ min: 0, minExclusive: true, max: 1e10 }).optional(),
  /** Time to write a persistent message to disk before the broker confirms it, in ms. */
  diskWriteMs: DistributionSchema.optional(),
  /** A2.1 SQS VisibilityTimeout in ms (default 30 000): a received message is hidden this long unless deleted. */
  visibilityTimeoutMs: num({ min: 0, max: 43_200_000 }).optional(),
  /** A2.2 SQS redrive policy maxReceiveCount: the receive after this many moves the message to the dead-letter queue. */
  maxReceiveCount: num({ int: true, min: 1, max: 1000 }).optional(),
  /**
   * Ids of the broker nodes holding this queue, leader first. One: hosted there. Several: a quorum queue
   * replicates by Raft (A1.13: confirmed once a majority has it); a classic queue is mirrored asynchronously
   * (confirmed by the leader alone; what was not yet copied is lost on failover). None: the default broker.
   */
  brokers: z.array(idString()).min(1, { error: 'must name at least one broker' }).max(7, { error: 'must name at most 7 brokers' }).optional(),
  /** Classic mirrors: time to copy a message to the mirrors, ms (default 5). */
  mirrorDelayMs: num({ min: 0, max: 600_000 }).optional(),
  /** A2.1 SQS MessageRetentionPeriod in ms (default 4 days): older messages are deleted. */
  retentionMs: num({ min: 60_000, max: 1_209_600_000 }).optional(),
  /**
   * A2.3 SQS FIFO queue: strict order per MessageGroupId with one group in flight at a time, and
   * deduplication within a window (5 minutes on SQS) across the queue or per message group.
   */
  fifo: z.strictObject({
    contentBasedDeduplication: z.boolean().default(false),
    deduplicationScope: z.enum(['queue', 'messageGroup'], { error: 'must be queue or messageGroup' }).default('queue'),
    deduplicationWindowMs: num({ min: 0, minExclusive: true, max: 1e10 }).default(300_000),
  }).optional(),
  /**
   * Who may consume from it (RabbitMQ read permission on the queue; SQS ReceiveMessage in the queue policy)
   * and, on SQS only, who may send to it (SendMessage in the queue policy), by client node id. null: everyone.
   * Refused attempts are counted. RabbitMQ has no per-queue publish permission: basic.publish is checked
   * against the exchange (write), and a direct publish against the default exchange, one resource for every queue.
   */
  permissions: z.strictObject({
    publish: z.array(idString()).max(1000).nullable().default(null),
    consume: z.array(idString()).max(1000).nullable().default(null),
  }).optional(),
}).superRefine((c, ctx) => {
  const refuse = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message, params: { code: 'not_for_flavor' } });
  const only = (flavors: QueueFlavor[], fields: (keyof typeof c)[], why: string) => {
    for (const f of fields) if (c[f] !== undefined && !flavors.includes(c.flavor)) refuse(f, `${why}; this is a ${c.flavor} queue`);
  };
  only(['classic'], ['maxPriority'], 'x-max-priority is a classic-queue argument (quorum queues have two fixed levels, A1.11)');
  only(['classic', 'quorum'], ['messageTtlMs', 'maxLength', 'maxLengthBytes', 'overflow', 'deadLetterRoutingKey', 'diskWriteMs'], 'applies to RabbitMQ queues');
  only(['classic', 'quorum'], ['consumerTimeoutMs'], 'the consumer timeout is RabbitMQ\'s (A1.4); an SQS message not deleted in time comes back by its visibility timeout (A2.1)');
  only(['classic'], ['durable'], 'quorum and SQS queues are always durable (A1.12)');
  only(['quorum'], ['deliveryLimit'], 'delivery-limit applies to quorum queues (A1.10)');
  only(['sqs'], ['visibilityTimeoutMs', 'maxReceiveCount', 'retentionMs'], 'applies to SQS queues (A2.1, A2.2)');
  only(['sqs'], ['fifo'], 'FIFO queues with message groups and deduplication are an SQS feature (A2.3)');
  only(['classic', 'quorum'], ['brokers'], 'SQS is a managed service: it has no brokers to place it on');
  only(['classic'], ['mirrorDelayMs'], 'applies to mirrored classic queues (quorum queues replicate by Raft)');
  if (c.permissions?.publish != null && c.flavor !== 'sqs') {
    ctx.addIssue({ code: 'custom', path: ['permissions', 'publish'], params: { code: 'not_for_flavor' },
      message: `RabbitMQ checks publishing against the exchange (write permission), not the queue: set the publish list on the exchange, or make this an SQS queue (a queue policy's SendMessage); this is a ${c.flavor} queue` });
  }
  if (c.brokers && new Set(c.brokers).size !== c.brokers.length) refuse('brokers', 'names a broker twice');
  if (c.flavor === 'quorum' && c.overflow === 'reject-publish-dlx') {
    refuse('overflow', 'quorum queues support drop-head and reject-publish but not reject-publish-dlx (A1.8)');
  }
});

export const queueSpec = {
  kind: 'queue',
  label: 'Queue',
  description: 'Holds messages and hands each to one of its consumers: RabbitMQ classic or quorum, or SQS.',
  group: 'Broker',
  ports: { inputs: ['publish', 'bind', 'deadLetter'], outputs: ['subscribe', 'deadLetter'], maxOutputs: { deadLetter: 1 } },
  config: QueueConfigSchema,
} as const satisfies NodeKindSpec;
