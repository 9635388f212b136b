import { memo } from 'react';
import { useEdgeLost } from '../../run/telemetryStore';
import { compact } from '../nodes/format';
import { passPressToHandle } from './passPressToHandle';

/** Stands in for the badge in the edge label's size: as wide as "✕ 1.2k lost", so the label does not move as the count rises. */
export const LOST_STAND_IN = '✕ 0000 lost';

/**
 * The messages this edge's link failed to carry (a partition, a lossy link), as a red pill in its label. Selects
 * its own count, so a new loss re-renders the pill alone, not the edge. Its tooltip says what it counts wherever it sits:
 * it takes the pointer even over handles (passPressToHandle gives them their presses).
 */
export const EdgeLostBadge = memo(function EdgeLostBadge({ edgeId }: { edgeId: string }) {
  const lost = useEdgeLost(edgeId);
  if (lost === 0) return null;
  return (
    <span className="bl-edge-lost" data-testid="edge-lost" data-value={lost} onMouseDown={passPressToHandle} onTouchStart={passPressToHandle}
      title={`${lost} message${lost === 1 ? '' : 's'} this link failed to carry (partition or link loss). A manual-ack delivery lost on its way to a consumer goes back to its queue and is delivered again.`}>
      ✕ {compact(lost)} lost
    </span>
  );
});
