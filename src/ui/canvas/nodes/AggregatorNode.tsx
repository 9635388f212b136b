import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { compact } from './format';
import { NodeShell, Stat, type Badge } from './NodeShell';

type Config = NodeOf<'aggregator'>['config'];
type Live = NonNullable<ReturnType<typeof useNodeLive>>;

/** The completion conditions in a few words; the first that holds completes a group (Camel, A4). */
export function describeCompletion(config: Config): string {
  const rules: string[] = [];
  if (config.completionSize !== null) rules.push(`${config.completionSize} replies`);
  if (config.completionTimeoutMs !== null) rules.push(`${compact(config.completionTimeoutMs)} ms idle`);
  if (config.goodEnoughScore !== null) rules.push(`score ≥ ${config.goodEnoughScore}`);
  return rules.length > 0 ? rules.join(' or ') : 'no completion';
}

function aggregatorBadges(live: Live | null): Badge[] {
  if (!live) return [];
  return [{ name: 'late', value: live.dropped, text: 'late', tone: 'warn',
    title: 'Replies that came after their group completed: discarded (A4 Aggregator)' }];
}

/** EIP Aggregator: groups replies by correlation id, completes on size, timeout or a good-enough reply. */
export const AggregatorNode = memo(function AggregatorNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'aggregator'>;
  const live = useNodeLive(id);
  return (
    <NodeShell node={node} selected={!!selected} badges={aggregatorBadges(live)}
      summary={<>{node.config.strategy} · <span title="Completes on the first condition that holds">{describeCompletion(node.config)}</span></>}>
      <Stat label="in" value={live ? compact(live.in) : '–'} exact={live?.in} title="Replies taken" />
      <Stat label="open" value={live ? compact(live.ready) : '–'} exact={live?.ready} title="Correlation groups waiting to complete" />
      <Stat label="aggregates" name="out" value={live ? compact(live.out) : '–'} exact={live?.out} title="Aggregates sent on" />
    </NodeShell>
  );
});
