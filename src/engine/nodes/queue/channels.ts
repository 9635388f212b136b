import type { SimContext } from '../../model/context';
import { LINK_RETURN_MS, type EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import { DeadLinks } from './deadLinks';
import { DeliveriesInTransit } from './deliveriesInTransit';
import { closeChannel } from './outage';
import type { QueueCounters } from './queueCounters';
import { EV_LINK_DEAD } from './queueEvents';
import type { QueueSteps } from './queueSteps';
import type { SettlementsInFlight } from './settlementsInFlight';
import type { Subscription } from './subscription';

/**
 * A RabbitMQ queue's channels to its consumers, when they close (semantics.md A1.4: "unacked deliveries are requeued
 * when their channel or connection closes"): the consumer timeout, a link partitioned until the broker notices the
 * dead connection (deadLinks.ts), a consumer going offline, the queue's outage. The broker requeues what the channel
 * held unacked itself, at once: what its consumer holds, what is still on its way to it along a link with a delay
 * (deliveriesInTransit.ts), and what its consumer settled with an ack or nack still on its way back
 * (settlementsInFlight.ts: the broker never got it, and ignores it when it arrives). No consumer nacked it, so it counts
 * as requeuedOnChannelClose, not nacked. SQS has no channel (A2.1): a receive comes back when its visibility timeout
 * ends, so none of this applies there.
 *
 * Off the hot path: a queue's deliveries and acks (queue.ts) come here only when a channel closes or a link fails.
 */
export class Channels {
  /** What links to consumers lost, and their partitions (A1.4). */
  private readonly deadLinks = new DeadLinks();
  /** Manual-ack deliveries on their way along links with a delay (A1.4). */
  private readonly inTransit: DeliveriesInTransit;

  constructor(
    private readonly index: number,
    private readonly ctx: SimContext,
    private readonly n: QueueCounters,
    private readonly sqs: boolean,
    /** The queue's subscriptions by edge index (sparse). */
    private readonly subByEdge: readonly Subscription[],
    /** Its consumers' acks and nacks on their way (settlementsInFlight.ts): a close requeues what they settle. */
    private readonly settlements: SettlementsInFlight,
    private readonly steps: QueueSteps,
  ) {
    this.inTransit = new DeliveriesInTransit(ctx);
  }

  /** A manual-ack delivery `m` is sent along `edge`, a link that may delay it (mayTravel): followed until it arrives. */
  sent(m: Message, edge: EdgeRuntime): void { this.inTransit.sent(m, edge); }

  /**
   * A1.4 consumer timeout: when the oldest delivery of `sub` unacked in the broker's view was delivered. The broker counts
   * a delivery unacked from when it sends it until its ack arrives: on its way to the consumer, held there, or its ack or
   * nack on its way back. Infinity when none is known: the ones lost on the link (deadLinks.ts) come back within
   * LINK_RETURN_MS, far below any timeout, and are not looked at.
   */
  oldestUnackedAt(sub: Subscription): number {
    const edge = sub.edge;
    return Math.min(sub.subscriber.oldestUnackedAt(edge), this.inTransit.oldestDeliveredOn(edge), this.settlements.oldestOn(edge));
  }

  /** A delivery followed on its way reached its consumer: false when its channel closed meanwhile (the client drops it). */
  arrived(m: Message, edge: EdgeRuntime): boolean { return this.inTransit.arrived(m, edge); }

  /** A delivery along `edge` was lost on the link: true when the broker still holds it unacked (manual ack). */
  linkLost(m: Message, edge: EdgeRuntime, reason: 'partition' | 'linkLoss'): boolean {
    if (this.sqs) return false; // A2.1: it is invisible until its visibility timeout, then comes back
    if (this.subByEdge[edge.index]?.manual === true) { this.inTransit.lost(m, edge); this.deadLinks.lost(edge); return true; }
    this.ctx.lose(m, reason, edge.target.index); // A1.4: auto-acked when sent
    return false;
  }

  /** A1.4: a delivery lost on the link is requeued once the broker notices the dead channel (LINK_RETURN_MS). */
  linkReturned(m: Message, edge: EdgeRuntime): void {
    this.deadLinks.returned(edge);
    this.channelClosed(m, edge);
  }

  /**
   * A1.4 automatic requeue: "unacked deliveries are requeued when their channel or connection closes". The broker
   * requeues them itself; the consumer sent no basic.nack/reject, so they count as requeuedOnChannelClose, not nacked.
   */
  channelClosed(m: Message, edge: EdgeRuntime): void {
    if (this.sqs) return; // A2.1: an SQS receive has no channel; it comes back when its visibility timeout ends
    this.steps.settle(edge);
    this.requeueFromClosedChannel([m]);
  }

  /**
   * The consumer of `edge` went offline (or crashed): its channel closed. It gave back what it held, each requeued as it
   * came (channelClosed); what is still on its way to it, or settled by an ack or nack still on its way back, is
   * requeued now, as the broker does it at the close (A1.4).
   */
  offline(edge: EdgeRuntime): void {
    const onTheWay = this.settlements.close(edge); // delivered first, then what is on its way to the consumer
    for (const m of this.inTransit.close(edge)) onTheWay.push(m);
    if (onTheWay.length === 0) return;
    for (let i = 0; i < onTheWay.length; i++) this.steps.settle(edge);
    this.requeueFromClosedChannel(onTheWay);
  }

  /**
   * A1.4: a partitioned link is a dead connection once the broker misses its heartbeats; we take LINK_RETURN_MS for that
   * (an assumption: semantics.md has no heartbeat rule). Then the channel closes and its unacked deliveries are requeued.
   * A manual-ack subscription only: an auto-ack one holds nothing unacked, and SQS has no channel (A2.1).
   */
  linkPartitioned(edge: EdgeRuntime): void {
    const sub = this.subByEdge[edge.index];
    if (this.sqs || sub === undefined || !sub.manual) return;
    this.ctx.schedule(LINK_RETURN_MS, this.index, EV_LINK_DEAD, sub, this.deadLinks.partitioned(edge));
  }

  /** A partition of `edge` ended: a dead-link check scheduled before is void. */
  linkHealed(edge: EdgeRuntime): void { this.deadLinks.healed(edge); }

  /**
   * A1.4 consumer timeout: the channel of `sub` held a delivery unacked too long and is closed with PRECONDITION_FAILED.
   * Its deliveries are requeued as on any channel close (a quorum queue counts each return, A1.10), those whose ack is
   * still on its way too; the one being processed goes on, and its ack will find the channel closed (the consumer's
   * ackFailed, as for an ack that was on its way). The consumer's application opens a new channel and consumes again at
   * once: the subscription stays, with nothing unacked.
   */
  timedOut(sub: Subscription): void {
    this.n.consumerTimedOut++;
    this.requeueClosed(sub);
  }

  /**
   * A1.4: the link of `sub` stayed partitioned until the broker noticed the dead connection: the channel closes, its
   * deliveries are requeued, and what its consumer was processing goes on, its ack failing (as on the consumer timeout).
   * The consumer subscribes again once the link is back (canTakePush: nothing is delivered across the partition).
   */
  linkDead(sub: Subscription, episode: number): void {
    if (this.deadLinks.stillDown(sub.edge, episode)) this.requeueClosed(sub);
  }

  /** The channel of `sub` closes: what it held unacked is requeued by the broker (A1.4: no nack; a quorum return, A1.10). */
  private requeueClosed(sub: Subscription): void {
    this.requeueFromClosedChannel(this.close(sub));
  }

  /** What a closed channel held unacked goes back (A1.4: requeued by the broker, not nacked), then out again. */
  requeueFromClosedChannel(returned: readonly Message[]): void {
    this.n.requeuedOnChannelClose += returned.length;
    for (const m of returned) this.steps.returnToQueue(m);
    this.steps.dispatchAfterReturn();
  }

  /**
   * The queue's outage: every channel closes (its consumers give up what they hold), and the acks and nacks on their way
   * never arrive; the broker held those messages unacked, so they come back with the rest (A1.4). Returns what the queue
   * takes back, counted as requeuedOnChannelClose (the outage may then lose them: outage.ts).
   */
  closeAll(subs: readonly Subscription[]): Message[] {
    const returned: Message[] = [];
    for (const sub of subs) for (const m of this.close(sub)) returned.push(m);
    this.n.requeuedOnChannelClose += returned.length;
    return returned;
  }

  /**
   * Closes the channel of `sub`: its consumer gives up what it holds (closeChannel), what is on its way to it is taken
   * back (its copy arriving is dropped: deliveriesInTransit.ts), and so is what an ack or nack on its way back settles
   * (settlementsInFlight.ts: the settlement arriving is ignored). Their prefetch slots go with the channel. Deliveries
   * lost on the link and not back yet stay unacked until they come back (deadLinks.ts), whose return settles them then.
   * Returns what the queue takes back.
   */
  private close(sub: Subscription): Message[] {
    const { returned, released } = closeChannel(sub);
    // In the order delivered: what an ack or nack settles was delivered before what is still on its way to the consumer.
    for (const m of this.settlements.close(sub.edge)) returned.push(m);
    for (const m of this.inTransit.close(sub.edge)) returned.push(m);
    const stillLost = this.deadLinks.pendingOn(sub.edge);
    sub.unacked = stillLost;
    this.steps.releaseUnacked(released - stillLost);
    return returned;
  }
}
