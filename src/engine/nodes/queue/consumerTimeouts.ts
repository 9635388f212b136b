import type { SimContext } from '../../model/context';
import { EV_CONSUMER_TIMEOUT } from './queueEvents';
import type { Subscription } from './subscription';

/** What the consumer timeout asks of the queue's channels (channels.ts). */
export interface UnackedView {
  /** When the oldest delivery of `sub` the broker counts unacked was delivered; Infinity when it knows of none. */
  oldestUnackedAt(sub: Subscription): number;
}

/**
 * How often a channel looks at its oldest unacked delivery: RabbitMQ's `channel_tick_interval`, 60 000 ms by default
 * (RMQ-SRC rabbit_channel: `handle_info(tick, …)` calls `evaluate_consumer_timeout`). Ticks are counted from the start
 * of the run, when subscriptions open.
 */
export const CHANNEL_TICK_MS = 60_000;

/** The first channel tick strictly after `t`. */
export function firstTickAfter(t: number): number {
  return (Math.floor(t / CHANNEL_TICK_MS) + 1) * CHANNEL_TICK_MS;
}

/**
 * A1.4 consumer delivery-ack timeout (RabbitMQ ≤ 4.2, every queue type; 4.3 keeps it for quorum queues only). On
 * each tick a channel checks the oldest delivery it holds unacked, and when that was delivered more than the timeout
 * ago (`delivered_at < now − timeout`, RMQ-SRC rabbit_channel `evaluate_consumer_timeout1`), it closes with
 * PRECONDITION_FAILED and its deliveries are requeued (the queue does that: Channels.timedOut, channels.ts).
 *
 * Here each subscription is a channel. Rather than a tick every minute for every channel, one check is scheduled for
 * the first tick at which the oldest delivery could have timed out; the verdict is the same as ticking all along, for a
 * timer per subscription with unacked deliveries, due at most every `timeoutMs`.
 */
export class ConsumerTimeouts {
  constructor(private readonly timeoutMs: number, private readonly index: number, private readonly ctx: SimContext, private readonly unacked: UnackedView) {}

  /** A manual-ack delivery went out on `sub`: its channel's timeout will be checked, unless a check is due already. */
  delivered(sub: Subscription): void {
    if (!sub.timeoutCheckDue) this.checkAt(sub, this.ctx.now());
  }

  /**
   * A check of `sub` is due now: true when its channel must close (its oldest unacked delivery is past the timeout);
   * otherwise the next check is scheduled for that delivery, if any is unacked.
   */
  due(sub: Subscription): boolean {
    sub.timeoutCheckDue = false;
    if (sub.unacked === 0) return false; // the next delivery schedules the next check
    const now = this.ctx.now();
    // The broker's view (A1.4): a delivery is unacked from when it is sent until its ack arrives, wherever it is meanwhile.
    const oldest = this.unacked.oldestUnackedAt(sub);
    // Unacked but not known where (lost on the link, back within LINK_RETURN_MS): look again later.
    if (oldest === Infinity) { this.checkAt(sub, now); return false; }
    if (oldest + this.timeoutMs < now) return true;
    this.checkAt(sub, oldest);
    return false;
  }

  /** Schedules the check of `sub` at the first tick after a delivery sent at `deliveredAt` times out. */
  private checkAt(sub: Subscription, deliveredAt: number): void {
    sub.timeoutCheckDue = true;
    this.ctx.schedule(firstTickAfter(deliveredAt + this.timeoutMs) - this.ctx.now(), this.index, EV_CONSUMER_TIMEOUT, sub, 0);
  }
}
