import type { z } from 'zod';
import type { headerValue } from '../../schema/strings';

export type HeaderValue = z.output<typeof headerValue>;

/**
 * One message copy. Copies routed to several queues share `id` (as a broker's message id) but are
 * distinct objects: each queue holds and settles its own copy.
 */
export interface Message {
  /** Message id as a broker and an application see it. */
  id: number;
  /** When the first message of this chain was published (end-to-end latency starts here). */
  originAt: number;
  /** When this message was published. */
  publishedAt: number;
  /** When it last entered a queue's ready list. */
  enqueuedAt: number;
  routingKey: string;
  headers: Readonly<Record<string, HeaderValue>>;
  /** AMQP priority, or -1 when the publisher set none (A1.11 counts that as 0). */
  priority: number;
  sizeBytes: number;
  /** Set on every delivery after the first (A1.4). */
  redelivered: boolean;
  /** How many times it has been delivered. */
  deliveryCount: number;
  /** Position in the queue it is in: requeued messages go back by this (A1.4, classic queues). */
  queueSeq: number;
}

export function copyMessage(m: Message): Message {
  return {
    id: m.id, originAt: m.originAt, publishedAt: m.publishedAt, enqueuedAt: m.enqueuedAt,
    routingKey: m.routingKey, headers: m.headers, priority: m.priority, sizeBytes: m.sizeBytes,
    redelivered: m.redelivered, deliveryCount: m.deliveryCount, queueSeq: m.queueSeq,
  };
}
