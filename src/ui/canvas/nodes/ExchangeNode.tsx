import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { compact } from './format';
import { NodeShell, Stat } from './NodeShell';
import { Placement } from './Placement';

export const ExchangeNode = memo(function ExchangeNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'exchange'>;
  const live = useNodeLive(id);
  return (
    <NodeShell node={node} selected={!!selected} summary={<span className="bl-pill">{node.config.type}</span>}
      placement={node.config.broker !== undefined && <Placement brokers={[node.config.broker]} />}>
      <Stat label="in" value={live ? compact(live.in) : '–'} exact={live?.in} />
      <Stat label="routed" name="out" value={live ? compact(live.out) : '–'} exact={live?.out} title="Copies routed to bindings, push subscriptions and the alternate exchange" />
      <Stat label="unroutable" name="dropped" value={live ? compact(live.dropped) : '–'} exact={live?.dropped}
        title="Messages no binding matched, refused by every filter policy, or returned to a mandatory publisher" />
    </NodeShell>
  );
});
