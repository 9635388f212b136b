import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { compact, rate } from './format';
import { NodeShell, Stat } from './NodeShell';

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

export const ProducerNode = memo(function ProducerNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'producer'>;
  const live = useNodeLive(id);
  const keys = keysOf(node.config);
  return (
    <NodeShell node={node} selected={!!selected} dropped={live?.dropped}
      summary={<>{describeArrival(node.config.arrival)}{keys && <span className="bl-key"> · {keys}</span>}</>}>
      <Stat label="published" value={live ? compact(live.out) : '–'} />
      {node.config.count !== null && <Stat label="of" value={compact(node.config.count)} />}
    </NodeShell>
  );
});
