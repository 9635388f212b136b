import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const producer = (id: string, count: number, extra: Record<string, unknown> = {}) => ({
  id, kind: 'producer' as const, config: { arrival: { type: 'script' as const, messages: Array.from({ length: count }, (_, i) => ({ atMs: i + 1, routingKey: 'k' })) }, ...extra },
});
const consumer = (id: string, config: Record<string, unknown> = {}) => ({ id, kind: 'consumer' as const, config: { serviceTimeMs: { type: 'constant' as const, value: 1 }, ...config } });

describe('permissions: publishing to an exchange', () => {
  it('refuses a producer not on the list (403 ACCESS_REFUSED closes its channel): counted, lost, no nack but a failed connection', () => {
    const s = scenarioOf([
      producer('ok', 3), producer('intruder', 2, { confirms: { window: 10 } }),
      { id: 'x', kind: 'exchange', config: { type: 'direct', permissions: { publish: ['ok'] } } },
      { id: 'q', kind: 'queue', config: {} }, consumer('c'),
    ], ['ok>x', 'intruder>x', 'x>q:k', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.x).toMatchObject({ refused: 2, in: 3, out: 3 });
    // No basic.nack comes for a 403: the channel closes and the client fails the publish (connectionFailures).
    expect(snap.nodes.intruder).toMatchObject({ nacked: 0, connectionFailures: 2, confirmed: 0 });
    expect(snap.messages).toMatchObject({ acked: 3, droppedByReason: { accessRefused: 2 } });
    // A refused publish is the publisher's to handle: it does not count against the consumer.
    expect(snap.audit!.consumers.c!.guarantee).toBe('exactly-once');
  });

  it('lets everyone publish without a list', () => {
    const s = scenarioOf([producer('p', 3), { id: 'x', kind: 'exchange', config: { type: 'fanout' } }, { id: 'q', kind: 'queue', config: {} }, consumer('c')], ['p>x', 'x>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.x).toMatchObject({ refused: 0, in: 3 });
  });
});

describe('permissions: a queue', () => {
  it('SQS: refuses a client sending to it without SendMessage permission, but not what a topic delivers there', () => {
    const s = scenarioOf([
      producer('direct', 2), producer('routed', 3),
      { id: 'x', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'q', kind: 'queue', config: { flavor: 'sqs', permissions: { publish: ['routed'] } } }, consumer('c', { delivery: 'pull', pollIntervalMs: 10 }),
    ], ['direct>q', 'routed>x', 'x>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.q).toMatchObject({ refusedPublish: 2, in: 3 });
    expect(sim.snapshot().messages.droppedByReason).toEqual({ accessRefused: 2 });
    // The publisher is told (the channel closes): no loss behind the queue for its consumer.
    expect(sim.snapshot().audit!.consumers.c!.lost).toBe(0);
  });

  it('refuses a push consumer without read permission once when it subscribes and again when it comes back online', () => {
    const s = scenarioOf([
      producer('p', 6), { id: 'q', kind: 'queue', config: { permissions: { consume: ['allowed'] } } },
      consumer('allowed'), consumer('intruder', { offline: [{ fromMs: 100, toMs: 200 }, { fromMs: 300, toMs: 400 }] }),
    ], ['p>q', 'q>allowed', 'q>intruder']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ refusedConsume: 3, out: 6 });
    expect(snap.nodes.allowed).toMatchObject({ acked: 6 });
    expect(snap.nodes.intruder).toMatchObject({ acked: 0 });
  });

  it('refuses a push consumer offline from the start once, when it first subscribes, whichever node starts first', () => {
    const queue = { id: 'q', kind: 'queue' as const, config: { permissions: { consume: ['allowed'] } } };
    const intruder = consumer('intruder', { offline: [{ fromMs: 0, toMs: 100 }] });
    for (const nodes of [[producer('p', 3), queue, consumer('allowed'), intruder], [producer('p', 3), intruder, consumer('allowed'), queue]]) {
      const sim = createSimulation(scenarioOf(nodes, ['p>q', 'q>allowed', 'q>intruder']));
      sim.runUntil(1000);
      expect(sim.snapshot().nodes.q).toMatchObject({ refusedConsume: 1 });
    }
  });

  it('refuses every poll of a pull consumer without read permission and answers it empty', () => {
    const s = scenarioOf([
      producer('p', 2), { id: 'q', kind: 'queue', config: { flavor: 'sqs', permissions: { consume: [] } } },
      consumer('c', { delivery: 'pull', pollIntervalMs: 100 }),
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(950);
    const snap = sim.snapshot();
    const polls = snap.nodes.c!.polls as number;
    expect(polls).toBeGreaterThanOrEqual(9);
    expect(snap.nodes.q).toMatchObject({ refusedConsume: polls, out: 0, ready: 2 });
  });
});
