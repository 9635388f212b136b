import type { QueueConfig } from '../../../schema';
import { duration as ms } from './format';

const FLAVOR: Record<QueueConfig['flavor'], string> = { classic: 'classic', quorum: 'quorum', sqs: 'SQS' };

/** The queue's key settings in one line: "quorum · limit 3", "classic · prio 10 · TTL 5 s". */
export function queueSummary(c: QueueConfig): string {
  // A2.3: a FIFO queue is named for what it is ("SQS FIFO", "+dedup" with content-based deduplication).
  const parts = [c.fifo ? `SQS FIFO${c.fifo.contentBasedDeduplication ? ' +dedup' : ''}` : FLAVOR[c.flavor]];
  if (c.maxPriority !== undefined) parts.push(`prio 0–${c.maxPriority}`);
  if (c.deliveryLimit !== undefined) parts.push(c.deliveryLimit < 0 ? 'no delivery limit' : `limit ${c.deliveryLimit}`);
  if (c.maxReceiveCount !== undefined) parts.push(`redrive after ${c.maxReceiveCount}`);
  if (c.messageTtlMs !== undefined) parts.push(`TTL ${ms(c.messageTtlMs)}`);
  if (c.maxLength !== undefined) parts.push(`max ${c.maxLength}`);
  if (c.consumerTimeoutMs !== undefined) parts.push(`ack timeout ${ms(c.consumerTimeoutMs)}`);
  if (c.permissions && (c.permissions.publish !== null || c.permissions.consume !== null)) parts.push('restricted');
  return parts.join(' · ');
}
