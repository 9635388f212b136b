import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { compact, describeDistribution } from './format';
import { NodeShell, Stat } from './NodeShell';

const MAX_SLOT_DOTS = 16;

/** One dot per processing slot, filled when busy; a bar instead when there are many slots. */
function Slots({ busy, capacity }: { busy: number; capacity: number }) {
  if (capacity > MAX_SLOT_DOTS) {
    return <div className="bl-bar bl-slots-bar"><span className="bl-bar-busy" style={{ width: `${(busy / capacity) * 100}%` }} /></div>;
  }
  return (
    <span className="bl-slots" aria-hidden="true">
      {Array.from({ length: capacity }, (_, i) => <span key={i} className={i < busy ? 'bl-slot busy' : 'bl-slot'} />)}
    </span>
  );
}

export const ConsumerNode = memo(function ConsumerNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'consumer'>;
  const { config } = node;
  const live = useNodeLive(id);
  const capacity = live?.capacity || config.concurrency;
  const busy = live?.busy ?? 0;
  return (
    <NodeShell node={node} selected={!!selected} dropped={live?.dropped}
      summary={`${describeDistribution(config.serviceTimeMs, 'ms')} · prefetch ${config.prefetch}${config.ackMode === 'auto' ? ' · auto-ack' : ''}`}>
      <Stat label="busy" value={`${compact(busy)}/${compact(capacity)}`} title="Busy processing slots / concurrency" />
      <Stat label="acked" value={live ? compact(live.acked) : '–'} />
      {live && live.nacked > 0 && <Stat label="nacked" value={compact(live.nacked)} />}
      <Slots busy={Math.min(busy, capacity)} capacity={capacity} />
    </NodeShell>
  );
});
