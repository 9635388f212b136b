import type { MessageView } from '../../engine/api';

/** Simulated ms as people read them: 950 ms, 12.35 s, 3 min 05.0 s, 2 h 05 min 03.0 s. */
export function formatSimTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Number(ms.toFixed(1))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  // In tenths of a second first, so that 119 999 ms reads 2 min 00.0 s, not 1 min 60.0 s.
  const tenths = Math.round(ms / 100);
  const h = Math.floor(tenths / 36_000);
  const min = Math.floor((tenths % 36_000) / 600);
  const s = `${((tenths % 600) / 10).toFixed(1).padStart(4, '0')} s`;
  return h > 0 ? `${h} h ${String(min).padStart(2, '0')} min ${s}` : `${min} min ${s}`;
}

/** The short flags shown next to a message in a list. */
export function messageFlags(m: MessageView): string[] {
  const flags: string[] = [];
  if (m.poison) flags.push('poison');
  if (m.redelivered) flags.push('redelivered');
  if (m.deaths.length > 0) flags.push(`died ×${m.deaths.reduce((n, d) => n + d.count, 0)}`);
  if (m.persistent) flags.push('persistent');
  if (m.corrupt) flags.push('corrupt');
  if (m.correlationId !== undefined && m.correlationId >= 0) flags.push(`reply to #${m.correlationId}`);
  if (m.groupId) flags.push(`group ${m.groupId}`);
  return flags;
}

/** Why it died, in words (RabbitMQ x-death reasons, A1.9; SQS redrive, A2.2). */
export const DEATH_REASONS: Record<string, string> = {
  rejected: 'rejected (requeue=false)',
  expired: 'expired (TTL)',
  maxlen: 'over a length limit',
  delivery_limit: 'over the delivery limit',
  maxReceiveCount: 'over maxReceiveCount (redrive)',
};
