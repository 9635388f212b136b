import type { EdgeRuntime } from '../../model/edge';
import type { Subscriber } from '../../model/node';

/** One consumer's subscription to a queue (basic.consume), with its unacked count for prefetch. */
export class Subscription {
  unacked = 0;
  constructor(readonly edge: EdgeRuntime, readonly subscriber: Subscriber) {}

  /**
   * RabbitMQ A1.5: a consumer at its prefetch limit is blocked until it acks;
   * A1.4: auto-ack has no prefetch limit.
   */
  canTake(): boolean {
    return this.subscriber.ackMode === 'auto' || this.unacked < this.subscriber.prefetch;
  }
}
