import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, scriptedProducer } from '../../testSupport';

/**
 * A consumer holding a, b, c unacked (prefetch 3; d waits in the queue) goes offline at 50 ms: its channel closes
 * and the queue takes the three back (A1.4 automatic requeue). Returns what the queue holds at 60 ms.
 */
function channelClosed(queue: Record<string, unknown>) {
  const s = scenarioOf([
    scriptedProducer('p', ['a', 'b', 'c', 'd']), { id: 'q', kind: 'queue', config: queue },
    { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 100 }, prefetch: 3, offline: [{ fromMs: 50, toMs: 500 }] } },
  ], ['p>q', 'q>c']);
  const sim = createSimulation(s, { tracing: true });
  sim.runUntil(60);
  return sim.inspectNode('q')!.map((m) => [m.routingKey, m.redelivered]);
}

describe('A1.4 automatic requeue on channel close: where the returned messages go', () => {
  it('classic: each back at its original position, flagged redelivered; d, never delivered, is not', () => {
    expect(channelClosed({})).toEqual([['a', true], ['b', true], ['c', true], ['d', false]]);
  });

  it('quorum with a delivery-limit (A1.10 "near the head"): ahead of d, in the order they were delivered', () => {
    // RMQ-SRC rabbit_fifo: a closed channel returns its messages sorted by delivery (return_all), each appended to
    // `returns`, which is served first (take_next_msg).
    expect(channelClosed({ flavor: 'quorum' })).toEqual([['a', true], ['b', true], ['c', true], ['d', false]]);
  });

  it('quorum: a returned message is delivered before messages waiting at a higher priority (returns are served first)', () => {
    // m (priority 0, poison) is delivered at 1 ms; h (priority 9) waits from 2 ms; m fails at 11 ms and comes back.
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, routingKey: 'm', poison: true }, { atMs: 2, routingKey: 'h', priority: 9 }] } } },
      { id: 'q', kind: 'queue', config: { flavor: 'quorum', deliveryLimit: 5 } },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 10 }, prefetch: 1 } },
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(12);
    expect(sim.inspectEdge('e1')).toMatchObject({ routingKey: 'm', redelivered: true });
    expect(sim.inspectNode('q')!.map((m) => m.routingKey)).toEqual(['h']);
  });
});
