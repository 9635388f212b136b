import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { Chips } from './Chips';
import { compact, describeDistribution, duration } from './format';
import { NodeShell, Stat, type Badge } from './NodeShell';
import { describeArrival } from './ProducerNode';
import './patternNodes.css';

type Config = NodeOf<'requester'>['config'];
type Live = NonNullable<ReturnType<typeof useNodeLive>>;

const MODE_TITLES = {
  sync: 'Synchronous: one request at a time; the next leaves a think time after the reply or the timeout',
  async: 'Asynchronous: requests leave on their arrival process, many outstanding at once',
} as const;

/** One line after the mode chip: how requests are paced, how long each waits, and where replies go (EIP Return Address, A4). */
export function describeRequester(config: Config): string {
  const pace = config.mode === 'sync' ? `think ${describeDistribution(config.thinkTimeMs, 'ms')}` : describeArrival(config.arrival);
  const parts = [pace, `timeout ${duration(config.timeoutMs)}`];
  if (config.expectedReplies > 1) parts.push(`×${config.expectedReplies} replies`);
  if (config.replyTo !== null) parts.push(`reply → ${config.replyTo}`);
  return parts.join(' · ');
}

// LIVE layout of a requester: nacked = late + unmatched replies (A4 Correlation Identifier).
function requesterBadges(live: Live | null): Badge[] {
  if (!live) return [];
  return [{ name: 'lateOrUnmatched', value: live.nacked, text: 'late/unmatched', tone: 'warn',
    title: 'Replies that came after their request timed out, or that match no request: discarded (A4 Correlation Identifier)' }];
}

/** EIP Request-Reply: sends requests with a Return Address, matches replies, counts timeouts. */
export const RequesterNode = memo(function RequesterNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'requester'>;
  const { config } = node;
  const live = useNodeLive(id);
  const summary = describeRequester(config);
  return (
    <NodeShell node={node} selected={!!selected} badges={requesterBadges(live)}
      summary={<span title={summary}><Chips chips={[{ text: config.mode, title: MODE_TITLES[config.mode] }]} />{summary}</span>}>
      <Stat label="sent" value={live ? compact(live.out) : '–'} exact={live?.out} title="Requests sent" />
      <Stat label="answered" value={live ? compact(live.acked) : '–'} exact={live?.acked}
        title="Requests that got all their expected replies before the timeout" />
      <Stat label="timeouts" value={live ? compact(live.dropped) : '–'} exact={live?.dropped}
        title="Requests whose replies did not all come within the timeout" />
      <Stat label="pending" value={live ? compact(live.unacked) : '–'} exact={live?.unacked} title="Requests awaiting replies now" />
    </NodeShell>
  );
});
