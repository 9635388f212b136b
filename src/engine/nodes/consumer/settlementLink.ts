import type { SimContext } from '../../model/context';
import { addHop } from '../../model/trail';
import type { ConsumerCounters } from './consumerCounters';
import type { Delivery } from './delivery';

/**
 * Whether the ack or nack a consumer sends for `d` is lost because its subscription's link is partitioned; if so it
 * is counted and handed to the run, and the caller settles nothing. A1.4: a delivery stays unacked until it is acked or
 * its channel closes, so the broker, which never hears the ack, requeues the message once it notices the dead channel,
 * as it does a delivery lost on that link (SimContext.settlementLost): processed here, it is delivered and processed
 * again (at-least-once). The consumer cannot tell: an ack is written to its connection and nothing answers it.
 * Only a partition: a lossy link's losses stand for messages, and AMQP's TCP would resend a lost ack. Only what is
 * sent: an SQS failure sends nothing (the message is simply not deleted, A2.1).
 */
export function settlementLostOnLink(d: Delivery, what: 'ack' | 'nack', n: ConsumerCounters, index: number, ctx: SimContext): boolean {
  if (d.edge.fault?.partitioned !== true) return false;
  n.settlementsLost++;
  if (what === 'ack') n.acksLost++;
  addHop(d.message, index, ctx, `${what} lost (link partitioned)`);
  ctx.settlementLost(d.message, d.edge);
  return true;
}
