import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { INVALID_HANDLE } from '../handles';
import { compact } from './format';
import { NodeShell, Stat } from './NodeShell';
import { describePolicy } from './policySummary';

const HANDLES = [{ id: null, label: 'pass' }, { id: INVALID_HANDLE, label: 'invalid' }] as const;

/** EIP Message Filter: passes matching messages on; refused ones go to the invalid channel or are dropped. */
export const FilterNode = memo(function FilterNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'filter'>;
  const live = useNodeLive(id);
  return (
    <NodeShell node={node} selected={!!selected} sourceHandles={HANDLES}
      summary={<span className="bl-key" title={JSON.stringify(node.config.policy)}>{describePolicy(node.config.policy)}</span>}>
      <Stat label="in" value={live ? compact(live.in) : '–'} exact={live?.in} />
      <Stat label="passed" name="out" value={live ? compact(live.out) : '–'} exact={live?.out} />
      <Stat label="invalid" value={live ? compact(live.nacked) : '–'} exact={live?.nacked} title="Refused and sent to the invalid-message channel" />
      <Stat label="dropped" value={live ? compact(live.dropped) : '–'} exact={live?.dropped} title="Refused with no invalid-message channel connected" />
    </NodeShell>
  );
});
