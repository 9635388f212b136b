import type { QueueFlavor } from '../../schema/nodes/queue';
import { switchFlavor } from '../inspector/forms/queue/flavorFields';
import { useDocumentStore, type EditResult } from './documentStore';

/**
 * Changes a queue's flavor in one undo step, bringing its subscribed consumers along where the new
 * flavor demands it: SQS is polled and has no auto-ack (semantics.md A2.1), so they become pull with
 * manual ack; basic.get does not wait, so leaving SQS turns long polling off.
 */
export function switchQueueFlavor(queueId: string, flavor: QueueFlavor): EditResult {
  return useDocumentStore.getState().edit((d) => {
    const queue = d.nodes.find((n) => n.id === queueId);
    if (queue?.kind !== 'queue') return;
    queue.config = switchFlavor(queue.config, flavor) as typeof queue.config;
    const subscribers = new Set(d.edges.filter((e) => e.source === queueId).map((e) => e.target));
    for (const node of d.nodes) {
      if (node.kind !== 'consumer' || !subscribers.has(node.id)) continue;
      if (flavor === 'sqs') { node.config.delivery = 'pull'; node.config.ackMode = 'manual'; }
      else node.config.waitTimeMs = 0;
    }
  });
}
