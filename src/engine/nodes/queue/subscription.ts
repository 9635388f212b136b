import type { EdgeRuntime } from '../../model/edge';
import type { Subscriber } from '../../model/node';

/** One consumer's subscription to a queue (basic.consume, or polling), with its unacked count. */
export class Subscription {
  unacked = 0;
  constructor(readonly edge: EdgeRuntime, readonly subscriber: Subscriber) {}

  get manual(): boolean { return this.subscriber.ackMode === 'manual'; }

  /**
   * A push delivery can go to this consumer now. RabbitMQ A1.5: a consumer at its prefetch limit is
   * blocked until it acks; A1.4: auto-ack has no prefetch limit; an offline consumer takes nothing.
   */
  canTakePush(): boolean {
    const s = this.subscriber;
    return s.delivery === 'push' && s.isOnline() && (s.ackMode === 'auto' || this.unacked < s.prefetch);
  }
}
