import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { compact, rate } from './format';
import { NodeShell, Stat, type Badge } from './NodeShell';

type Arrival = NodeOf<'producer'>['config']['arrival'];

export function describeArrival(a: Arrival): string {
  switch (a.type) {
    case 'constant': return `steady ${rate(a.ratePerSec)}`;
    case 'poisson': return `Poisson ${rate(a.ratePerSec)}`;
    case 'onOff': return `bursts ${rate(a.ratePerSec)}`;
    case 'ramp': return `ramp ${compact(a.fromRatePerSec)}→${rate(a.toRatePerSec)}`;
    case 'script': return `script, ${a.messages.length} msgs`;
  }
}

function keysOf(config: NodeOf<'producer'>['config']): string {
  const keys = config.routingKeys.pick === 'weighted' ? config.routingKeys.keys.map((k) => k.key) : config.routingKeys.keys;
  const shown = keys.filter((k) => k !== '');
  if (shown.length === 0) return '';
  return shown.length <= 2 ? shown.join(', ') : `${shown.slice(0, 2).join(', ')} +${shown.length - 2}`;
}

/** SQS FIFO message groups and deduplication ids (A2.3), in a few words; '' when neither is set. */
export function fifoOf(config: NodeOf<'producer'>['config']): string {
  const parts: string[] = [];
  if (config.messageGroups) parts.push(`${config.messageGroups.count} group${config.messageGroups.count === 1 ? '' : 's'}`);
  if (config.deduplicationId === 'messageId') parts.push('dedup id');
  return parts.join(', ');
}

function producerBadges(live: ReturnType<typeof useNodeLive>, config: NodeOf<'producer'>['config']): Badge[] {
  if (!live || !config.confirms) return [];
  return [{ name: 'nackedConfirms', value: live.nacked, text: 'nacked', tone: 'danger', title: 'Publishes the broker nacked (A1.6: e.g. reject-publish at a length limit)' }];
}

export const ProducerNode = memo(function ProducerNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'producer'>;
  const live = useNodeLive(id);
  const keys = keysOf(node.config);
  const fifo = fifoOf(node.config);
  return (
    <NodeShell node={node} selected={!!selected} badges={producerBadges(live, node.config)}
      summary={<>{describeArrival(node.config.arrival)}{fifo && ` · ${fifo}`}{keys && <span className="bl-key"> · {keys}</span>}</>}>
      <Stat label="published" value={live ? compact(live.out) : '–'} exact={live?.out} />
      {node.config.count !== null && <Stat label="of" name="count" value={compact(node.config.count)} exact={node.config.count} />}
      {node.config.confirms && (
        <>
          <Stat label="unconfirmed" value={live ? `${compact(live.unacked)}/${compact(node.config.confirms.window)}` : '–'} exact={live?.unacked}
            title="Published, not yet confirmed by the broker / the confirm window (A1.6)" />
          <Stat label="waiting" value={live ? compact(live.ready) : '–'} exact={live?.ready} title="Messages held back until the confirm window has room" />
        </>
      )}
    </NodeShell>
  );
});
