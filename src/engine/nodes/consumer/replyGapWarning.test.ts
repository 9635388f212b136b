/** The schema's reply-gap warning (src/schema/replyGaps.ts) foretells what the engine does with the replies. */
import { describe, expect, it } from 'vitest';
import { topologyWarnings } from '../../../schema';
import { createSimulation } from '../../simulation';
import { scenarioOf, scriptEvery } from '../../testSupport';

const requester = (config: Record<string, unknown> = {}) => ({ id: 'client', kind: 'requester' as const, config: { arrival: scriptEvery(3, 10), timeoutMs: 200, ...config } });
const consumer = (id: string, config: Record<string, unknown> = {}) => ({ id, kind: 'consumer' as const, config: { serviceTimeMs: { type: 'constant' as const, value: 5 }, ...config } });
const queue = (id: string) => ({ id, kind: 'queue' as const });
const fanout = { id: 'x', kind: 'exchange' as const, config: { type: 'fanout' as const } };

const cases: [string, Parameters<typeof scenarioOf>[0], string[], boolean][] = [
  ['a responder behind a queue with no edge back', [requester(), queue('q'), consumer('svc')], ['client>q', 'q>svc'], true],
  ['a responder behind a queue with an edge back', [requester(), queue('q'), consumer('svc')], ['client>q', 'q>svc', 'svc>client'], false],
  ['a direct call', [requester(), consumer('svc')], ['client>svc'], false],
  ['a fanout push subscription with no edge back', [requester(), fanout, consumer('svc')], ['client>x', 'x>svc'], true],
  ['a call through a queue with no edge back', [queue('in'), consumer('caller', { call: {} }), queue('q'), consumer('svc'), requester({ replyTo: null })],
    ['client>in', 'in>caller', 'caller>client', 'caller>q', 'q>svc'], true],
];

describe('the reply-gap warning says what the engine does (A4 Return Address)', () => {
  it.each(cases)('%s', (_name, nodes, edges, gap) => {
    const scenario = scenarioOf(nodes, edges);
    const sim = createSimulation(scenario);
    sim.runUntil(1000);
    const unroutable = sim.snapshot().messages.droppedByReason.unroutable ?? 0;
    expect(topologyWarnings(scenario).length > 0).toBe(gap);
    expect(unroutable > 0).toBe(gap);
  });
});
