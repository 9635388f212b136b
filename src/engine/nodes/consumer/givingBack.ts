import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { Fifo } from '../../model/fifo';
import { copyMessage, type Message } from '../../model/message';
import type { Caller } from './caller';
import type { ConsumerCounters } from './consumerCounters';
import type { Delivery } from './delivery';
import type { InService } from './inService';

/**
 * What happens to the deliveries a consumer holds but will not settle: when it goes offline (or
 * crashes) it gives them all back, and when a queue's channel closes it surrenders that queue's. It
 * shares the consumer's buffer and slots (with their busy time), and is off the path of a delivery processed.
 */
export class GivingBack {
  constructor(
    private readonly index: number,
    private readonly manualAck: boolean,
    private readonly buffer: Fifo<Delivery>,
    private readonly inService: InService,
    private readonly caller: Caller,
    private readonly n: ConsumerCounters,
    private readonly ctx: SimContext,
  ) {}

  /**
   * A1.4: when a consumer's channel closes its unacked deliveries are requeued; under auto-ack they
   * were settled on delivery and are lost. SQS: in-flight messages come back after their visibility timeout.
   */
  giveBackAll(): void {
    const now = this.ctx.now();
    for (const d of this.inService.takeAll(now)) this.giveBack(d);
    for (let d = this.buffer.shift(); d; d = this.buffer.shift()) this.giveBack(d);
  }

  giveBack(d: Delivery): void {
    this.caller.cancel(d); // a reply to its call will find no one waiting
    // A1.4: its channel closed already and the queue requeued a copy: there is nothing to give back.
    if (d.orphaned) return;
    if (d.receipt > 0) return; // A2.1: an SQS message comes back by its visibility timeout
    if (d.edge.role === 'subscribe' && this.manualAck) {
      d.edge.source.deliverySource?.channelClosed(d.message, d.edge); // A1.4: requeued by the broker, not nacked
      return;
    }
    this.n.lost++;
    this.ctx.accounting.drop('lostAfterAutoAck', this.index, d.message.id);
  }

  /**
   * The queue's channel closed (its broker crashed, or its leader failed over): what this subscription delivered
   * is unacked no more, and the queue requeues it (A1.4, manual ack; SQS receipts are untouched). Returns what the
   * queue gets back, in service first then buffered, and keeps the rest of the buffer in order; the caller starts
   * buffered ones after.
   *
   * A delivery being processed is not taken from the application, which does not know yet: it goes on with it, and
   * the ack it sends at the end finds the channel closed (orphaned, see ConsumerModel.succeed). So the broker's
   * message and the one in the application's hands are two: the queue gets a copy, a new object the message pool
   * never saw (the queue may reuse it), and the consumer keeps the original, which it alone holds now. A buffered
   * delivery the application has not started is dropped by the client library: the queue gets the message itself.
   */
  surrender(edge: EdgeRuntime): Message[] {
    if (!this.manualAck) return [];
    const fromEdge = (d: Delivery) => isOpenDeliveryFrom(d, edge);
    const given: Message[] = [];
    this.inService.forEach((d) => {
      if (!fromEdge(d)) return;
      given.push(copyMessage(d.message));
      d.orphaned = true; // it keeps its slot and goes on being processed; its ack will fail
    });
    const kept = new Fifo<Delivery>();
    for (let d = this.buffer.shift(); d; d = this.buffer.shift()) {
      if (fromEdge(d)) given.push(d.message);
      else kept.push(d);
    }
    for (let d = kept.shift(); d; d = kept.shift()) this.buffer.push(d);
    return given;
  }

  /**
   * A1.4 consumer timeout: when the broker delivered the oldest manual-ack delivery from `edge` this consumer holds still
   * open (not settled, its channel not closed). Infinity when there is none.
   */
  oldestUnackedAt(edge: EdgeRuntime): number {
    if (!this.manualAck) return Infinity;
    let oldest = Infinity;
    const visit = (d: Delivery) => { if (isOpenDeliveryFrom(d, edge) && d.message.deliveredAt < oldest) oldest = d.message.deliveredAt; };
    this.inService.forEach(visit);
    this.buffer.forEach(visit);
    return oldest;
  }
}

/** A delivery from `edge` that its queue still counts unacked: not an SQS receive, and its channel still open. */
function isOpenDeliveryFrom(d: Delivery, edge: EdgeRuntime): boolean {
  return d.edge === edge && d.receipt === 0 && !d.orphaned;
}
