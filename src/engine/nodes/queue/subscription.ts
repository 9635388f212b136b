import type { EdgeRuntime } from '../../model/edge';
import type { Subscriber } from '../../model/node';
import type { Permission } from './permissions';

/** One consumer's subscription to a queue (basic.consume, or polling), with its unacked count. */
export class Subscription {
  unacked = 0;
  /** A1.4: a check of its consumer timeout is scheduled (consumerTimeouts.ts). */
  timeoutCheckDue = false;
  readonly manual: boolean;
  readonly push: boolean;
  private readonly prefetch: number;

  /** `refused`: the consumer has no read permission on the queue: it is never given anything. */
  constructor(readonly edge: EdgeRuntime, readonly subscriber: Subscriber, readonly refused = false) {
    this.manual = subscriber.ackMode === 'manual';
    this.push = subscriber.delivery === 'push';
    this.prefetch = subscriber.prefetch;
  }

  /**
   * A push delivery can go to this consumer now. RabbitMQ A1.5: a consumer at its prefetch limit is
   * blocked until it acks; A1.4: auto-ack has no prefetch limit; an offline consumer takes nothing.
   */
  canTakePush(): boolean {
    // A partitioned link reaches no consumer: the broker cannot deliver along it. The subscription's own state is
    // read first: a consumer at its prefetch limit (the usual case under load) is passed over without touching
    // the consumer's object or the edge.
    return this.push && !this.refused && (!this.manual || this.unacked < this.prefetch) && this.subscriber.online && this.edge.fault?.partitioned !== true;
  }
}

/**
 * The subscriptions a queue opens when it starts: one per edge to a subscriber (a dead-letter edge is
 * none), into `subs` and into `subByEdge` by edge index. Returns how many were refused at once: a
 * consumer without read permission gets basic.consume 403 ACCESS_REFUSED; one offline from the start
 * subscribes (and is refused) when it comes online.
 */
export function openSubscriptions(edges: readonly EdgeRuntime[], consume: Permission, subs: Subscription[], subByEdge: Subscription[]): number {
  let refused = 0;
  for (const edge of edges) {
    if (edge.role === 'deadLetter') continue;
    const subscriber = edge.target.subscriber;
    if (!subscriber) continue;
    const sub = new Subscription(edge, subscriber, !consume.allows(edge.target.id));
    subs.push(sub);
    subByEdge[edge.index] = sub;
    if (sub.refused && sub.push && subscriber.online) refused++;
  }
  return refused;
}
