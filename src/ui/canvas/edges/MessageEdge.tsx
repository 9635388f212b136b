import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useLayoutEffect, useMemo } from 'react';
import { usePresenterLabelType } from '../../presenter/usePresenterLabelType';
import { useEdgeRate, useTelemetryStore } from '../../run/telemetryStore';
import { useViewStore } from '../../view/viewStore';
import { delayText, type DelayWays } from '../edgeDelay';
import type { EdgeLabel } from '../edgeLabels';
import type { MessageEdge as MessageEdgeType } from '../flowTypes';
import { rate } from '../nodes/format';
import { deleteEdgeCurve, setEdgeCurve } from './edgeCurves';
import { EdgeDelayPill } from './EdgeDelayPill';
import { EdgeLostBadge } from './EdgeLostBadge';
import { labelParts } from './labelContent';
import { labelCandidates, labelSize } from './labelPlacement';
import { setLabelCandidates, useLabelPlace } from './labelLayoutStore';
import { useHandleBoxes, useNodeBoxes } from './nodeBoxes';
import { useReplyNesting } from './replyNesting';
import { replyLoopPath } from './replyPath';
import { cubicPoint, parseCubic } from './tokens';
import { useRatePill } from './useRatePill';
import './edges.css';

/** Edge label type size (canvas.css .bl-edge-label); the presenter's is sized for its zoom (presenterLabels.ts), set on the label. */
const LABEL_EM = 11;

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
  // Whether its link lost any message: changes once a run; the count itself is the badge's own (EdgeLostBadge).
  const losing = useTelemetryStore((s) => (s.edgeLost[id] ?? 0) > 0);
  const label = labelOf(data);
  const tone = label?.tone ?? 'plain';
  const delay = data?.edge.config.delayMs ?? 0;
  const ways: DelayWays = data?.delayWays ?? 'one';
  const delayed = delay > 0 ? delayText(delay, ways) : null;
  const busy = ratePerSec > 0;
  // Its rate, or in the presenter "0/s" holding the rate's place once the edge has carried a message (labelContent.ts).
  const pill = useRatePill(id, ratePerSec);
  const showsRate = pill !== 'none';
  const shown = Boolean(label?.text || label?.filter || showsRate || delay > 0 || losing);
  const backReply = tone === 'reply' && targetX < sourceX;
  // Only an edge with a label to place, or a reply looping back around nodes, needs to know where the nodes are.
  const nodes = useNodeBoxes(shown || backReply);
  const handles = useHandleBoxes(shown);
  const { below, above } = useReplyNesting({ id, source: props.source, target: props.target }, backReply);
  const path = useMemo(() => (backReply && replyLoopPath(sourceX, sourceY, targetX, targetY, nodes, { below, above })?.[0])
    || getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition })[0],
  [backReply, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, nodes, below, above]);
  // Tokens are drawn by the canvas-wide TokenLayer along this curve, not by this component.
  useLayoutEffect(() => {
    setEdgeCurve(id, path);
    return () => deleteEdgeCurve(id);
  }, [id, path]);
  const { px: em, scales } = usePresenterLabelType(LABEL_EM);
  const text = label?.text ?? null;
  const filter = label?.filter ?? false;
  const size = useMemo(() => labelSize(labelParts(text, filter, delayed, showsRate, losing), em), [text, filter, delayed, showsRate, losing, em]);
  const candidates = useMemo(() => {
    const cubic = shown ? parseCubic(path) : null;
    return cubic ? labelCandidates(cubic, size, nodes, handles, scales) : null;
  }, [shown, path, size, nodes, handles, scales]);
  // Every label is laid out with the others (labelLayoutStore.ts), none over another; until then, its own best place.
  useLayoutEffect(() => {
    setLabelCandidates(id, candidates);
    return () => setLabelCandidates(id, null);
  }, [id, candidates]);
  const laidOut = useLabelPlace(id);
  const spot = candidates ? laidOut ?? candidates[0]! : null;
  // A crowded label is below the nodes, partly hidden: what the link lost must be seen, so its badge goes apart,
  // above the nodes, on the curve's middle (over the handles' gap, where a node has no figures).
  const lostApart = losing && spot?.fit === 'crowded' ? cubicPoint(parseCubic(path)!, 0.5) : null;
  // The presenter's type, in the label and in the badge apart alike (at the crowded label's place, in its size as laid
  // out, so no other label is over it): at the editor's 11 px the badge showed at 8 px on a projector.
  const fontSize = em === LABEL_EM || !spot ? undefined : `${em * spot.scale}px`;
  const classes = `bl-edge bl-edge-${data?.role ?? 'publish'} bl-edge-tone-${tone}${selected ? ' selected' : ''}${busy ? ' busy' : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes} interactionWidth={16} />
      {spot && (
        <EdgeLabelRenderer>
          <div className={`bl-edge-label nodrag nopan${selected ? ' selected' : ''}${spot.fit === 'clear' ? '' : ` bl-edge-label-${spot.fit}`}`} data-testid={`edge-label-${id}`} data-fit={spot.fit}
            style={{ transform: `translate(-50%, -50%) translate(${spot.x}px, ${spot.y}px)`, fontSize }}
            onClick={() => useViewStore.getState().setSelection([], [id])}>
            {label?.filter && <span className="bl-edge-filter" title="Subscription filter policy" data-testid="edge-filter"><FunnelMark /></span>}
            {label?.text && <span className={`bl-edge-key bl-edge-key-${tone}`} title={label.title}>{label.text}</span>}
            {delay > 0 && <EdgeDelayPill ms={delay} ways={ways} />}
            {showsRate && <span className={`bl-edge-rate${pill === 'idle' ? ' bl-edge-rate-idle' : ''}`} data-testid="edge-rate">{rate(ratePerSec)}</span>}
            {losing && !lostApart && <EdgeLostBadge edgeId={id} />}
          </div>
        </EdgeLabelRenderer>
      )}
      {lostApart && (
        <EdgeLabelRenderer>
          <div className="bl-edge-lost-apart nodrag nopan" data-testid={`edge-lost-apart-${id}`}
            style={{ transform: `translate(-50%, -50%) translate(${lostApart.x}px, ${lostApart.y}px)`, fontSize }}
            onClick={() => useViewStore.getState().setSelection([], [id])}>
            <EdgeLostBadge edgeId={id} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const edgeTypes = { message: MessageEdge };
