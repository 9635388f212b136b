import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FrameMessage, type LoadedMessage } from '../../../protocol';
import { reduceFrame, reduceLoaded, type TelemetryState } from '../../run/telemetryReducers';
import { RATE_LABEL_MS } from '../../run/telemetryStore';
import { labelParts, ratePill } from './labelContent';
import { layoutLabels } from './labelLayout';
import { labelCandidates, labelSize, type LabelCandidate } from './labelPlacement';
import type { Cubic } from './tokens';

/**
 * Two edges drawn along the same line, as a reply and its call looping below the same nodes: "a-publish" shows only
 * its rate, "b-deliver" its key and its rate. Laid out together, the first in id order takes the best place.
 */
const EDGES = { 'a-publish': null, 'b-deliver': 'key: orders' } as const;
const IDS = Object.keys(EDGES) as (keyof typeof EDGES)[];
const straight = (y: number): Cubic => [0, y, 133, y, 267, y, 400, y];
const CURVES: Record<keyof typeof EDGES, Cubic> = { 'a-publish': straight(50), 'b-deliver': straight(52) };

const loaded: LoadedMessage = {
  v: PROTOCOL_VERSION, type: 'loaded', seed: 1, durationMs: 10_000, nodeIds: [], edgeIds: IDS, liveFields: [], sampleFields: [],
};
const frame = (timeMs: number, totals: number[]): FrameMessage => ({
  v: PROTOCOL_VERSION, type: 'frame', timeMs, events: timeMs, running: true, finished: false, live: new Float64Array(0),
  edgeTraffic: Float64Array.from(totals), edgeBackTraffic: new Float64Array(IDS.length), edgeLost: new Float64Array(IDS.length), samples: [],
});

/**
 * A burst of 2 s (100/s on both edges) then 2 s idle, in frames 200 ms apart, the shown rates refreshed once a second
 * (telemetryStore.ts): the telemetry after each frame from the burst's first refresh on.
 */
function burstThenIdle(): TelemetryState[] {
  let s = reduceLoaded(loaded);
  const states: TelemetryState[] = [];
  for (let t = 200; t <= 4000; t += 200) {
    const sent = Math.min(t, 2000) / 10;
    s = reduceFrame(s, frame(t, [sent, sent]), t % RATE_LABEL_MS === 0);
    if (t >= RATE_LABEL_MS) states.push(s);
  }
  return states;
}

/** Each edge's label, for the telemetry `s`: its pills (empty: no label) and its place, as MessageEdge lays them out. */
function labels(s: TelemetryState, steady: boolean): { shown: string[]; places: Map<string, LabelCandidate> } {
  const requests = IDS.flatMap((id) => {
    const pill = ratePill(s.edgeRates[id] ?? 0, s.edgeWasBusy[id] === true, steady);
    const parts = labelParts(EDGES[id], false, null, pill !== 'none', false);
    return parts.length > 0 ? [{ id, candidates: labelCandidates(CURVES[id], labelSize(parts, 14), []) }] : [];
  });
  return { shown: requests.map((r) => r.id), places: layoutLabels(requests) };
}

describe('an edge label holds its rate', () => {
  it('while busy, its rate; idle, in the presenter "0/s" once it showed a rate, in the editor nothing', () => {
    expect(ratePill(12, true, false)).toBe('busy');
    expect(ratePill(12, true, true)).toBe('busy');
    expect(ratePill(0, true, true)).toBe('idle');
    expect(ratePill(0, false, true)).toBe('none'); // no rate shown yet (none carried, or its first window not complete)
    expect(ratePill(0, true, false)).toBe('none');
  });

  it('in the presenter the labelled edges and their places stay the same across a burst and the idle seconds after it', () => {
    const states = burstThenIdle();
    expect(states.at(-1)!.edgeRates).toEqual({ 'a-publish': 0, 'b-deliver': 0 }); // the run went idle
    const first = labels(states[0]!, true);
    expect(first.shown).toEqual(IDS);
    for (const s of states) {
      const now = labels(s, true);
      expect(now.shown).toEqual(first.shown);
      expect(now.places).toEqual(first.places);
    }
  });

  it('in the editor an idle edge loses its rate: the labels are laid out again (the presenter jumped so once a second)', () => {
    const states = burstThenIdle();
    const busy = labels(states[0]!, false);
    const idle = labels(states.at(-1)!, false);
    expect(busy.shown).toEqual(IDS);
    expect(idle.shown).toEqual(['b-deliver']);
    expect(idle.places.get('b-deliver')).not.toEqual(busy.places.get('b-deliver'));
  });
});
