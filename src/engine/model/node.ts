import type { NodeReport } from '../api';
import type { Census } from '../metrics/accounting';
import type { IntervalLatency } from '../metrics/intervalLatency';
import type { EdgeRuntime } from './edge';
import type { Message } from './message';

/** Offsets into a node's slice of the live-figures array (see LIVE_FIELDS in api.ts). */
export const LIVE = { in: 0, out: 1, acked: 2, nacked: 3, redelivered: 4, dropped: 5, ready: 6, unacked: 7, busy: 8, capacity: 9, deadLettered: 10, expired: 11, offline: 12, failed: 13 } as const;
/** Offsets into a node's slice of a time-series sample (see SAMPLE_FIELDS in api.ts). */
export const SAMPLE = { inPerSec: 0, outPerSec: 1, ready: 2, unacked: 3, busy: 4, p50: 5, p95: 6, p99: 7 } as const;

/**
 * One node kind at run time. Each kind is one module implementing this; nodes reach each other only
 * through edges (`ctx.send`) and the capabilities below, never through each other's internals.
 */
export interface NodeModel {
  readonly index: number;
  readonly id: string;
  readonly kind: string;
  /** Outgoing and incoming edges, filled in before start(). */
  readonly outputs: EdgeRuntime[];
  readonly inputs: EdgeRuntime[];
  /** Called once after every node and edge exists: schedule first events, open subscriptions. */
  start(): void;
  /** A message arrives along an edge. */
  receive(message: Message, edge: EdgeRuntime): void;
  /**
   * Whether `message`, coming along `edge`, would be taken as the reply to a request of this node's own
   * (EIP Return Address, A4) rather than as a delivery owed to it. On kinds that make requests; absent: never.
   */
  takesAsReply?(message: Message, edge: EdgeRuntime): boolean;
  /** A scheduled event for this node fires. */
  handle(type: number, payload: unknown, arg: number): void;
  /** Adds the messages this node holds right now. */
  census(into: Census): void;
  /** Writes live figures at `offset` (LIVE layout). */
  writeLive(out: Float64Array, offset: number): void;
  /** Writes one time-series sample at `offset` (SAMPLE layout) and starts the next interval. */
  writeSample(out: Float64Array, offset: number, intervalMs: number): void;
  /** The latency it writes into its samples (p50/p95/p99), on kinds that complete work; the sampler enables it. */
  readonly intervalLatency?: IntervalLatency;
  report(): NodeReport;
  /** Faults (the faults issue): a crash and a restart, a slow-down factor, a slow disk factor. */
  crash?(): void;
  restart?(): void;
  setSlowdown?(factor: number): void;
  setDiskFactor?(factor: number): void;
  /** A poison fault: publish `count` poison messages now, on top of the workload (producers). */
  publishPoison?(count: number): void;
  /** A broker hosting this node went down or came back (brokers and replication). */
  brokerDown?(brokerId: string): void;
  brokerUp?(brokerId: string): void;
  /** The messages it holds, head first, with where each is (for the message inspector). */
  messages?(limit: number): { message: Message; state: string }[];
  /** Present on kinds that accept deliveries from a queue (basic.consume). */
  readonly subscriber?: Subscriber;
  /** Present on kinds that deliver to subscribers and take their acks (queues). */
  readonly deliverySource?: DeliverySource;
}

/** A consumer's side of a subscription: what a queue needs to know to dispatch to it. */
export interface Subscriber {
  /** manual: the message stays unacked until settled; auto: settled on delivery (A1.4). */
  readonly ackMode: 'manual' | 'auto';
  /** Max unacked deliveries (basic.qos, A1.5); ignored under auto-ack and for pull. */
  readonly prefetch: number;
  /** push: the queue delivers when it can; pull: the consumer polls. */
  readonly delivery: 'push' | 'pull';
  /** False while the consumer is offline: nothing is delivered to it. (A field, not a method: it is read per delivery.) */
  readonly online: boolean;
  /** A poll along `edge` was answered with `count` messages (0: an empty poll). */
  pollReturned(edge: EdgeRuntime, count: number): void;
  /**
   * The queue's channel to this consumer closed (its broker went down): the consumer gives up, without
   * settling, the manual-ack deliveries it holds from `edge`, which the queue takes back.
   */
  surrender(edge: EdgeRuntime): Message[];
  /**
   * When the broker sent the oldest manual-ack delivery from `edge` that this consumer holds unacked on an open channel
   * (A1.4 consumer timeout: what it holds, part of what the queue counts unacked); Infinity when it holds none.
   */
  oldestUnackedAt(edge: EdgeRuntime): number;
  /**
   * A1.4: the ack this consumer sent for `message` along `edge` at `sentAt` (ack said ACK_ON_ITS_WAY) reached the queue on
   * the channel it was sent on: the message is acked now, and gone.
   */
  ackArrived(message: Message, edge: EdgeRuntime, sentAt: number): void;
  /**
   * A1.4: the channel of `edge` closed while that ack was on its way: the broker never got it, so it requeued `message`
   * with the channel's other unacked deliveries (the message is the queue's again), and ignores the ack when it arrives.
   */
  ackVoided(message: Message, edge: EdgeRuntime): void;
  /**
   * A2.1: the SQS DeleteMessage this consumer sent for `message` along `edge` (ack said ACK_ON_ITS_WAY) reached the queue
   * after the receive it names was over (its visibility timeout ended): it deleted nothing, and the message is, or will be,
   * received again, as with ACK_STALE at once.
   */
  deleteTooLate(message: Message, edge: EdgeRuntime): void;
}

