import { BOTH_WAYS_MARK, delayText, delayTitle, type DelayWays } from '../edgeDelay';

/**
 * The link's delay in the edge label: "+20 ms", or "⇄20 ms" where acks or polls cross it back too (edgeDelay.ts),
 * the mark in bold, as legible as the digits at the label's small type; the tooltip says what the delay costs.
 */
export function EdgeDelayPill({ ms, ways }: { ms: number; ways: DelayWays }) {
  const text = delayText(ms, ways);
  return (
    <span className="bl-edge-delay" data-testid="edge-delay" data-ways={ways} title={delayTitle(ms, ways)}>
      {ways === 'one' ? text : <><b className="bl-edge-ways">{BOTH_WAYS_MARK}</b>{text.slice(BOTH_WAYS_MARK.length)}</>}
    </span>
  );
}
