import type { z } from 'zod';
import type { headerValue } from '../../schema/strings';
import type { Death } from '../api';
import type { ConfirmTracker } from './confirm';
import type { Trail } from './trail';

export type HeaderValue = z.output<typeof headerValue>;

/**
 * One message copy. Copies routed to several queues share `id` (as a broker's message id) but are
 * distinct objects: each queue holds and settles its own copy.
 */
export interface Message {
  /** Message id as a broker and an application see it. */
  id: number;
  /** When the application created the first message of this chain (end-to-end latency starts here). */
  originAt: number;
  /** When this message was published. */
  publishedAt: number;
  /** When it last entered a queue's ready list. */
  enqueuedAt: number;
  /** When a RabbitMQ queue last delivered it with manual ack: the consumer timeout's `delivered_at` (A1.4). */
  deliveredAt: number;
  routingKey: string;
  headers: Readonly<Record<string, HeaderValue>>;
  /** AMQP priority, or -1 when the publisher set none (A1.11 counts that as 0). */
  priority: number;
  sizeBytes: number;
  /** Set on every delivery after a requeue (A1.4). */
  redelivered: boolean;
  /** How many times it has been delivered. */
  deliveryCount: number;
  /** Position in the queue it is in: requeued messages go back by this (A1.4, classic queues). */
  queueSeq: number;
  /** Every consumer fails on a poison message. */
  poison: boolean;
  /** delivery_mode 2 (A1.12). */
  persistent: boolean;
  /** Publisher asked for basic.return when unroutable (A1.1.7). */
  mandatory: boolean;
  /** Per-message TTL, the `expiration` property, in ms; -1 when none (A1.7). */
  expirationMs: number;
  /** When it expires in the queue it is in (Infinity: never). Kept over a requeue (A1.7). */
  expiresAt: number;
  /** Quorum queues: times returned to the queue, for the delivery-limit (A1.10). */
  returns: number;
  /** SQS ApproximateReceiveCount (A2.2). */
  receiveCount: number;
  /** SQS: the receipt of the current receive (0: none); a delete with an older receipt does nothing. */
  receipt: number;
  /**
   * A manual-ack delivery from a RabbitMQ queue along a link with a delay (TRANSIT_*): on its way, so that a channel
   * closing meanwhile requeues it (A1.4, queue/deliveriesInTransit.ts). Read by the consumer on every arrival: kept
   * next to `receipt`, which it reads too.
   */
  transit: number;
  /** Held by an SQS queue (ready or invisible): the queue, not the consumer, counts it. */
  sqsOwned: boolean;
  /** Death history, most recent first (x-death, A1.9); null until it dies once. */
  deaths: Death[] | null;
  /** Publisher confirm shared by the copies of one publish (A1.6); null without confirms. */
  confirm: ConfirmTracker | null;
  /** Exchanges passed through alternate-exchange links, to stop a cycle. */
  exchangeHops: number;
  /** The exchanges and routers of its current routing pass (routingPass.ts; A1.1.6), null outside one. Never changed in place. */
  routedVia: readonly number[] | null;
  /** The exchange it was last published to ('' for the default exchange). */
  exchange: string;
  /** Nodes passed, when tracing is on. */
  trail: Trail | null;
  /** A replicated queue: when this message survives the loss of its leader (copied to a majority / the mirrors). */
  safeAt: number;
  /** Ordering key (producer and routing key) and sequence within it, for the audit's order check ('' when off). */
  orderKey: string;
  orderSeq: number;
  /** Id of the client (producer, consumer, requester, aggregator) that published it: its user for permissions. */
  publisher: string;
  /** EIP Return Address (A4): id of the node replies go to (AMQP reply_to); '' when none. */
  replyTo: string;
  /** EIP Correlation Identifier (A4): on a reply, the id of the request it answers; -1 when none. */
  correlationId: number;
  /** SQS FIFO MessageGroupId (A2.3); '' when none. */
  groupId: string;
  /** SQS FIFO MessageDeduplicationId (A2.3); '' when none (content-based dedup then hashes the body: same id, same body). */
  dedupId: string;
  /** Damaged on a link by a corrupt fault: its checksum no longer matches. */
  corrupt: boolean;
  /**
   * Tracing: how many edge slots show it to the inspector (EdgeRuntime.lastMessage, lastReply); negated once it is
   * released while shown, until the last slot drops it (messagePool.ts). Always 0 without tracing, and on a message
   * taken from the pool (pooled only at 0), so initMessage leaves it. Last in the layout: only tracing reads it.
   */
  pins: number;
}

/** Message.transit: not a delivery on its way that its queue follows (the usual case: a link without a delay). */
export const TRANSIT_NONE = 0;
/** Message.transit: on its way to its consumer on an open channel; its queue hears when it arrives. */
export const TRANSIT_OPEN = 1;
/** Message.transit: its channel closed while it was on its way; the queue requeued a copy, and the client drops this one. */
export const TRANSIT_CLOSED = 2;

/**
 * Messages are built field by field in one fixed order so that every message has the same hidden
 * class: object spread here made V8 fall back to slow property access across the hot path.
 */
