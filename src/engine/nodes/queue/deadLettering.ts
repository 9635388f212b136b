import type { DeathReason } from '../../api';
import type { Message } from '../../model/message';

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
