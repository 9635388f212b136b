import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../schema';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const poisonScript = (n: number) => ({
  id: 'p', kind: 'producer' as const,
  config: { arrival: { type: 'script' as const, messages: Array.from({ length: n }, (_, i) => ({ atMs: i + 1, routingKey: `order.${i + 1}`, poison: true })) } },
});
const rejecter = { id: 'c', kind: 'consumer' as const, config: { serviceTimeMs: { type: 'constant' as const, value: 5 }, onFailure: 'reject' as const } };

describe('A1.9 dead-letter exchanges', () => {
  it('dead-letters a rejected message (requeue=false) through the DLX with its original routing key', () => {
    const s = scenarioOf([
      poisonScript(3), { id: 'q', kind: 'queue' }, rejecter,
      { id: 'dlx', kind: 'exchange', config: { type: 'topic' } }, { id: 'dlq', kind: 'queue' },
    ], ['p>q', 'q>c', 'q>dlx', 'dlx>dlq:order.#']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(1000);
    const dead = sim.inspectNode('dlq')!;
    expect(dead.map((m) => m.routingKey)).toEqual(['order.1', 'order.2', 'order.3']);
    expect(dead[0]!.deaths).toEqual([{ queue: 'q', reason: 'rejected', count: 1, timeMs: 6, exchange: '', routingKeys: ['order.1'] }]);
    expect(dead[0]!.redelivered).toBe(false);
    const snap = sim.snapshot();
    expect(snap.messages).toMatchObject({ deadLettered: 3, queued: 0, dropped: 0 });
    expect(snap.nodes.q!.deadLettered).toBe(3);
  });

  it('replaces the routing key with x-dead-letter-routing-key', () => {
    const s = scenarioOf([
      poisonScript(2), { id: 'q', kind: 'queue', config: { deadLetterRoutingKey: 'dead' } }, rejecter,
      { id: 'dlx', kind: 'exchange', config: { type: 'direct' } }, { id: 'dlq', kind: 'queue' },
    ], ['p>q', 'q>c', 'q>dlx', 'dlx>dlq:dead']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(1000);
    const dead = sim.inspectNode('dlq')!;
    expect(dead.map((m) => m.routingKey)).toEqual(['dead', 'dead']);
    expect(dead[0]!.deaths[0]!.routingKeys).toEqual(['order.1']);
  });

  it('discards a rejected message when the queue has no dead-letter target (A1.4)', () => {
    const s = scenarioOf([poisonScript(2), { id: 'q', kind: 'queue' }, rejecter], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    expect(sim.snapshot().messages).toMatchObject({ dropped: 2, droppedByReason: { rejected: 2 }, deadLettered: 0 });
  });

  it('drops a dead-lettered message the DLX cannot route (the DLX "does not exist" for it)', () => {
    const s = scenarioOf([
      poisonScript(2), { id: 'q', kind: 'queue' }, rejecter,
      { id: 'dlx', kind: 'exchange', config: { type: 'direct' } }, { id: 'dlq', kind: 'queue' },
    ], ['p>q', 'q>c', 'q>dlx', 'dlx>dlq:elsewhere']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    expect(sim.snapshot().messages.droppedByReason.unroutable).toBe(2);
  });

  it('records expiry with the original expiration and removes the expiration property', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, routingKey: 'k', expirationMs: 20 }] } } },
      { id: 'q', kind: 'queue' }, { id: 'dlq', kind: 'queue' },
    ], ['p>q', 'q>dlq']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(1000);
    const [m] = sim.inspectNode('dlq')!;
    expect(m!.deaths[0]).toMatchObject({ queue: 'q', reason: 'expired', originalExpirationMs: 20, timeMs: 21 });
    expect(m!.expiresAtMs).toBeNull(); // it does not expire again in the DLQ
  });

  it('keeps one x-death entry per {queue, reason}, most recent first, counting repeats (a nack cycle goes on)', () => {
    // q1 rejects into q2; q2 expires back into q1: the cycle contains a rejection, so it continues (BROKER).
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'k', poison: true }] } } },
      { id: 'q1', kind: 'queue' }, rejecter, { id: 'q2', kind: 'queue', config: { messageTtlMs: 10 } },
    ], ['p>q1', 'q1>c', 'q1>q2', 'q2>q1'], { durationMs: 100 });
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(40); // rejected at 5 → q2, expired at 15 → q1, rejected at 20 → q2, expired at 30 → q1, rejected at 35 → q2
    const [m] = sim.inspectNode('q2')!;
    expect(m!.deaths.map((d) => [d.queue, d.reason, d.count])).toEqual([['q1', 'rejected', 3], ['q2', 'expired', 2]]);
    expect(m!.deaths[0]!.timeMs).toBe(5);
  });

  it('drops a message that cycles back with no rejection anywhere (a TTL-only cycle)', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'k' }] } } },
      { id: 'q1', kind: 'queue', config: { messageTtlMs: 10 } }, { id: 'q2', kind: 'queue', config: { messageTtlMs: 10 } },
    ], ['p>q1', 'q1>q2', 'q2>q1']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    expect(sim.snapshot().messages).toMatchObject({ dropped: 1, droppedByReason: { deadLetterCycle: 1 } });
  });
});

