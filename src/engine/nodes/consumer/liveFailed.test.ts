import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../schema';
import { LIVE_FIELDS, type LiveField } from '../../api';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;

/** The consumer `c`'s live figure `field` at the end of the run. */
function liveOf(extra: Record<string, unknown>, faults: Faults = [], field: LiveField = 'failed'): number {
  const s = scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, count: 200 } },
    { id: 'q', kind: 'queue' },
    { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 20 }, prefetch: 20, ...extra } },
  ], ['p>q', 'q>c'], { durationMs: 10_000, faults });
  const sim = createSimulation(s);
  sim.runUntil(10_000);
  const live = new Float64Array(sim.nodeIds.length * LIVE_FIELDS.length);
  sim.writeLive(live);
  return live[sim.nodeIds.indexOf('c') * LIVE_FIELDS.length + LIVE_FIELDS.indexOf(field)]!;
}

describe("a consumer's live `failed` figure: processing failures, not what a crash lost", () => {
  it('counts nothing when it only lost what it held to a crash under auto-ack (that is `dropped`, the lost badge)', () => {
    const crash: Faults = [{ atMs: 500, target: 'c', type: 'crash', durationMs: 500 }];
    expect(liveOf({ ackMode: 'auto' }, crash, 'dropped')).toBeGreaterThan(0);
    expect(liveOf({ ackMode: 'auto' }, crash)).toBe(0);
  });

  it('counts every failed processing, under manual ack (nacked) and auto-ack (lost) alike', () => {
    const manual = liveOf({ ackMode: 'manual', failureProbability: 0.2, onFailure: 'reject' });
    expect(manual).toBeGreaterThan(0);
    expect(manual).toBe(liveOf({ ackMode: 'manual', failureProbability: 0.2, onFailure: 'reject' }, [], 'nacked'));
    const auto = liveOf({ ackMode: 'auto', failureProbability: 0.2 });
    expect(auto).toBeGreaterThan(0);
    expect(auto).toBe(liveOf({ ackMode: 'auto', failureProbability: 0.2 }, [], 'dropped'));
  });
});
