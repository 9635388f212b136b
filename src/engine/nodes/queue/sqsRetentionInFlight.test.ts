import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { expectBalanced, scenarioOf } from '../../testSupport';

/**
 * A2.1 retention of a message in flight (received, not deleted): SQS "automatically deletes messages left in a queue
 * longer than the retention period" (DeleteMessage reference), and a received message "remains in the queue" (Developer
 * Guide, visibility timeout) until deleted; the docs make no exception for one in flight. So it is deleted when its
 * retention ends (counted from its original enqueue, A2.2), though a consumer still processes it; that consumer's delete
 * then finds nothing to delete.
 *
 * Retention 60 s from the send at 0. The consumer is offline until 59.5 s and receives the message then; it works on it
 * 10 s (visibility timeout 30 s): its retention ends at 60 s, in flight.
 */
describe('A2.1 retention of a message in flight', () => {
  const run = (fifo: boolean, sends = [{ atMs: 0 }]) => createSimulation(scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: sends.map((s) => ({ ...s, groupId: 'g' })) } } },
    { id: 'q', kind: 'queue', config: { flavor: 'sqs', retentionMs: 60_000, visibilityTimeoutMs: 30_000, ...(fifo ? { fifo: { contentBasedDeduplication: true } } : {}) } },
    { id: 'c', kind: 'consumer', config: { delivery: 'pull', pollIntervalMs: 10, serviceTimeMs: { type: 'constant', value: 10_000 }, offline: [{ fromMs: 0, toMs: 59_500 }] } },
  ], ['p>q', 'q>c'], { durationMs: 200_000 }), { tracing: true });

  it('deletes it when its retention ends, in flight: never acked, never received again', () => {
    const sim = run(false);
    sim.runUntil(59_999);
    expect(sim.snapshot().nodes.q).toMatchObject({ unacked: 1, expired: 0 });
    sim.runUntil(60_000);
    let snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ unacked: 0, ready: 0, expired: 1 });
    expect(snap.messages).toMatchObject({ inFlight: 0, dropped: 1, droppedByReason: { expired: 1 } });
    expect(sim.inspectNode('c')!.map((m) => m.trail.map((h) => h.event))[0]).toContain('deleted (retention period ended while in flight)');
    expectBalanced(snap);
    sim.runUntil(200_000);
    snap = sim.snapshot();
    // The consumer finished at 69.5 s; its delete found the message gone: it deleted nothing.
    expect(snap.nodes.q).toMatchObject({ out: 1, acked: 0, staleDeletes: 1, expired: 1 });
    expect(snap.nodes.c).toMatchObject({ in: 1, acked: 0 });
    expect(snap.messages).toMatchObject({ acked: 0, dropped: 1 });
    // Processed once, then dropped: no loss, no duplicate.
    expect(snap.audit).toMatchObject({ lost: 0, duplicates: 0, droppedAfterProcessing: 1 });
    expectBalanced(snap);
  });

  it('on a FIFO queue the deletion unlocks its group (A2.3): its next message is available, and deleted in turn', () => {
    // A second message of group g, sent at 1 s (retention to 61 s), waits behind the lock, which ends at 60 s.
    const sim = run(true, [{ atMs: 0 }, { atMs: 1000 }]);
    sim.runUntil(60_000);
    expect(sim.snapshot().nodes.q).toMatchObject({ expired: 1, out: 1, ready: 1 });
    // The consumer (one slot) is busy until 69.5 s: nothing takes it before, and it expires at 61 s, ready.
    sim.runUntil(61_001);
    expect(sim.snapshot().nodes.q).toMatchObject({ expired: 2, ready: 0, unacked: 0 });
    expectBalanced(sim.snapshot());
  });

  it('a message whose retention ends after its visibility timeout is left to the ready path', () => {
    // Received at 59.5 s with a 0.4 s visibility timeout: visible again at 59.9 s, deleted at 60 s as a ready message.
    const sim = createSimulation(scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0 }] } } },
      { id: 'q', kind: 'queue', config: { flavor: 'sqs', retentionMs: 60_000, visibilityTimeoutMs: 400 } },
      { id: 'c', kind: 'consumer', config: { delivery: 'pull', pollIntervalMs: 10, serviceTimeMs: { type: 'constant', value: 10_000 }, offline: [{ fromMs: 0, toMs: 59_500 }] } },
    ], ['p>q', 'q>c'], { durationMs: 100_000 }));
    sim.runUntil(59_950);
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 1, unacked: 0, expired: 0 });
    sim.runUntil(60_000);
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 0, expired: 1 });
    expectBalanced(sim.snapshot());
  });
});
