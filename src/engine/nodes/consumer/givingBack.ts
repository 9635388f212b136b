import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { Fifo } from '../../model/fifo';
import type { Message } from '../../model/message';
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
    if (d.receipt > 0) return; // A2.1: an SQS message comes back by its visibility timeout
    if (d.edge.role === 'subscribe' && this.manualAck) {
      d.edge.source.deliverySource?.nack(d.message, d.edge, true, d.receipt);
      return;
    }
    this.n.lost++;
    this.ctx.accounting.drop('lostAfterAutoAck', this.index, d.message.id);
  }

  /**
   * The queue's channel closed: hands back, unsettled, what this subscription delivered (manual ack),
   * in service first then buffered, and keeps the rest in order. The caller starts buffered ones after.
   */
  surrender(edge: EdgeRuntime): Message[] {
    if (!this.manualAck) return [];
    const fromEdge = (d: Delivery) => d.edge === edge && d.receipt === 0;
    const now = this.ctx.now();
    const given = this.inService.takeWhere(fromEdge, now).map((d) => { this.caller.cancel(d); return d.message; });
    const kept = new Fifo<Delivery>();
    for (let d = this.buffer.shift(); d; d = this.buffer.shift()) {
      if (fromEdge(d)) given.push(d.message);
      else kept.push(d);
    }
    for (let d = kept.shift(); d; d = kept.shift()) this.buffer.push(d);
    return given;
  }
}
