import type { SimContext } from '../../model/context';
import { oneWayDelayMs, type EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import { EV_SETTLEMENT } from './queueEvents';

/**
 * A consumer's ack, nack or reject on its way back to a RabbitMQ queue along a link with a delay. A1.4: a delivery
 * stays unacked until the broker gets the ack, so the prefetch slot it holds (A1.5) is free only one link delay after
 * the consumer acked: with prefetch 1, a consumer across a link of delay d takes at most one message per 2d + service
 * time (RabbitMQ's advice to size prefetch for the round trip). `message` is the message it settles, still the broker's
 * (unacked) until the settlement arrives: the run counts it in flight meanwhile, and a channel closing first requeues it
 * (SettlementsInFlight.close). `sentAt`: when the consumer sent it (the end of an acked message's end-to-end latency).
 */
export interface SettlementInFlight {
  readonly edge: EdgeRuntime;
  readonly message: Message;
  /** An ack; otherwise a nack (`requeue`) or a reject. */
  readonly ack: boolean;
  readonly requeue: boolean;
  readonly sentAt: number;
}

/** The settlements a queue's consumers sent that have not reached it yet; the messages they settle are in flight. */
export class SettlementsInFlight {
  /**
   * Made on the first settlement that travels: most queues never have one, and a Set made with each queue would sit
   * between the queues' hot objects in memory (docs/PERFORMANCE.md: what a message touches, and where, is most of the cost).
   */
  private pending: Set<SettlementInFlight> | null = null;

  constructor(private readonly index: number, private readonly ctx: SimContext) {}

  /**
   * Sends an ack or a nack (`ack` false: requeued if `requeue`) of `message` along `edge`: true when it travels, false
   * when the link has no delay (it arrives at once).
   */
  send(edge: EdgeRuntime, message: Message, ack: boolean, requeue: boolean): boolean {
    const delay = oneWayDelayMs(edge);
    if (delay <= 0) return false;
    const s: SettlementInFlight = { edge, message, ack, requeue, sentAt: this.ctx.now() };
    (this.pending ??= new Set()).add(s);
    this.ctx.schedule(delay, this.index, EV_SETTLEMENT, s, 0);
    return true;
  }

  /**
   * `s` arrived: true when the queue still expects it. A1.4: false when its channel closed while it was on its way; the
   * close requeued its message already, and the broker ignores a settlement on a channel it no longer has.
   */
  arrived(s: SettlementInFlight): boolean {
    return this.pending?.delete(s) === true;
  }

  /**
   * A1.4 automatic requeue: the channel of `edge` closed (the consumer timeout, a dead link, its consumer gone, an
   * outage). The broker never got what is still on its way along it, so the deliveries those settle are still unacked
   * and are requeued with the channel's others: returned here, in the order sent. The consumer of each ack on its way
   * hears that its ack is void (Subscriber.ackVoided).
   */
  close(edge: EdgeRuntime): Message[] {
    const returned: Message[] = [];
    if (this.pending === null) return returned;
    for (const s of this.pending) {
      if (s.edge !== edge) continue;
      this.pending.delete(s);
      if (s.ack) edge.target.subscriber?.ackVoided(s.message, edge);
      returned.push(s.message);
    }
    return returned;
  }

  /** A1.4 consumer timeout: when the oldest delivery settled along `edge`, not arrived yet, was delivered. */
  oldestOn(edge: EdgeRuntime): number {
    let oldest = Infinity;
    for (const s of this.pending ?? []) if (s.edge === edge && s.message.deliveredAt < oldest) oldest = s.message.deliveredAt;
    return oldest;
  }

  /** The messages settled on their way back, in the order sent, each with its settlement: for the message inspector. */
  toArray(): { message: Message; state: string }[] {
    return [...(this.pending ?? [])].map((s) => ({ message: s.message, state: `${settlementName(s)} on its way (unacked until it arrives)` }));
  }

  /** The messages settled on their way back (acked, nacked or rejected, not yet known to the broker): in flight (census). */
  get size(): number {
    return this.pending?.size ?? 0;
  }
}

/** A1.4: basic.ack, basic.nack (requeue) or basic.reject (requeue=false), as the inspector names it. */
function settlementName(s: SettlementInFlight): string {
  return s.ack ? 'ack' : s.requeue ? 'nack' : 'reject';
}
