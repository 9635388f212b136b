import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { compact, describeDistribution } from './format';
import { NodeShell, Stat, type Badge } from './NodeShell';
import { describeArrival } from './ProducerNode';

type Config = NodeOf<'requester'>['config'];
type Live = NonNullable<ReturnType<typeof useNodeLive>>;

/** One line: how requests are paced, how long each waits, and where replies go (EIP Return Address, A4). */
export function describeRequester(config: Config): string {
  const pace = config.mode === 'sync'
    ? `sync · think ${describeDistribution(config.thinkTimeMs, 'ms')}`
    : `async · ${describeArrival(config.arrival)}`;
  const parts = [pace, `timeout ${compact(config.timeoutMs)} ms`];
  if (config.expectedReplies > 1) parts.push(`${config.expectedReplies} replies`);
  if (config.replyTo !== null) parts.push(`reply to ${config.replyTo}`);
  return parts.join(' · ');
}

// LIVE layout of a requester: nacked = late + unmatched replies (A4 Correlation Identifier).
function requesterBadges(live: Live | null): Badge[] {
  if (!live) return [];
  return [{ name: 'lateOrUnmatched', value: live.nacked, text: 'late/unmatched', tone: 'warn',
    title: 'Replies that came after their request timed out, or that match no request (discarded: A4 Correlation Identifier)' }];
}

/** EIP Request-Reply: sends requests with a Return Address, matches replies, counts timeouts. */
export const RequesterNode = memo(function RequesterNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'requester'>;
  const live = useNodeLive(id);
  return (
    <NodeShell node={node} selected={!!selected} summary={describeRequester(node.config)} badges={requesterBadges(live)}>
      <Stat label="sent" value={live ? compact(live.out) : '–'} exact={live?.out} title="Requests sent" />
      <Stat label="answered" value={live ? compact(live.acked) : '–'} exact={live?.acked}
        title="Requests that got all their expected replies before the timeout" />
      <Stat label="timeouts" value={live ? compact(live.dropped) : '–'} exact={live?.dropped}
        title="Requests whose replies did not all come within the timeout" />
      <Stat label="pending" value={live ? compact(live.unacked) : '–'} exact={live?.unacked} title="Requests awaiting replies now" />
    </NodeShell>
  );
});
