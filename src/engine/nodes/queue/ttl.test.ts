import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const script = (msgs: { atMs: number; routingKey: string; expirationMs?: number }[]) => ({ id: 'p', kind: 'producer' as const, config: { arrival: { type: 'script' as const, messages: msgs } } });

describe('A1.7 message TTL', () => {
  it('expires messages older than the queue TTL; they are never delivered', () => {
    const s = scenarioOf([
      script([{ atMs: 1, routingKey: 'a' }, { atMs: 2, routingKey: 'b' }]), { id: 'q', kind: 'queue', config: { messageTtlMs: 100 } },
      { id: 'c', kind: 'consumer', config: { offline: [{ fromMs: 0, toMs: 500 }] } },
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ expired: 2, out: 0 });
    expect(snap.nodes.c!.in).toBe(0);
    expect(snap.messages.droppedByReason.expired).toBe(2);
  });

  it('lets the lower of queue TTL and per-message TTL win', () => {
    const s = scenarioOf([
      script([{ atMs: 1, routingKey: 'short', expirationMs: 10 }, { atMs: 1, routingKey: 'long', expirationMs: 10_000 }]),
      { id: 'q', kind: 'queue', config: { messageTtlMs: 50 } },
    ], ['p>q']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(20);
    expect(sim.inspectNode('q')!.map((m) => m.routingKey)).toEqual(['long']);
    sim.runUntil(60);
    expect(sim.inspectNode('q')).toEqual([]);
  });

  it('removes expired messages only at the head: a short TTL waits behind a long one', () => {
    const s = scenarioOf([
      script([{ atMs: 1, routingKey: 'long', expirationMs: 1000 }, { atMs: 2, routingKey: 'short', expirationMs: 10 }]),
      { id: 'q', kind: 'queue' },
    ], ['p>q']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(500);
    // Classic queues expire at the head: 'short' is past its TTL but still counted.
    expect(sim.inspectNode('q')!.map((m) => m.routingKey)).toEqual(['long', 'short']);
    sim.runUntil(1100);
    expect(sim.inspectNode('q')).toEqual([]);
    expect(sim.snapshot().nodes.q!.expired).toBe(2);
  });

  it('with TTL 0 expires a message on arrival unless a consumer can take it at once', () => {
    const s = scenarioOf([
      script([{ atMs: 1, routingKey: 'taken' }, { atMs: 1, routingKey: 'expires' }]),
      { id: 'q', kind: 'queue', config: { messageTtlMs: 0 } },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 100 }, prefetch: 1 } },
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.c!.acked).toBe(1);
    expect(snap.nodes.q!.expired).toBe(1);
  });

  it('keeps the original expiry over a requeue', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'x', poison: true }] } } },
      { id: 'q', kind: 'queue', config: { messageTtlMs: 100 } },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 30 } } },
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    // Delivered at 0, 30, 60, 90 (each fails and is requeued); the requeue at 120 finds it expired.
    expect(sim.snapshot().nodes.q).toMatchObject({ out: 4, expired: 1 });
  });

  it('runs the per-queue TTL from entering each queue: a message routed to two queues expires in each independently', () => {
    const s = scenarioOf([
      script([{ atMs: 1, routingKey: 'k' }]), { id: 'x', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'short', kind: 'queue', config: { messageTtlMs: 10 } }, { id: 'long', kind: 'queue', config: { messageTtlMs: 100 } },
    ], ['p>x', 'x>short', 'x>long']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(50);
    expect(sim.inspectNode('short')).toEqual([]);
    expect(sim.inspectNode('long')!.map((m) => m.routingKey)).toEqual(['k']);
    sim.runUntil(200);
    expect(sim.snapshot().nodes.long!.expired).toBe(1);
  });

  it('with TTL 0 dead-letters (reason expired) a message no consumer could take at once, when there is a DLX', () => {
    const s = scenarioOf([
      script([{ atMs: 1, routingKey: 'k' }]), { id: 'q', kind: 'queue', config: { messageTtlMs: 0 } }, { id: 'dlq', kind: 'queue' },
    ], ['p>q', 'q>dlq']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(10);
    expect(sim.inspectNode('dlq')!.map((m) => [m.routingKey, m.deaths[0]!.reason, m.deaths[0]!.timeMs])).toEqual([['k', 'expired', 1]]);
  });

  it('never hands an expired message to basic.get: the poll finds the queue empty', () => {
    // A pull consumer offline until 50 ms polls then; the message expired at 11 ms (removed at its first poll).
    const s = scenarioOf([
      script([{ atMs: 1, routingKey: 'k', expirationMs: 10 }]), { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { delivery: 'pull', pollIntervalMs: 1000, offline: [{ fromMs: 0, toMs: 50 }] } },
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect(snap.nodes.c!.in).toBe(0);
    expect(snap.nodes.q).toMatchObject({ expired: 1, out: 0 });
  });
});

