import type { DeathReason, DropReason } from '../../api';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { type Message } from '../../model/message';
import { addHop } from '../../model/trail';
import type { QueueCounters } from './queueCounters';
import type { QueueRules } from './queueRules';

/**
 * Dead-lettering out of one queue (semantics.md A1.9): a message that expired, was rejected, overflowed
 * or hit a delivery or receive limit goes to the queue's dead-letter target with its death recorded, or
 * is dropped for that reason when the queue has none. The queue sets `edge` when it starts.
 */
export class DeadLetters {
  edge: EdgeRuntime | undefined;

  constructor(
    private readonly queueId: string,
    private readonly index: number,
    private readonly rules: QueueRules,
    private readonly ctx: SimContext,
    private readonly n: QueueCounters,
  ) {}

  /**
   * A1.9: sends the message to the dead-letter target with its death recorded, or drops it for that
   * reason when the queue has none. `fromReady` says it left the ready list (for the counters only).
   */
  send(m: Message, reason: DeathReason, fromReady: boolean): void {
    if (reason === 'maxlen' && fromReady) this.n.overflowed++;
    this.n.deadLettered++;
    m.confirm = null;
    m.sqsOwned = false;
    const target = this.edge;
    if (!target) { this.ctx.accounting.drop(reason as DropReason, this.index, m.id); return; }
    recordDeath(m, this.queueId, reason, this.ctx.now());
    if (m.trail !== null) addHop(m, this.index, this.ctx, `dead-lettered (${reason})`); // text built only when traced
    if (this.rules.deadLetterRoutingKey !== undefined) m.routingKey = this.rules.deadLetterRoutingKey;
    // A dead-lettered message is published anew: not redelivered, delivery count reset. A2.2: SQS keeps
    // ApproximateReceiveCount on the DLQ copy.
    m.redelivered = false;
    m.deliveryCount = 0;
    m.returns = 0;
    if (this.rules.flavor !== 'sqs') m.receiveCount = 0;
    // An SQS message keeps the receipt of its last receive here (A2.1): a delivery of it still on its way to a consumer
    // is an SQS receive, which the consumer does not count (the dead-letter queue does now), and a delete with it finds
    // the message gone from this queue and deletes nothing (SqsInFlight.deleteVisible). On RabbitMQ it is 0 already.
    m.exchange = target.target.kind === 'exchange' ? target.target.id : '';
    this.ctx.send(target, m);
  }
}

/**
 * Records a death in the message's history (semantics.md A1.9, RabbitMQ x-death): one entry per
 * {queue, reason}, most recent first, its count incremented on repeats; `timeMs` is the first time.
 * The `expiration` property is removed (kept as originalExpirationMs) so the message does not expire again.
 */
export function recordDeath(m: Message, queue: string, reason: DeathReason, now: number): void {
  const deaths = m.deaths ?? (m.deaths = []);
  const i = deaths.findIndex((d) => d.queue === queue && d.reason === reason);
  if (i >= 0) {
    const [entry] = deaths.splice(i, 1);
    entry!.count++;
    deaths.unshift(entry!);
  } else {
    deaths.unshift({
      queue, reason, count: 1, timeMs: now, exchange: m.exchange, routingKeys: [m.routingKey],
      ...(m.expirationMs >= 0 ? { originalExpirationMs: m.expirationMs } : {}),
    });
  }
  m.expirationMs = -1;
}

/**
 * A1.9 cycles: a message that comes back to a queue it was dead-lettered from, with no rejection
 * anywhere in the cycle, is dropped (BROKER: a TTL-only cycle drops; a cycle with a nack goes on).
 * The cycle is the deaths since its last death in this queue, that one included (most recent first,
 * as RabbitMQ's is_cycle splits x-death): a rejection before the cycle began does not keep it going.
 */
export function isDeadLetterCycle(m: Message, queue: string): boolean {
  if (!m.deaths) return false;
  const last = m.deaths.findIndex((d) => d.queue === queue);
  if (last < 0) return false;
  for (let i = 0; i <= last; i++) if (m.deaths[i]!.reason === 'rejected') return false;
  return true;
}
