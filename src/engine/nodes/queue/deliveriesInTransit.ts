import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { copyMessage, TRANSIT_CLOSED, TRANSIT_NONE, TRANSIT_OPEN, type Message } from '../../model/message';

/** The empty table every queue starts with; never written (replaced by a table of its own first). */
const NONE: (Set<Message> | undefined)[] = [];

/**
 * A RabbitMQ queue's manual-ack deliveries still on their way to their consumers along links with a delay (semantics.md
 * A1.4). The broker counts a delivery unacked from the moment it sends it, so when its channel closes it requeues it with
 * the rest at once, wherever it is; the client that later receives it for a channel it no longer has drops it.
 *
 * The delivery on its way is an event of the run's (SimContext.send), which holds the message object and counts it in
 * transit until it arrives. So the queue requeues a copy, a new object the message pool never saw, and marks the one on
 * the link TRANSIT_CLOSED: the consumer drops it on arrival (ConsumerModel.receive). The copy is the message from the
 * close on, so the one on the link leaves the count in transit at the close and is put back as it arrives, when the run
 * takes it off: every message is counted once (metrics/accounting.ts).
 */
export class DeliveriesInTransit {
  /** By edge index (sparse), in the order sent; shared empty until a delivery travels (see SettlementsInFlight.pending). */
  private byEdge = NONE;

  constructor(private readonly ctx: SimContext) {}

  /** `m` is sent along `edge`, a link that may delay it (mayTravel). */
  sent(m: Message, edge: EdgeRuntime): void {
    if (this.byEdge === NONE) this.byEdge = [];
    m.transit = TRANSIT_OPEN;
    (this.byEdge[edge.index] ??= new Set()).add(m);
  }

  /**
   * `m` (not TRANSIT_NONE) reached the consumer of `edge`: true when its channel is open (the consumer takes it), false
   * when the channel closed on its way (the queue requeued a copy; the client drops this one).
   */
  arrived(m: Message, edge: EdgeRuntime): boolean {
    const open = m.transit === TRANSIT_OPEN;
    m.transit = TRANSIT_NONE;
    if (open) this.byEdge[edge.index]!.delete(m);
    else this.ctx.accounting.inTransit++; // the run takes it off as it arrives; the close took it off already
    return open;
  }

  /** `m` was lost on the link (a partition, a lossy link): not on its way any more, it comes back as lost ones do (deadLinks.ts). */
  lost(m: Message, edge: EdgeRuntime): void {
    if (m.transit !== TRANSIT_OPEN) return;
    m.transit = TRANSIT_NONE;
    this.byEdge[edge.index]!.delete(m);
  }

  /** A1.4 consumer timeout: when the oldest delivery on its way along `edge` was delivered (sent); Infinity when none. */
  oldestDeliveredOn(edge: EdgeRuntime): number {
    const onTheWay = this.byEdge[edge.index];
    if (onTheWay === undefined) return Infinity;
    for (const m of onTheWay) return m.deliveredAt; // the first is the oldest: sent in order
    return Infinity;
  }

  /**
   * The channel of `edge` closed: what is on its way along it is left to the client to drop, and returned as copies
   * for the queue to requeue (A1.4), in the order sent. None on a link without a delay.
   */
  close(edge: EdgeRuntime): Message[] {
    const onTheWay = this.byEdge[edge.index];
    if (onTheWay === undefined || onTheWay.size === 0) return [];
    const copies: Message[] = [];
    for (const m of onTheWay) {
      m.transit = TRANSIT_CLOSED;
      this.ctx.accounting.inTransit--;
      copies.push(copyMessage(m));
    }
    onTheWay.clear();
    return copies;
  }
}