describe('A1.9 cycles and death history across hops', () => {
  it('drops a TTL-only cycle even when the message was rejected before the cycle began', () => {
    // Rejected out of q0 into q1; then q1 → q2 → q1 by TTL alone. The cycle (q1 expired, q2 expired) holds no
    // rejection, so the message is dropped when it comes back to q1; the earlier rejection in q0 does not count.
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'k', poison: true }] } } },
      { id: 'q0', kind: 'queue' }, rejecter,
      { id: 'q1', kind: 'queue', config: { messageTtlMs: 10 } }, { id: 'q2', kind: 'queue', config: { messageTtlMs: 10 } },
    ], ['p>q0', 'q0>c', 'q0>q1', 'q1>q2', 'q2>q1']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.messages).toMatchObject({ dropped: 1, droppedByReason: { deadLetterCycle: 1 } });
    expect([snap.nodes.q1!.expired, snap.nodes.q2!.expired]).toEqual([1, 1]);
  });

  it('records in each death the exchange the message was last published to and its routing keys then', () => {
    // Published to x with key k; q1 dead-letters it through dlx with x-dead-letter-routing-key "dead"; q2 through
    // the default exchange (a dead-letter edge straight to a queue).
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, routingKey: 'k' }] } } },
      { id: 'x', kind: 'exchange', config: { type: 'direct' } },
      { id: 'q1', kind: 'queue', config: { messageTtlMs: 10, deadLetterRoutingKey: 'dead' } },
      { id: 'dlx', kind: 'exchange', config: { type: 'direct' } },
      { id: 'q2', kind: 'queue', config: { messageTtlMs: 10 } }, { id: 'dlq', kind: 'queue' },
    ], ['p>x', 'x>q1:k', 'q1>dlx', 'dlx>q2:dead', 'q2>dlq']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(100);
    const [m] = sim.inspectNode('dlq')!;
    expect(m!.deaths.map((d) => [d.queue, d.reason, d.exchange, d.routingKeys, d.timeMs])).toEqual([
      ['q2', 'expired', 'dlx', ['dead'], 21],
      ['q1', 'expired', 'x', ['k'], 11],
    ]);
    expect(m!.routingKey).toBe('dead');
  });
});

describe('A1.12 a message dead-lettered out of a quorum queue keeps its delivery mode', () => {
  // The quorum queue persists every message (A1.12), yet the copy it dead-letters is as transient or persistent as
  // published: a durable classic DLQ keeps only the persistent ones over its broker's restart.
  for (const persistent of [false, true]) {
    it(persistent ? 'persistent: kept by a durable DLQ over a restart' : 'transient: lost by a durable DLQ over a restart', () => {
      const s = scenarioOf([
        { id: 'b', kind: 'broker' },
        { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: Array.from({ length: 5 }, (_, i) => ({ atMs: i + 1, poison: true })) }, persistent } },
        { id: 'q', kind: 'queue', config: { flavor: 'quorum' } }, rejecter,
        { id: 'dlq', kind: 'queue', config: { brokers: ['b'] } },
      ], ['p>q', 'q>c', 'q>dlq'], { durationMs: 5000, faults: [{ atMs: 1000, target: 'b', type: 'crash', durationMs: 100 }] as NonNullable<ScenarioInput['faults']> });
      const sim = createSimulation(s);
      sim.runUntil(900);
      expect(sim.snapshot().nodes.dlq!.ready).toBe(5);
      sim.runUntil(2000);
      const snap = sim.snapshot();
      expect(snap.nodes.dlq!.ready).toBe(persistent ? 5 : 0);
      expect(snap.messages.droppedByReason.transientOnRestart ?? 0).toBe(persistent ? 0 : 5);
    });
  }
});

