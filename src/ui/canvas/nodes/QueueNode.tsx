import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { compact } from './format';
import { NodeShell, Stat } from './NodeShell';

/** Depth on a log scale so that 10 and 10 000 messages both read: the bar is full at 10 000. */
const depthFraction = (n: number) => Math.min(1, Math.log10(1 + Math.max(0, n)) / 4);

export const QueueNode = memo(function QueueNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'queue'>;
  const live = useNodeLive(id);
  const ready = live?.ready ?? 0;
  const unacked = live?.unacked ?? 0;
  const total = ready + unacked;
  const width = depthFraction(total) * 100;
  return (
    <NodeShell node={node} selected={!!selected} summary={`${node.config.flavor} queue`}
      dropped={live?.dropped} deadLettered={live?.deadLettered}>
      <div className="bl-depth">
        <Stat label="ready" value={live ? compact(ready) : '–'} />
        <Stat label="unacked" value={live ? compact(unacked) : '–'} />
        <div className="bl-bar" role="meter" aria-label="Queue depth" aria-valuenow={total} aria-valuemin={0}
          title={`${ready} ready, ${unacked} unacked (log scale, full at 10 000)`}>
          <span className="bl-bar-ready" style={{ width: `${total ? (width * ready) / total : 0}%` }} />
          <span className="bl-bar-unacked" style={{ width: `${total ? (width * unacked) / total : 0}%` }} />
        </div>
      </div>
    </NodeShell>
  );
});
