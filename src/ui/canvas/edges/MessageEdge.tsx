import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEdgeTraffic } from '../../run/telemetryStore';
import { useViewStore } from '../../view/viewStore';
import type { MessageEdge as MessageEdgeType } from '../flowTypes';
import { rate } from '../nodes/format';
import { planTokens } from './tokens';

/** Tokens ride the path with SVG animateMotion; staggered starts spread them along it. */
function Tokens({ path, ratePerSec }: { path: string; ratePerSec: number }) {
  const { count, durationSec } = planTokens(ratePerSec);
  return (
    <g className="bl-tokens" data-testid="edge-tokens" data-count={count}>
      {Array.from({ length: count }, (_, i) => (
        <circle key={`${count}-${i}`} r={3.5} className="bl-token">
          <animateMotion dur={`${durationSec}s`} repeatCount="indefinite" path={path} begin={`${(-durationSec * i) / count}s`} />
        </circle>
      ))}
    </g>
  );
}

function keyLabel(data: MessageEdgeType['data']): string | null {
  if (!data) return null;
  if (data.role === 'bind') {
    if (data.exchangeType === 'fanout') return 'fanout';
    return data.edge.config.bindingKey === undefined || data.edge.config.bindingKey === '' ? 'key: (empty)' : `key: ${data.edge.config.bindingKey}`;
  }
  if (data.role === 'publish' && data.edge.config.routingKey !== undefined) return `rk: ${data.edge.config.routingKey}`;
  return null;
}

export const MessageEdge = memo(function MessageEdge(props: EdgeProps<MessageEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const traffic = useEdgeTraffic(id);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const ratePerSec = traffic?.ratePerSec ?? 0;
  const key = keyLabel(data);
  const delay = data?.edge.config.delayMs ?? 0;
  const busy = ratePerSec > 0;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`bl-edge bl-edge-${data?.role ?? 'publish'}${selected ? ' selected' : ''}${busy ? ' busy' : ''}`} interactionWidth={16} />
      {busy && <Tokens path={path} ratePerSec={ratePerSec} />}
      {(key || busy || delay > 0) && (
        <EdgeLabelRenderer>
          <div className={`bl-edge-label nodrag nopan${selected ? ' selected' : ''}`} data-testid={`edge-label-${id}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            onClick={() => useViewStore.getState().setSelection([], [id])}>
            {key && <span className="bl-edge-key">{key}</span>}
            {delay > 0 && <span className="bl-edge-delay">+{delay} ms</span>}
            {busy && <span className="bl-edge-rate">{rate(ratePerSec)}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const edgeTypes = { message: MessageEdge };
