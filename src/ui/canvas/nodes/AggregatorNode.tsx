import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { Chips } from './Chips';
import { compact, duration } from './format';
import { NodeShell, Stat } from './NodeShell';
import './patternNodes.css';

type Config = NodeOf<'aggregator'>['config'];

/** The completion conditions as chips; the first that holds completes a group (Camel: the first which triggers wins, A4). */
export function completionChips(config: Config): { text: string; title: string }[] {
  const chips: { text: string; title: string }[] = [];
  if (config.completionSize !== null) chips.push({ text: `size ${config.completionSize}`, title: `Completes when ${config.completionSize} replies have come` });
  if (config.completionTimeoutMs !== null) chips.push({ text: `idle ${duration(config.completionTimeoutMs)}`, title: 'Completes with what has come when no reply arrived for this long' });
  if (config.goodEnoughScore !== null) chips.push({ text: `score ≥ ${config.goodEnoughScore}`, title: 'Completes at once on a reply scoring at least this (First Best)' });
  return chips;
}

const STRATEGY: Record<Config['strategy'], string> = { collect: 'collects all', best: 'keeps the best', sum: 'sums scores' };

/** EIP Aggregator: groups replies by correlation id, completes on size, timeout or a good-enough reply. */
export const AggregatorNode = memo(function AggregatorNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'aggregator'>;
  const live = useNodeLive(id);
  return (
    <NodeShell node={node} selected={!!selected}
      summary={<><Chips chips={completionChips(node.config)} />{STRATEGY[node.config.strategy]}</>}>
      <Stat label="replies in" name="in" value={live ? compact(live.in) : '–'} exact={live?.in} title="Replies taken" />
      <Stat label="open" value={live ? compact(live.ready) : '–'} exact={live?.ready} title="Correlation groups waiting to complete" />
      <Stat label="aggregates" name="out" value={live ? compact(live.out) : '–'} exact={live?.out} title="Aggregates sent on" />
      <Stat label="late" value={live ? compact(live.dropped) : '–'} exact={live?.dropped} title="Replies after their group completed: discarded" />
    </NodeShell>
  );
});