/** DeliverySource.ack: nothing was settled (an SQS delete with a stale receipt, A2.1). */
export const ACK_STALE = 0;
/** DeliverySource.ack: the queue took the ack at once: the message is acked. */
export const ACK_SETTLED = 1;
/**
 * DeliverySource.ack: the ack travels a link with a delay (A1.4): the delivery stays unacked until it reaches the queue,
 * which then tells the consumer (Subscriber.ackArrived), unless the channel closes first (Subscriber.ackVoided).
 */
export const ACK_ON_ITS_WAY = 2;
export type AckOutcome = typeof ACK_STALE | typeof ACK_SETTLED | typeof ACK_ON_ITS_WAY;

/** A queue's side of a subscription: how a consumer settles what it was given. */
export interface DeliverySource {
  /**
   * Whether a delivered message is held by one consumer at a time, so that once acked nothing holds it any more:
   * RabbitMQ delivers a message again only after it came back (A1.4). Not SQS: a message received again after its
   * visibility timeout may be held by two consumers at once (A2.1).
   */
  readonly exclusiveDeliveries: boolean;
  /**
   * basic.ack, or SQS DeleteMessage with the receipt of the receive being settled. `edge` is the
   * subscription's edge (queue → consumer). ACK_SETTLED, ACK_ON_ITS_WAY (settled when it arrives) or ACK_STALE.
   */
  ack(message: Message, edge: EdgeRuntime, receipt: number): AckOutcome;
  /**
   * basic.nack / basic.reject (A1.4): requeue puts it back; otherwise it is dead-lettered or discarded.
   * On SQS a failed message is simply not deleted: it comes back when its visibility timeout ends.
   */
  nack(message: Message, edge: EdgeRuntime, requeue: boolean, receipt: number): void;
  /** A pull consumer asks for up to `max` messages, waiting up to `waitMs` for one (long polling, A2.1). */
  poll(edge: EdgeRuntime, max: number, waitMs: number): void;
  /**
   * A delivery along `edge` was lost on the link (`reason`: loss or partition), told at once. A1.4: an
   * auto-acked one counted as delivered when sent, so it is lost now; a manual-ack one stays the broker's until
   * acked: true, and linkReturned gives it back once the dead channel is noticed. A2.1: an SQS receive
   * stays in flight until its visibility timeout.
   */
  linkLost(message: Message, edge: EdgeRuntime, reason: 'partition' | 'linkLoss'): boolean;
  /** A manual-ack delivery lost on `edge` (linkLost said true) goes back to the queue (A1.4). */
  linkReturned(message: Message, edge: EdgeRuntime): void;
  /**
   * The channel a manual-ack delivery was made on closed before it was settled (its consumer crashed or went
   * offline): A1.4 automatic requeue, which is no basic.nack/reject of the consumer's, so counted apart from them.
   */
  channelClosed(message: Message, edge: EdgeRuntime): void;
  /**
   * A delivery whose `transit` is not TRANSIT_NONE (sent along a link with a delay) reached the consumer of `edge`:
   * false when its channel closed while it was on its way, so that the queue requeued it already (A1.4) and the
   * consumer's client drops it unseen.
   */
  deliveryArrived(message: Message, edge: EdgeRuntime): boolean;
  /** The consumer went offline or came back: stop or resume deliveries along `edge`. */
  setOnline(edge: EdgeRuntime, online: boolean): void;
  /**
   * A partition of `edge` began: nothing is delivered along it meanwhile, and if it lasts until the broker notices the
   * dead connection (LINK_RETURN_MS) the channel closes and what it held unacked is requeued (A1.4).
   */
  linkPartitioned(edge: EdgeRuntime): void;
  /** A partition of `edge` ended: deliveries along it can go again (what waited meanwhile goes now). */
  linkHealed(edge: EdgeRuntime): void;
}
