import type { DropReason } from '../../api';
import type { Message } from '../../model/message';
import { ACK_ON_ITS_WAY, ACK_SETTLED } from '../../model/node';
import { addHop } from '../../model/trail';
import { settlementLostOnLink } from './settlementLink';
import { ConsumerPart } from './consumerPart';
import type { Delivery } from './delivery';

/**
 * How a consumer settles a delivery it does not process to success: one that failed (nacked or
 * rejected back to its queue, A1.4, or lost), one its checksum rejects, and a duplicate it skips.
 * Off the path of a delivery processed; the model still sends a failure's error reply (A4).
 */
export class Unprocessed extends ConsumerPart {
  /** Skipped duplicates whose ack is on its way (ACK_ON_ITS_WAY); made on the first. */
  private duplicateAcksOnTheWay: Set<Message> | null = null;

  /** Settled with the queue (a manual ack from a subscription), not on delivery. */
  private fromQueueManual(d: Delivery): boolean { return d.edge.role === 'subscribe' && this.config.ackMode === 'manual'; }

  /** A RabbitMQ nack or reject lost on a partitioned link (settlementLink.ts); an SQS failure sends nothing to lose. */
  private nackLost(d: Delivery): boolean {
    return d.edge.source.deliverySource?.exclusiveDeliveries === true && settlementLostOnLink(d, 'nack', this.n, this.index, this.ctx);
  }

  /** `d` failed here: counted and noted on its trail (its error reply, if any, goes next). */
  failed(d: Delivery): void {
    this.n.failed++;
    addHop(d.message, this.index, this.ctx, d.message.poison ? 'failed (poison)' : 'failed');
  }

  /** Settles the failed `d`. */
  settleFailed(d: Delivery, lostAs: DropReason): void {
    if (d.orphaned) return; // A1.4: its channel closed meanwhile; the nack goes nowhere (the queue requeued a copy)
    if (this.fromQueueManual(d)) {
      this.n.nacks++;
      if (this.nackLost(d)) return;
      // A1.4: nack with requeue=true, or reject (requeue=false: dead-lettered or discarded).
      d.edge.source.deliverySource?.nack(d.message, d.edge, this.config.onFailure === 'requeue', d.receipt);
      return;
    }
    // A1.4: under auto-ack (or a push subscription) the message was settled on delivery; a failure loses it.
    this.n.lost++;
    this.ctx.accounting.drop(lostAs, this.index, d.message.id);
  }

  /** A duplicate an idempotent consumer recognised: acked without processing it again. */
  skipDuplicate(d: Delivery): void {
    this.ctx.audit?.skippedDuplicate(this.index);
    if (d.orphaned) return; // A1.4: its channel closed meanwhile; the ack goes nowhere (the queue requeued a copy)
    if (this.fromQueueManual(d) && settlementLostOnLink(d, 'ack', this.n, this.index, this.ctx)) return;
    const settled = this.fromQueueManual(d) ? d.edge.source.deliverySource?.ack(d.message, d.edge, d.receipt) ?? ACK_SETTLED : ACK_SETTLED;
    if (settled === ACK_SETTLED) this.ctx.accounting.acked++;
    else if (settled === ACK_ON_ITS_WAY) (this.duplicateAcksOnTheWay ??= new Set()).add(d.message);
  }

  /**
   * A1.4: an ack on its way across a link with a delay reached the queue (`arrived`) or was voided by its channel closing:
   * true when it was a skipped duplicate's, acked for the run only when it arrives (a void one: the queue requeued it).
   */
  duplicateAckSettled(m: Message, arrived: boolean): boolean {
    if (this.duplicateAcksOnTheWay?.delete(m) !== true) return false;
    if (arrived) this.ctx.accounting.acked++;
    return true;
  }

  /**
   * Its checksum does not match: rejected without being processed. From a queue under manual ack it is
   * nacked with requeue=false (A1.4: dead-lettered, or discarded as 'rejected'); otherwise dropped.
   */
  rejectCorrupt(d: Delivery): void {
    this.n.corruptRejected++;
    addHop(d.message, this.index, this.ctx, 'rejected (checksum)');
    if (this.fromQueueManual(d)) {
      this.n.nacks++;
      if (this.nackLost(d)) return;
      d.edge.source.deliverySource?.nack(d.message, d.edge, false, d.receipt);
      return;
    }
    this.n.lost++;
    this.ctx.accounting.drop('corrupt', this.index, d.message.id);
  }
}
