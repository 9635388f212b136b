import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { compact } from './format';
import { NodeShell, Stat } from './NodeShell';

function summaryOf(config: NodeOf<'router'>['config']): string {
  const mode = config.mode === 'first' ? 'first match' : 'recipient list';
  const rules = `${config.rules.length} rule${config.rules.length === 1 ? '' : 's'}`;
  return `${mode} · ${rules}${config.otherwise.length > 0 ? ' · otherwise' : ''}`;
}

/** EIP Content-Based Router (first) or Recipient List (all). */
export const RouterNode = memo(function RouterNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'router'>;
  const live = useNodeLive(id);
  return (
    <NodeShell node={node} selected={!!selected} summary={summaryOf(node.config)}>
      <Stat label="in" value={live ? compact(live.in) : '–'} exact={live?.in} />
      <Stat label="out" value={live ? compact(live.out) : '–'} exact={live?.out} title="Copies sent to targets" />
      <Stat label="dropped" value={live ? compact(live.dropped) : '–'} exact={live?.dropped} title="Messages no rule matched and with no otherwise target (unroutable)" />
    </NodeShell>
  );
});
