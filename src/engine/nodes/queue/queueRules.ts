import type { Distribution, QueueConfig } from '../../../schema';
import { FifoGroupStore } from './fifoGroups';
import { ClassicPriorityStore, QuorumPriorityStore } from './priorityStore';
import { FifoStore, type ReadyStore, type RequeuePlace } from './readyStore';

/** A queue's configuration with its flavor's defaults applied: the rules the queue model follows. */
export interface QueueRules {
  flavor: QueueConfig['flavor'];
  durable: boolean;
  messageTtlMs: number; // Infinity: none
  maxLength: number; // Infinity: none
  maxLengthBytes: number;
  overflow: 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
  deadLetterRoutingKey: string | undefined;
  /** Quorum delivery-limit; Infinity when unlimited or not a quorum queue. */
  deliveryLimit: number;
  diskWriteMs: Distribution;
  visibilityTimeoutMs: number;
  maxReceiveCount: number; // Infinity: no redrive
  retentionMs: number; // Infinity: none
  /** A1.4 consumer delivery-ack timeout, ms (Infinity on SQS, which has none). */
  consumerTimeoutMs: number;
  /** Where a message returned by a consumer goes back. */
  requeuePlace: RequeuePlace;
}

/** semantics.md A1.10: quorum queues default to a delivery-limit of 20 from 4.0 (we model 4.2). */
const QUORUM_DEFAULT_DELIVERY_LIMIT = 20;
/** A2.1 defaults. */
const SQS_VISIBILITY_MS = 30_000;
/** A1.4: RabbitMQ's default consumer_timeout, 30 minutes. */
const RABBITMQ_CONSUMER_TIMEOUT_MS = 1_800_000;
const SQS_RETENTION_MS = 345_600_000;

export function queueRules(c: QueueConfig): QueueRules {
  const quorum = c.flavor === 'quorum';
  const sqs = c.flavor === 'sqs';
  const limit = quorum ? (c.deliveryLimit ?? QUORUM_DEFAULT_DELIVERY_LIMIT) : -1;
  return {
    flavor: c.flavor,
    // A1.12: quorum queues are always durable; SQS stores every message redundantly.
    durable: quorum || sqs || (c.durable ?? true),
    messageTtlMs: c.messageTtlMs ?? Infinity,
    maxLength: c.maxLength ?? Infinity,
    maxLengthBytes: c.maxLengthBytes ?? Infinity,
    overflow: c.overflow ?? 'drop-head',
    deadLetterRoutingKey: c.deadLetterRoutingKey,
    deliveryLimit: limit < 0 ? Infinity : limit,
    diskWriteMs: c.diskWriteMs ?? { type: 'constant', value: 1 },
    visibilityTimeoutMs: c.visibilityTimeoutMs ?? SQS_VISIBILITY_MS,
    maxReceiveCount: c.maxReceiveCount ?? Infinity,
    retentionMs: sqs ? (c.retentionMs ?? SQS_RETENTION_MS) : Infinity,
    consumerTimeoutMs: sqs ? Infinity : (c.consumerTimeoutMs ?? RABBITMQ_CONSUMER_TIMEOUT_MS),
    // A1.4: classic queues put a requeued message back at its original position. A1.10: quorum queues
    // put it near the head while a delivery-limit is set, and at the back with -1 (no limit). SQS: a
    // message that becomes visible again keeps its place in the (best-effort) order.
    requeuePlace: quorum ? (limit < 0 ? 'back' : 'head') : 'position',
  };
}

export function readyStoreFor(c: QueueConfig): ReadyStore {
  if (c.flavor === 'classic' && c.maxPriority !== undefined) return new ClassicPriorityStore(c.maxPriority);
  if (c.flavor === 'quorum') return new QuorumPriorityStore();
  if (c.flavor === 'sqs' && c.fifo) return new FifoGroupStore(); // A2.3

  return new FifoStore();
}
