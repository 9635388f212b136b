import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useLayoutEffect } from 'react';
import { useEdgeRate } from '../../run/telemetryStore';
import { useViewStore } from '../../view/viewStore';
import type { EdgeLabel } from '../edgeLabels';
import type { MessageEdge as MessageEdgeType } from '../flowTypes';
import { rate } from '../nodes/format';
import { deleteEdgeCurve, setEdgeCurve } from './edgeCurves';
import { replyLoopPath } from './replyPath';
import './edges.css';

/** The label from the edge data (edgeLabels.ts), or the binding/routing key when the data has none. */
function labelOf(data: MessageEdgeType['data']): EdgeLabel | null {
  if (!data) return null;
  const given = (data as { label?: EdgeLabel }).label;
  if (given) return given;
  let text: string | null = null;
  if (data.role === 'bind') {
    if (data.exchangeType === 'fanout') text = 'fanout';
    else text = data.edge.config.bindingKey === undefined || data.edge.config.bindingKey === '' ? 'key: (empty)' : `key: ${data.edge.config.bindingKey}`;
  } else if (data.role === 'publish' && data.edge.config.routingKey !== undefined) text = `rk: ${data.edge.config.routingKey}`;
  return { text, title: text ?? '', tone: 'key', filter: false };
}

/** A small funnel: the edge has a subscription filter policy. */
function FunnelMark() {
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
      <path d="M1 1.5h8L6 5.2V9L4 8V5.2z" fill="currentColor" />
    </svg>
  );
}

export const MessageEdge = memo(function MessageEdge(props: EdgeProps<MessageEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  // The shown rate changes about once a second (telemetryStore), so a busy edge re-renders that often at most.
  const ratePerSec = useEdgeRate(id);
  const label = labelOf(data);
  const tone = label?.tone ?? 'plain';
  const [path, labelX, labelY] = (tone === 'reply' && replyLoopPath(sourceX, sourceY, targetX, targetY))
    || getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  // Tokens are drawn by the canvas-wide TokenLayer along this curve, not by this component.
  useLayoutEffect(() => {
    setEdgeCurve(id, path);
    return () => deleteEdgeCurve(id);
  }, [id, path]);
  const delay = data?.edge.config.delayMs ?? 0;
  const busy = ratePerSec > 0;
  const classes = `bl-edge bl-edge-${data?.role ?? 'publish'} bl-edge-tone-${tone}${selected ? ' selected' : ''}${busy ? ' busy' : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes} interactionWidth={16} />
      {(label?.text || label?.filter || busy || delay > 0) && (
        <EdgeLabelRenderer>
          <div className={`bl-edge-label nodrag nopan${selected ? ' selected' : ''}`} data-testid={`edge-label-${id}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            onClick={() => useViewStore.getState().setSelection([], [id])}>
            {label?.filter && <span className="bl-edge-filter" title="Subscription filter policy" data-testid="edge-filter"><FunnelMark /></span>}
            {label?.text && <span className={`bl-edge-key bl-edge-key-${tone}`} title={label.title}>{label.text}</span>}
            {delay > 0 && <span className="bl-edge-delay">+{delay} ms</span>}
            {busy && <span className="bl-edge-rate" data-testid="edge-rate">{rate(ratePerSec)}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const edgeTypes = { message: MessageEdge };
