import type { QueueConfig } from '../../../../schema';
import type { QueueFlavor } from '../../../../schema/nodes/queue';

type Field = Exclude<keyof QueueConfig, 'flavor'>;

/**
 * Which optional queue fields apply to each flavor: the same rules as QueueConfigSchema's refinement
 * (src/schema/nodes/queue.ts), so the form shows only what the schema would accept.
 */
export const FLAVOR_FIELDS: Record<QueueFlavor, readonly Field[]> = {
  classic: ['durable', 'maxPriority', 'messageTtlMs', 'maxLength', 'maxLengthBytes', 'overflow', 'deadLetterRoutingKey', 'consumerTimeoutMs', 'diskWriteMs', 'brokers', 'mirrorDelayMs', 'permissions'],
  quorum: ['messageTtlMs', 'maxLength', 'maxLengthBytes', 'overflow', 'deadLetterRoutingKey', 'consumerTimeoutMs', 'diskWriteMs', 'deliveryLimit', 'brokers', 'permissions'],
  // A2.3: FIFO (message groups, deduplication) is an SQS feature; permissions exist on every flavor (publish lists on SQS only).
  sqs: ['visibilityTimeoutMs', 'maxReceiveCount', 'retentionMs', 'fifo', 'permissions'],
};

export const appliesTo = (flavor: QueueFlavor, field: Field): boolean => FLAVOR_FIELDS[flavor].includes(field);

/** The config after a change of flavor: fields the new flavor does not have are dropped, the rest kept. */
export function switchFlavor(config: Record<string, unknown>, flavor: QueueFlavor): Record<string, unknown> {
  const next: Record<string, unknown> = { flavor };
  for (const [key, value] of Object.entries(config)) {
    if (key !== 'flavor' && appliesTo(flavor, key as Field)) next[key] = value;
  }
  if (flavor === 'quorum' && next.overflow === 'reject-publish-dlx') delete next.overflow;
  // RabbitMQ checks publishing against the exchange, not the queue: only an SQS queue policy keeps a publish list.
  const permissions = next.permissions as { publish?: unknown; consume?: unknown } | undefined;
  if (permissions && flavor !== 'sqs' && permissions.publish != null) {
    if (permissions.consume != null) next.permissions = { publish: null, consume: permissions.consume };
    else delete next.permissions;
  }
  return next;
}

/** The permission lists a queue of this flavor has: RabbitMQ queues restrict consuming only (read permission). */
export const queuePermissionLists = (flavor: QueueFlavor): readonly ('publish' | 'consume')[] => (flavor === 'sqs' ? ['publish', 'consume'] : ['consume']);
