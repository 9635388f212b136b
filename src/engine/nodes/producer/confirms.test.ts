import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const producer = (config: Record<string, unknown>) => ({
  id: 'p', kind: 'producer' as const,
  config: { arrival: { type: 'constant' as const, ratePerSec: 1000 }, count: 100, ...config },
});

describe('A1.6 publisher confirms and A1.12 persistence', () => {
  it('confirms a persistent message on a durable queue after the disk write', () => {
    const s = scenarioOf([
      producer({ persistent: true, confirms: { window: 1000 } }),
      { id: 'q', kind: 'queue', config: { diskWriteMs: { type: 'constant', value: 7 } } },
    ], ['p>q']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const p = sim.snapshot().nodes.p!;
    expect(p).toMatchObject({ confirmed: 100, nacked: 0, unconfirmed: 0 });
    expect(p.confirmMs).toMatchObject({ mean: 7, max: 7 });
  });

  it('confirms a transient message, or one on a transient queue, without a disk write', () => {
    for (const [persistent, durable] of [[false, true], [true, false]] as const) {
      const s = scenarioOf([
        producer({ persistent, confirms: { window: 1000 } }),
        { id: 'q', kind: 'queue', config: { durable, diskWriteMs: { type: 'constant', value: 7 } } },
      ], ['p>q']);
      const sim = createSimulation(s);
      sim.runUntil(1000);
      expect(sim.snapshot().nodes.p!.confirmMs).toMatchObject({ max: 0 });
    }
  });

  it('a quorum queue writes every message, whatever its delivery mode (A1.12)', () => {
    const s = scenarioOf([
      producer({ persistent: false, confirms: { window: 1000 } }),
      { id: 'q', kind: 'queue', config: { flavor: 'quorum', diskWriteMs: { type: 'constant', value: 3 } } },
    ], ['p>q']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.p!.confirmMs).toMatchObject({ mean: 3 });
  });

  it('a message routed to several queues is confirmed once all of them have it', () => {
    const s = scenarioOf([
      producer({ persistent: true, confirms: { window: 1000 } }), { id: 'x', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'fast', kind: 'queue', config: { diskWriteMs: { type: 'constant', value: 1 } } },
      { id: 'slow', kind: 'queue', config: { diskWriteMs: { type: 'constant', value: 9 } } },
    ], ['p>x', 'x>fast', 'x>slow']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.p).toMatchObject({ confirmed: 100, confirmMs: { mean: 9 } });
  });

  it('a message one of its queues rejects (reject-publish) is nacked, yet the other queues still enqueue it', () => {
    // A1.6 (RMQ-DOC:maxlength): routed to several queues, any one rejecting means a nack for the publisher.
    const s = scenarioOf([
      producer({ count: 10, confirms: { window: 1000 } }), { id: 'x', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'full', kind: 'queue', config: { maxLength: 0, overflow: 'reject-publish' } },
      { id: 'ok', kind: 'queue' },
    ], ['p>x', 'x>full', 'x>ok']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.p).toMatchObject({ confirmed: 0, nacked: 10, unconfirmed: 0 });
    expect(snap.nodes.ok).toMatchObject({ ready: 10 });
    expect(snap.nodes.full).toMatchObject({ ready: 0, rejectedPublishes: 10 });
  });

  it('a push subscription or an aggregator behind the exchange holds nothing for the broker: the confirm waits only for the queues', () => {
    // A1.6: acked once every target queue has it; routed to no queue, acked at once. Each message must be
    // confirmed exactly once, so a copy to a client the exchange reaches directly cannot hold the confirm up.
    const run = (edges: string[]) => {
      const s = scenarioOf([
        producer({ count: 10, persistent: true, confirms: { window: 1000 } }), { id: 'x', kind: 'exchange', config: { type: 'fanout' } },
        { id: 'q', kind: 'queue', config: { diskWriteMs: { type: 'constant', value: 7 } } },
        { id: 'c', kind: 'consumer' }, { id: 'agg', kind: 'aggregator' },
      ], ['p>x', ...edges]);
      const sim = createSimulation(s);
      sim.runUntil(1000);
      return sim.snapshot().nodes.p;
    };
    expect(run(['x>c'])).toMatchObject({ confirmed: 10, unconfirmed: 0, confirmMs: { max: 0 } });
    expect(run(['x>agg'])).toMatchObject({ confirmed: 10, unconfirmed: 0, confirmMs: { max: 0 } });
    expect(run(['x>q', 'x>c', 'x>agg'])).toMatchObject({ confirmed: 10, unconfirmed: 0, confirmMs: { mean: 7, max: 7 } });
  });

  it('an unroutable message is confirmed at once', () => {
    const s = scenarioOf([producer({ persistent: true, confirms: { window: 1 } }), { id: 'x', kind: 'exchange', config: { type: 'direct' } }], ['p>x']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.p).toMatchObject({ confirmed: 100, confirmMs: { max: 0 } });
  });

  it('a full confirm window makes the producer wait, and the wait shows in end-to-end latency', () => {
    const run = (window: number) => {
      const s = scenarioOf([
        producer({ persistent: true, confirms: { window } }),
        { id: 'q', kind: 'queue', config: { diskWriteMs: { type: 'constant', value: 10 } } },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 0 } } },
      ], ['p>q', 'q>c']);
      const sim = createSimulation(s);
      sim.runUntil(5000);
      return sim.snapshot();
    };
    const wide = run(1000);
    const narrow = run(1);
    // 1000/s with a 10 ms disk write and one message in flight: at most 100/s get through, the rest wait.
    expect(wide.latencyMs.max).toBe(0);
    expect(narrow.latencyMs.mean).toBeGreaterThan(100);
    expect(narrow.messages.acked).toBe(100);
    expect(narrow.timeMs).toBe(5000);
  });
});

