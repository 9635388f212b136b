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
 * anywhere in its history, is dropped (BROKER: a TTL-only cycle drops; a cycle with a nack goes on).
 */
export function isDeadLetterCycle(m: Message, queue: string): boolean {
  if (!m.deaths) return false;
  return m.deaths.some((d) => d.queue === queue) && !m.deaths.some((d) => d.reason === 'rejected');
}