export function copyMessage(m: Message): Message {
  return {
    id: m.id, originAt: m.originAt, enqueuedAt: m.enqueuedAt, deliveredAt: m.deliveredAt, deliveryCount: m.deliveryCount,
    redelivered: m.redelivered, trail: m.trail?.copy() ?? null, corrupt: m.corrupt, receipt: m.receipt, transit: TRANSIT_NONE,
    poison: m.poison, replyTo: m.replyTo, receiveCount: m.receiveCount, correlationId: m.correlationId,
    sqsOwned: m.sqsOwned, queueSeq: m.queueSeq, expiresAt: m.expiresAt, expirationMs: m.expirationMs,
    deaths: m.deaths ? m.deaths.map((d) => ({ ...d, routingKeys: [...d.routingKeys] })) : null, confirm: m.confirm,
    routingKey: m.routingKey, headers: m.headers, priority: m.priority, sizeBytes: m.sizeBytes,
    persistent: m.persistent, mandatory: m.mandatory, returns: m.returns, exchangeHops: m.exchangeHops, routedVia: m.routedVia,
    exchange: m.exchange, safeAt: m.safeAt, publishedAt: m.publishedAt, orderKey: m.orderKey, orderSeq: m.orderSeq,
    publisher: m.publisher, groupId: m.groupId, dedupId: m.dedupId, pins: 0, // a copy is shown by no edge yet
  };
}

/** What a publisher sets on a new message; everything else starts fresh. */
export interface MessageInit {
  originAt?: number;
  routingKey: string;
  headers: Readonly<Record<string, HeaderValue>>;
  priority: number;
  sizeBytes: number;
  poison?: boolean;
  persistent?: boolean;
  mandatory?: boolean;
  expirationMs?: number;
  trail: Trail | null;
  orderKey?: string;
  orderSeq?: number;
  publisher?: string;
  replyTo?: string;
  correlationId?: number;
  groupId?: string;
  dedupId?: string;
}

/** A fresh message as a publisher sends it. */
export function newMessage(id: number, now: number, f: MessageInit): Message {
  return initMessage(blankMessage(), id, now, f);
}

/**
 * Writes every field of `m` as a fresh message's: a new object, or a settled one taken back from the pool
 * (messagePool.ts), which must then be indistinguishable from a new one. All but `pins`, 0 on both already.
 */
export function initMessage(m: Message, id: number, now: number, f: MessageInit): Message {
  m.id = id; m.originAt = f.originAt ?? now; m.enqueuedAt = now; m.deliveredAt = 0; m.deliveryCount = 0; m.redelivered = false;
  m.trail = f.trail; m.corrupt = false; m.receipt = 0; m.transit = TRANSIT_NONE; m.poison = f.poison ?? false; m.replyTo = f.replyTo ?? '';
  m.receiveCount = 0; m.correlationId = f.correlationId ?? -1; m.sqsOwned = false; m.queueSeq = 0;
  m.expiresAt = Infinity; m.expirationMs = f.expirationMs ?? -1; m.deaths = null; m.confirm = null;
  m.routingKey = f.routingKey; m.headers = f.headers; m.priority = f.priority; m.sizeBytes = f.sizeBytes;
  m.persistent = f.persistent ?? false; m.mandatory = f.mandatory ?? false; m.returns = 0; m.exchangeHops = 0; m.routedVia = null;
  m.exchange = ''; m.safeAt = 0; m.publishedAt = now; m.orderKey = f.orderKey ?? ''; m.orderSeq = f.orderSeq ?? 0;
  m.publisher = f.publisher ?? ''; m.groupId = f.groupId ?? ''; m.dedupId = f.dedupId ?? '';
  return m;
}

const NO_HEADERS: Readonly<Record<string, HeaderValue>> = Object.freeze({});

/**
 * Every field, in one fixed order, so that all messages share one hidden class; initMessage sets the values.
 * copyMessage lists them in the same order. The order is the layout (V8 places fields as first defined): what is
 * read when a message is delivered after waiting in a queue, and when it is acked, comes first, so that those
 * reads of a message long out of the cache touch two of its cache lines rather than all five (docs/PERFORMANCE.md,
 * "Third round").
 */
function blankMessage(): Message {
  return {
    id: 0, originAt: 0, enqueuedAt: 0, deliveredAt: 0, deliveryCount: 0, redelivered: false, trail: null, corrupt: false, receipt: 0, transit: TRANSIT_NONE,
    poison: false, replyTo: '', receiveCount: 0, correlationId: -1, sqsOwned: false, queueSeq: 0,
    expiresAt: Infinity, expirationMs: -1, deaths: null, confirm: null, routingKey: '', headers: NO_HEADERS,
    priority: -1, sizeBytes: 0, persistent: false, mandatory: false, returns: 0, exchangeHops: 0, routedVia: null, exchange: '',
    safeAt: 0, publishedAt: 0, orderKey: '', orderSeq: 0, publisher: '', groupId: '', dedupId: '', pins: 0,
  };
}