/**
 * A1.6: the broker nacks only on an internal queue error or a reject-publish. A publish sent to a node that is down never
 * reaches a broker: nothing acks or nacks it, the client's connection fails (counted `connectionFailures`, not `nacked`).
 */
describe('A1.6 a publish to a node that is down is no nack: its connection fails, and it is retried after the back-off', () => {
  // The queue is down until 100 ms: the publish at 1 ms fails (nodeDown). A retry at once would meet the same
  // outage; after the 200 ms back-off it gets through.
  const s = scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1 }] }, confirms: { window: 10 }, retry: { timeoutMs: 200, maxAttempts: 2 } } },
    { id: 'q', kind: 'queue' },
  ], ['p>q'], { faults: [{ atMs: 0, target: 'q', type: 'crash', durationMs: 100 }] });

  it('counts a connection failure, not a nack, waits the retry timeout, then publishes the same message again', () => {
    const sim = createSimulation(s);
    sim.runUntil(200);
    expect(sim.snapshot().nodes.p).toMatchObject({ nacked: 0, connectionFailures: 1, unconfirmed: 0, retries: 0 });
    sim.runUntil(1000);
    const end = sim.snapshot();
    expect(end.nodes.p).toMatchObject({ nacked: 0, connectionFailures: 1, retries: 1, confirmed: 1 });
    expect(end.nodes.p!.confirmMs).toMatchObject({ count: 1 }); // a failed connection is no confirm
    expect(end.nodes.q!.ready).toBe(1);
    expect(end.messages.droppedByReason.nodeDown).toBe(1);
  });

  it('the same through an exchange whose broker is down: the publisher is connected to the dead node', () => {
    const sim = createSimulation(scenarioOf([
      { id: 'b', kind: 'broker' },
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1 }, { atMs: 2 }] }, confirms: { window: 10 } } },
      { id: 'x', kind: 'exchange', config: { type: 'fanout', broker: 'b' } },
      { id: 'q', kind: 'queue' },
    ], ['p>x', 'x>q'], { faults: [{ atMs: 0, target: 'b', type: 'crash', durationMs: 100 }] }));
    sim.runUntil(1000);
    const end = sim.snapshot();
    expect(end.nodes.p).toMatchObject({ nacked: 0, connectionFailures: 2, confirmed: 0, unconfirmed: 0 });
    expect(end.messages.droppedByReason.nodeDown).toBe(2);
    expect(end.audit!.lostByReason.nodeDown).toBe(2);
  });

  it('a queue on a broker: its broker down fails the connection; the queue crashed on a live broker is an internal error, nacked', () => {
    const run = (target: 'b' | 'q') => {
      const sim = createSimulation(scenarioOf([
        { id: 'b', kind: 'broker' },
        { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1 }] }, confirms: { window: 10 } } },
        { id: 'q', kind: 'queue', config: { brokers: ['b'] } },
      ], ['p>q'], { faults: [{ atMs: 0, target, type: 'crash', durationMs: 100 }] }));
      sim.runUntil(1000);
      return sim.snapshot().nodes.p;
    };
    expect(run('b')).toMatchObject({ nacked: 0, connectionFailures: 1 });
    expect(run('q')).toMatchObject({ nacked: 1, connectionFailures: 0 }); // A1.6: "a basic.nack is sent on internal queue error"
  });

  it('a publish a live exchange routes to a down queue reached a broker: still nacked (not covered by semantics.md)', () => {
    const sim = createSimulation(scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1 }] }, confirms: { window: 10 } } },
      { id: 'x', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'q', kind: 'queue' },
    ], ['p>x', 'x>q'], { faults: [{ atMs: 0, target: 'q', type: 'crash', durationMs: 100 }] }));
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.p).toMatchObject({ nacked: 1, connectionFailures: 0 });
  });

  for (const kind of ['router', 'filter'] as const) {
    const middle = kind === 'router' ? { id: 'm', kind, config: { otherwise: ['q'] } } : { id: 'm', kind };
    const run = (first: 'p>m' | 'p>x') => {
      const nodes = [
        { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1 }, { atMs: 2 }] }, confirms: { window: 10 } } },
        middle, { id: 'q', kind: 'queue' }, ...(first === 'p>x' ? [{ id: 'x', kind: 'filter' }] : []),
      ] as Parameters<typeof scenarioOf>[0];
      const sim = createSimulation(scenarioOf(nodes, first === 'p>m' ? ['p>m', 'm>q'] : ['p>x', 'x>m', 'm>q'],
        { faults: [{ atMs: 0, target: 'm', type: 'crash', durationMs: 100 }] }));
      sim.runUntil(1000);
      return sim.snapshot();
    };

    it(`a crashed ${kind} the publisher sends to is a dead node: its connection fails, no nack`, () => {
      const end = run('p>m');
      expect(end.nodes.p).toMatchObject({ nacked: 0, connectionFailures: 2, confirmed: 0, unconfirmed: 0 });
      expect(end.messages.droppedByReason.nodeDown).toBe(2);
    });

    it(`a crashed ${kind} reached through a live node loses the publish on that node's hop: nacked, as before`, () => {
      expect(run('p>x').nodes.p).toMatchObject({ nacked: 2, connectionFailures: 0 });
    });
  }
});
