import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useDocumentStore } from '../../document/documentStore';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { NodeShell, Stat } from './NodeShell';

/** How many queues and exchanges name this broker (a queue counts wherever it has a replica). */
function useHosted(id: string): { queues: number; exchanges: number; leads: number } {
  const key = useDocumentStore((s) => {
    let queues = 0, exchanges = 0, leads = 0;
    for (const n of s.scenario.nodes) {
      if (n.kind === 'queue' && n.config.brokers?.includes(id)) { queues++; if (n.config.brokers[0] === id) leads++; }
      if (n.kind === 'exchange' && n.config.broker === id) exchanges++;
    }
    return `${queues},${exchanges},${leads}`;
  });
  const [queues = 0, exchanges = 0, leads = 0] = key.split(',').map(Number);
  return { queues, exchanges, leads };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A cluster member: no edges; queues and exchanges name it. Shows up/down and what it hosts. */
export const BrokerNode = memo(function BrokerNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'broker'>;
  const live = useNodeLive(id);
  const hosted = useHosted(id);
  const up = !live || live.offline === 0;
  const summary = hosted.queues + hosted.exchanges === 0
    ? 'hosts nothing yet: pick it in a queue or exchange'
    : `hosts ${[hosted.queues > 0 ? plural(hosted.queues, 'queue') : '', hosted.exchanges > 0 ? plural(hosted.exchanges, 'exchange') : ''].filter(Boolean).join(', ')}`;
  return (
    <NodeShell node={node} selected={!!selected} summary={summary}>
      <Stat label="state" name="state" value={live ? (up ? 'up' : 'down') : '–'} exact={live ? (up ? 1 : 0) : undefined}
        title="Up, or down (crashed): everything it hosts is down too, replicated queues fail over (A1.13)" />
      <Stat label="hosts" name="hosts" value={String(hosted.queues + hosted.exchanges)} exact={hosted.queues + hosted.exchanges}
        title={`${plural(hosted.queues, 'queue')} (${hosted.leads} led here at first), ${plural(hosted.exchanges, 'exchange')}`} />
      <Stat label="election" name="election" value={`${node.config.electionDelayMs} ms`} title="A1.13: time to elect a new quorum-queue leader when this broker dies" />
    </NodeShell>
  );
});
