import type { SimContext } from '../../model/context';
import { oneWayDelayMs, type EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import { EV_SETTLEMENT } from './queueEvents';

/**
 * A consumer's ack, nack or reject on its way back to a RabbitMQ queue along a link with a delay. A1.4: a delivery
 * stays unacked until the broker gets the ack, so the prefetch slot it holds (A1.5) is free only one link delay after
 * the consumer acked: with prefetch 1, a consumer across a link of delay d takes at most one message per 2d + service
 * time (RabbitMQ's advice to size prefetch for the round trip). `message` is the nacked or rejected message (the queue
 * takes it back when the nack arrives); null for an ack. `open`: its channel is still open (a channel that closed
 * meanwhile already released the slot, closeChannel). `deliveredAt`: when the queue delivered what it settles, which the
 * broker counts unacked until the settlement arrives (A1.4 consumer timeout).
 */
export interface SettlementInFlight {
  readonly edge: EdgeRuntime;
  readonly message: Message | null;
  readonly requeue: boolean;
  readonly deliveredAt: number;
  open: boolean;
}

/** The settlements a queue's consumers sent that have not reached it yet; the nacked messages among them are in flight. */
export class SettlementsInFlight {
  /**
   * Made on the first settlement that travels: most queues never have one, and a Set made with each queue would sit
   * between the queues' hot objects in memory (docs/PERFORMANCE.md: what a message touches, and where, is most of the cost).
   */
  private pending: Set<SettlementInFlight> | null = null;

  constructor(private readonly index: number, private readonly ctx: SimContext) {}

  /**
   * Sends an ack (`message` null) or nack along `edge` for `settled`, the message delivered: true when it travels, false
   * when the link has no delay (it arrives at once).
   */
  send(edge: EdgeRuntime, settled: Message, message: Message | null, requeue: boolean): boolean {
    const delay = oneWayDelayMs(edge);
    if (delay <= 0) return false;
    const s: SettlementInFlight = { edge, message, requeue, deliveredAt: settled.deliveredAt, open: true };
    (this.pending ??= new Set()).add(s);
    this.ctx.schedule(delay, this.index, EV_SETTLEMENT, s, 0);
    return true;
  }

  /** `s` arrived: true when the queue still expects it (an outage forgets what was on its way, takeAll). */
  arrived(s: SettlementInFlight): boolean {
    return this.pending?.delete(s) === true;
  }

  /** The channel of `edge` closed (A1.4 consumer timeout): what is still on its way along it releases no slot. */
  channelClosed(edge: EdgeRuntime): void {
    for (const s of this.pending ?? []) if (s.edge === edge) s.open = false;
  }

  /** A1.4 consumer timeout: when the oldest delivery settled along `edge` on an open channel, not arrived yet, was delivered. */
  oldestOpenOn(edge: EdgeRuntime): number {
    let oldest = Infinity;
    for (const s of this.pending ?? []) if (s.edge === edge && s.open && s.deliveredAt < oldest) oldest = s.deliveredAt;
    return oldest;
  }

  /**
   * Every channel closed with the queue's node (an outage): nothing on its way arrives any more. Returns the nacked
   * messages, which the broker still held unacked: they come back as the rest of the unacked deliveries do (A1.4).
   */
  takeAll(): Message[] {
    const nacked: Message[] = [];
    for (const s of this.pending ?? []) if (s.message !== null) nacked.push(s.message);
    this.pending?.clear();
    return nacked;
  }

  /** Nacked or rejected messages on their way back: the run counts them in flight (census). */
  get nacked(): number {
    let n = 0;
    for (const s of this.pending ?? []) if (s.message !== null) n++;
    return n;
  }
}
