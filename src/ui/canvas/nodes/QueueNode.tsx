import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { connectionRole, type NodeOf } from '../../../schema';
import { useDocumentStore } from '../../document/documentStore';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { compact } from './format';
import { useQueueHeld, useQueueLeader } from '../../faults/useNodeFaults';
import { NodeShell, Stat, type Badge } from './NodeShell';
import { Placement } from './Placement';
import { queueSummary } from './queueSummary';

/** Depth on a log scale so that 10 and 10 000 messages both read: the bar is full at 10 000. */
const depthFraction = (n: number) => Math.min(1, Math.log10(1 + Math.max(0, n)) / 4);

type Live = NonNullable<ReturnType<typeof useNodeLive>>;

/** Does the queue have a dead-letter edge? Without one, what it dead-letters is discarded (A1.9). */
function useHasDeadLetterTarget(id: string): boolean {
  return useDocumentStore((s) => s.scenario.edges.some((e) => e.source === id
    && connectionRole('queue', s.scenario.nodes.find((n) => n.id === e.target)?.kind ?? '') === 'deadLetter'));
}

function queueBadges(live: Live | null, deadLetterTarget: boolean, held: number): Badge[] {
  if (!live) return [];
  return [
    { name: 'held', value: held, text: 'held', tone: 'warn', title: 'Publishes waiting for a leader: a quorum queue with none holds them, unconfirmed, and takes them in order once one is elected (A1.13)' },
    deadLetterTarget
      ? { name: 'deadLettered', value: live.deadLettered, text: 'dead-lettered', tone: 'warn', title: 'Messages dead-lettered by this queue (A1.9, SQS redrive)' }
      : { name: 'deadLettered', value: live.deadLettered, text: 'discarded', tone: 'warn', title: 'Rejected, expired or over a limit with no dead-letter target: dropped (A1.9)' },
    { name: 'redelivered', value: live.redelivered, text: 'redelivered', tone: 'info', title: 'Deliveries of a message that had been delivered before (A1.4)' },
    { name: 'expired', value: live.expired, text: 'expired', tone: 'warn', title: 'Messages whose TTL or retention ran out (A1.7, A2.1)' },
    { name: 'dropped', value: live.dropped, text: 'dropped', tone: 'danger', title: 'Messages dropped by a length limit (A1.8)' },
  ];
}

export const QueueNode = memo(function QueueNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'queue'>;
  const live = useNodeLive(id);
  const ready = live?.ready ?? 0;
  const unacked = live?.unacked ?? 0;
  const total = ready + unacked;
  const width = depthFraction(total) * 100;
  const sqs = node.config.flavor === 'sqs';
  const leader = useQueueLeader(id);
  const deadLetterTarget = useHasDeadLetterTarget(id);
  const held = useQueueHeld(id);
  return (
    <NodeShell node={node} selected={!!selected} summary={queueSummary(node.config)} badges={queueBadges(live, deadLetterTarget, held)}
      placement={node.config.brokers && <Placement brokers={node.config.brokers} leader={leader} />}>
      <div className="bl-depth">
        <Stat label={sqs ? 'visible' : 'ready'} name="ready" value={live ? compact(ready) : '–'} exact={ready} />
        <Stat label={sqs ? 'in flight' : 'unacked'} name="unacked" value={live ? compact(unacked) : '–'} exact={unacked} />
        <div className="bl-bar" role="meter" aria-label="Queue depth" aria-valuenow={total} aria-valuemin={0}
          title={`${ready} ready, ${unacked} unacked (log scale, full at 10 000)`}>
          <span className="bl-bar-ready" style={{ width: `${total ? (width * ready) / total : 0}%` }} />
          <span className="bl-bar-unacked" style={{ width: `${total ? (width * unacked) / total : 0}%` }} />
        </div>
      </div>
    </NodeShell>
  );
});
