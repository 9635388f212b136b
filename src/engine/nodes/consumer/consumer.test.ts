import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, scriptedProducer } from '../../testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });
const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

describe('consumer', () => {
  it('processes up to `concurrency` messages in parallel', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(8)), { id: 'q', kind: 'queue' },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: constant(100), concurrency: 4, prefetch: 10 } }],
      ['p>q', 'q>c'],
    );
    const sim = createSimulation(s);
    sim.runUntil(50);
    expect(sim.snapshot().nodes.c).toMatchObject({ busy: 4, buffered: 4 });
    sim.runUntil(150);
    expect(sim.snapshot().nodes.c).toMatchObject({ busy: 4, buffered: 0, acked: 4 });
    sim.runUntil(250);
    expect(sim.snapshot().nodes.c).toMatchObject({ busy: 0, acked: 8 });
  });

  it('measures utilisation as busy slot-time over capacity', () => {
    const s = scenarioOf(
      [{ id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 50 } } }, { id: 'q', kind: 'queue' },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: constant(10), concurrency: 2 } }],
      ['p>q', 'q>c'],
    );
    const sim = createSimulation(s);
    sim.runUntil(10_000);
    expect(sim.snapshot().nodes.c!.utilisation).toBeCloseTo(0.25, 2);
  });

  it('forwards each result on as a new message that keeps the chain origin for latency', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(10)), { id: 'q1', kind: 'queue' },
        { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(5) } },
        { id: 'x', kind: 'exchange', config: { type: 'fanout' } }, { id: 'q2', kind: 'queue' }, { id: 'q3', kind: 'queue' },
        { id: 'sink', kind: 'consumer', config: { serviceTimeMs: constant(7) } }],
      ['p>q1', 'q1>svc', 'svc>x', 'x>q2', 'x>q3', 'q2>sink'],
    );
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.svc).toMatchObject({ acked: 10, out: 10 });
    expect(snap.messages).toMatchObject({ published: 10, forwarded: 10, routedCopies: 10, produced: 30, acked: 20, queued: 10 });
    // The sink's latency runs from the producer's publish: at least 5 ms at svc plus 7 ms at the sink.
    const sinkLatency = snap.nodes.sink!.latencyMs as { mean: number; count: number };
    expect(sinkLatency.count).toBe(10);
    expect(sinkLatency.mean).toBeGreaterThanOrEqual(12);
  });

  it('replaces the routing key when its publish edge sets one', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(3)), { id: 'q1', kind: 'queue' }, { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(1) } },
        { id: 'x', kind: 'exchange', config: { type: 'direct' } }, { id: 'done', kind: 'queue' }],
      ['p>q1', 'q1>svc', { id: 'out', source: 'svc', target: 'x', config: { routingKey: 'done' } }, 'x>done:done'],
    );
    const sim = createSimulation(s);
    sim.runUntil(100);
    expect(sim.snapshot().nodes.done!.in).toBe(3);
  });
});