describe('A1.10 quorum queue delivery-limit (poison messages)', () => {
  const quorum = (deliveryLimit?: number) => scenarioOf([
    poisonScript(1), { id: 'q', kind: 'queue', config: { flavor: 'quorum', ...(deliveryLimit === undefined ? {} : { deliveryLimit }) } },
    { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 5 } } }, { id: 'dlq', kind: 'queue' },
  ], ['p>q', 'q>c', 'q>dlq'], { durationMs: 100_000 });

  it('with a limit of N delivers a poison message N+1 times, then dead-letters it with reason delivery_limit', () => {
    for (const limit of [1, 2, 5]) {
      const sim = createSimulation(quorum(limit), { tracing: true });
      sim.runUntil(100_000);
      expect(sim.snapshot().nodes.q!.out, `limit ${limit}`).toBe(limit + 1);
      expect(sim.inspectNode('dlq')![0]!.deaths[0]).toMatchObject({ queue: 'q', reason: 'delivery_limit' });
    }
  });

  it('defaults the limit to 20 (4.x): 21 deliveries', () => {
    const sim = createSimulation(quorum());
    sim.runUntil(100_000);
    expect(sim.snapshot().nodes.q!.out).toBe(21);
  });

  it('with -1 (no limit) a poison message cycles for ever, visibly', () => {
    const sim = createSimulation(quorum(-1));
    sim.runUntil(10_000);
    const q = sim.snapshot().nodes.q!;
    expect(q.redelivered).toBeGreaterThan(1000);
    expect(q.deadLettered).toBe(0);
  });

  it('counts a delivery given back by a closed channel as a return: past the limit it is dead-lettered, not redelivered (≤ 4.2)', () => {
    // A1.10: 4.0–4.2 count every return (reject, nack, channel close or crash) and the limit applies on return.
    // With limit 0 the first return is past it: one delivery, then dead-lettered with reason delivery_limit.
    // Both ways a queue's channels close: its only broker crashes and restarts, or its leader fails over.
    const one = { id: 'b1', kind: 'broker' as const };
    const three = [one, { id: 'b2', kind: 'broker' as const }, { id: 'b3', kind: 'broker' as const }];
    for (const [name, brokers] of [['restart', [one]], ['failover', three]] as const) {
      const s = scenarioOf([
        ...brokers,
        { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, routingKey: 'k' }] } } },
        { id: 'q', kind: 'queue', config: { flavor: 'quorum', deliveryLimit: 0, brokers: brokers.map((b) => b.id) } },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1000 } } }, { id: 'dlq', kind: 'queue' },
      ], ['p>q', 'q>c', 'q>dlq'], { durationMs: 5000, faults: [{ atMs: 100, target: 'b1', type: 'crash', durationMs: 100 }] as NonNullable<ScenarioInput['faults']> });
      const sim = createSimulation(s, { tracing: true });
      sim.runUntil(5000);
      const snap = sim.snapshot();
      expect(snap.nodes.q, name).toMatchObject({ out: 1, redelivered: 0, deadLettered: 1, acked: 0 });
      expect(sim.inspectNode('dlq')![0]!.deaths[0], name).toMatchObject({ queue: 'q', reason: 'delivery_limit' });
    }
  });

  it('puts a returned message at the head while a limit is set, at the back without one', () => {
    for (const [limit, first] of [[5, 'a'], [-1, 'b']] as const) {
      const s = scenarioOf([
        { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'a', poison: true }, { atMs: 0, routingKey: 'b' }, { atMs: 0, routingKey: 'c' }] } } },
        { id: 'q', kind: 'queue', config: { flavor: 'quorum', deliveryLimit: limit } },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 5 }, prefetch: 1 } },
      ], ['p>q', 'q>c']);
      const sim = createSimulation(s, { tracing: true });
      sim.runUntil(6); // a failed at 5 and went back; the next delivery shows where
      expect(sim.inspectEdge('e1')!.routingKey, `limit ${limit}`).toBe(first);
    }
  });
});
