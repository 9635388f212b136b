import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const puller = (id: string, config: Record<string, unknown>) => ({
  id, kind: 'consumer' as const, config: { delivery: 'pull' as const, pollIntervalMs: 10, serviceTimeMs: { type: 'constant' as const, value: 1 }, ...config },
});

/**
 * A2.2: "Retention uses the original enqueue timestamp": in a dead-letter queue a message is deleted when
 * the retention period, counted from its first enqueue, ends. Two source queues feed one DLQ, so the DLQ
 * holds a message sent later in front of one sent earlier: the one behind runs out first.
 */
describe('A2.2 retention in a dead-letter queue fed out of order', () => {
  const scenario = () => scenarioOf([
    // a: sent at 0 to q1 (visibility 50 s), moved at ≈50 s. b: sent at 20 s to q2 (visibility 5 s), moved at ≈25 s.
    { id: 'p1', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'a', poison: true }] } } },
    { id: 'p2', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 20_000, routingKey: 'b', poison: true }] } } },
    { id: 'q1', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 50_000, maxReceiveCount: 1 } },
    { id: 'q2', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 5_000, maxReceiveCount: 1 } },
    puller('c1', {}), puller('c2', {}),
    // DLQ retention 60 s: a is due at 60 s, b at 80 s. The reader polls only from 70 s on.
    { id: 'dlq', kind: 'queue', config: { flavor: 'sqs', retentionMs: 60_000 } },
    // One receive of up to 10 at 70 s finds both: it must take b and not a.
    puller('reader', { batchSize: 10, concurrency: 10, offline: [{ fromMs: 0, toMs: 70_000 }] }),
  ], ['p1>q1', 'p2>q2', 'q1>c1', 'q2>c2', 'q1>dlq', 'q2>dlq', 'dlq>reader'], { durationMs: 120_000 });

  it('deletes a message behind the head when its retention ends, with no receive (A2.1: wherever it is)', () => {
    const sim = createSimulation(scenario(), { tracing: true });
    sim.runUntil(59_999);
    expect(sim.snapshot().nodes.dlq).toMatchObject({ ready: 2, expired: 0 });
    sim.runUntil(60_000); // a's retention ends at 60 s; it sits behind b (due at 80 s), which the head check sees
    const snap = sim.snapshot();
    expect(snap.nodes.dlq).toMatchObject({ ready: 1, expired: 1, out: 0 });
    expect(snap.messages.droppedByReason.expired).toBe(1);
    expect(sim.inspectNode('dlq')!.map((m) => m.routingKey)).toEqual(['b']);
  });

  it('never hands out a message whose retention, counted from its first enqueue, has ended', () => {
    const sim = createSimulation(scenario(), { tracing: true });
    sim.runUntil(55_000);
    expect(sim.inspectNode('dlq')!.map((m) => m.routingKey)).toEqual(['b', 'a']); // a behind b
    sim.runUntil(75_000);
    const snap = sim.snapshot();
    // At 70 s the reader gets b (due at 80 s); a ran out at 60 s and is deleted, not received.
    expect(snap.nodes.reader).toMatchObject({ in: 1 });
    expect(snap.nodes.dlq).toMatchObject({ out: 1, expired: 1, ready: 0 });
    expect(snap.messages.droppedByReason.expired).toBe(1);
  });
});

/**
 * A2.1 + A2.3: on a FIFO queue a message in flight locks its group, and the messages of the group behind it are not
 * available; their retention runs on all the same. g1's message sent at 0 is delayed 25 s on its link, so g1's sent at
 * 20 s reaches the queue first and is received at once, processed for 50 s (visibility 200 s). The one behind it,
 * retention (60 s) counted from its send, is deleted at 60 s, while the group is still locked, not when the lock goes
 * at 70 s. (A message in flight is deleted when its retention ends too, sqsRetentionInFlight.test.ts: here each is
 * deleted before.)
 */
describe('A2.1 retention of a message in a locked FIFO group', () => {
  const scenario = () => scenarioOf([
    { id: 'p1', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, groupId: 'g1' }] } } },
    { id: 'p2', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 20_000, groupId: 'g1' }, { atMs: 30_000, groupId: 'g2' }] } } },
    { id: 'q', kind: 'queue', config: { flavor: 'sqs', retentionMs: 60_000, visibilityTimeoutMs: 200_000, fifo: { contentBasedDeduplication: true } } },
    puller('c', { serviceTimeMs: { type: 'constant', value: 50_000 }, concurrency: 2 }),
  ], [{ id: 'p1q', source: 'p1', target: 'q', config: { delayMs: 25_000 } }, 'p2>q', 'q>c'], { durationMs: 200_000 });

  it('deletes it at the end of its retention, while its group is still locked', () => {
    const sim = createSimulation(scenario());
    sim.runUntil(59_000);
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 1, unacked: 2, expired: 0 }); // g2's was received at 30 s
    sim.runUntil(60_001);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ ready: 0, unacked: 2, expired: 1 });
    expect(snap.messages.droppedByReason.expired).toBe(1);
    sim.runUntil(200_000);
    expect(sim.snapshot().nodes.c).toMatchObject({ acked: 2 }); // g1's first to arrive and g2's: the expired one never handed out
  });
  it('a message received at the instant its retention ends keeps its group locked: the one behind is deleted on time', () => {
    // g1's first (sent at 0) is handed out at 60 s, the instant its retention ends, to a consumer that comes online then
    // (A1.7's rule that a message expiring now may still go to a consumer that takes it at once): no deletion is timed
    // for it in flight. g1's second (sent at 1 ms) is behind the lock and deleted at 60.001 s.
    const sim = createSimulation(scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, groupId: 'g1' }, { atMs: 1, groupId: 'g1' }] } } },
      { id: 'q', kind: 'queue', config: { flavor: 'sqs', retentionMs: 60_000, visibilityTimeoutMs: 30_000, fifo: { contentBasedDeduplication: true } } },
      puller('c', { serviceTimeMs: { type: 'constant', value: 10_000 }, offline: [{ fromMs: 0, toMs: 60_000 }] }),
    ], ['p>q', 'q>c'], { durationMs: 100_000 }));
    sim.runUntil(60_000);
    expect(sim.snapshot().nodes.q).toMatchObject({ out: 1, unacked: 1, ready: 1, expired: 0 });
    sim.runUntil(60_001);
    expect(sim.snapshot().nodes.q).toMatchObject({ unacked: 1, ready: 0, expired: 1 });
  });
});
