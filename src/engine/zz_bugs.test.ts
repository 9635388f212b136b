import { it } from 'vitest';
import { createSimulation } from './simulation';
import { scenarioOf, scriptedProducer } from './testSupport';
const bal = (sim: ReturnType<typeof createSimulation>) => { const m = sim.snapshot().messages; return JSON.stringify({ p: m.produced, rhs: m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped, m }); };
it('D stale holder after another consumer deleted', () => {
  const sim = createSimulation(scenarioOf([scriptedProducer('p', ['a']), { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 100 } },
    { id: 'c1', kind: 'consumer', config: { delivery: 'pull', pollIntervalMs: 1, serviceTimeMs: { type: 'constant', value: 150 } } },
    { id: 'c2', kind: 'consumer', config: { delivery: 'pull', pollIntervalMs: 10, offline: [{ fromMs: 0, toMs: 50 }], serviceTimeMs: { type: 'constant', value: 20 } } }], ['p>q', 'q>c1', 'q>c2']));
  sim.runUntil(140); console.log('D140', bal(sim), JSON.stringify(sim.snapshot().nodes.c1), JSON.stringify(sim.inspectNode('c1')));
});
it('E dead-letter cycle after an earlier rejection', () => {
  // x rejects into a; a (TTL 5) dead-letters into b; b (TTL 5) dead-letters back into a: a TTL-only cycle after the rejection.
  const sim = createSimulation(scenarioOf([scriptedProducer('p', ['k']), { id: 'x', kind: 'queue' },
    { id: 'c', kind: 'consumer', config: { failureProbability: 1, onFailure: 'reject', serviceTimeMs: { type: 'constant', value: 1 } } },
    { id: 'a', kind: 'queue', config: { messageTtlMs: 5 } }, { id: 'b', kind: 'queue', config: { messageTtlMs: 5 } }],
    ['p>x', 'x>c', 'x>a', 'a>b', 'b>a']), { tracing: true });
  sim.runUntil(200); console.log('E', bal(sim), JSON.stringify(sim.snapshot().nodes.a), JSON.stringify(sim.inspectNode('a')?.[0]?.deaths ?? sim.inspectNode('b')?.[0]?.deaths));
});
