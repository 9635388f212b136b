import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOf } from '../../../schema';
import { useNodeLive } from '../../run/telemetryStore';
import type { KindNode } from '../flowTypes';
import { compact, describeDistribution, duration } from './format';
import { NodeShell, Stat, type Badge } from './NodeShell';

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

type Live = NonNullable<ReturnType<typeof useNodeLive>>;

function consumerBadges(live: Live | null): Badge[] {
  if (!live) return [];
  return [
    { name: 'offline', value: live.offline, text: '', label: 'offline', tone: 'danger', title: 'Offline now: it takes no deliveries (config: offline windows)' },
    { name: 'lost', value: live.dropped, text: 'lost', tone: 'danger', title: 'Lost under auto-ack: acked on delivery, then processing failed or the consumer went away (A1.4)' },
  ];
}

export function summaryOf(config: NodeOf<'consumer'>['config']): string {
  const parts = [describeDistribution(config.serviceTimeMs, 'ms')];
  parts.push(config.delivery === 'pull' ? `pull ×${config.batchSize}` : `prefetch ${config.prefetch}`);
  if (config.ackMode === 'auto') parts.push('auto-ack');
  else if (config.onFailure === 'reject') parts.push('reject');
  // Only what differs from the defaults: a synchronous call (A4), no replies, no checksum check.
  if (config.call) parts.push(`call ≤${duration(config.call.timeoutMs)}`);
  if (!config.reply.enabled) parts.push('no replies');
  if (!config.verifyChecksum) parts.push('no checksum');
  return parts.join(' · ');
}

export const ConsumerNode = memo(function ConsumerNode({ id, data, selected }: NodeProps<KindNode>) {
  const node = data.node as NodeOf<'consumer'>;
  const { config } = node;
  const live = useNodeLive(id);
  const capacity = live?.capacity || config.concurrency;
  const busy = live?.busy ?? 0;
  return (
    <NodeShell node={node} selected={!!selected} summary={summaryOf(config)} badges={consumerBadges(live)}>
      <Stat label="busy" value={`${compact(busy)}/${compact(capacity)}`} exact={busy} title="Busy processing slots / concurrency" />
      <Stat label="acked" value={live ? compact(live.acked) : '–'} exact={live?.acked} title="Messages processed and acked" />
      <Stat label="failed" value={live ? compact(live.failed) : '–'} exact={live?.failed}
        title="Processing failures (poison messages included) and checksum rejections; what a crash or an offline window lost is in the lost badge" />
      <Slots busy={Math.min(busy, capacity)} capacity={capacity} />
    </NodeShell>
  );
});
