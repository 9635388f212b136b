import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import { createSimulation } from '../simulation';
import { scenarioOf, scriptEvery } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;

/**
 * A1.4 automatic requeue, worked out by hand on three messages published at 1, 2 and 3 ms to a consumer with a
 * prefetch of 3 and one 100 ms slot: at 50 ms it holds message 1 in service and 2, 3 buffered, all unacked.
 */
describe('A1.4: a consumer crash closes its channel (three messages, exact figures)', () => {
  const run = (ackMode: 'manual' | 'auto') => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(3, 1) } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { ackMode, prefetch: 3, serviceTimeMs: { type: 'constant', value: 100 } } },
    ], ['p>q', 'q>c'], { durationMs: 1000, faults: [{ atMs: 50, target: 'c', type: 'crash', durationMs: 100 }] as Faults });
    const sim = createSimulation(s);
    sim.runUntil(1000);
    return sim.snapshot();
  };

  it('manual ack: all three are requeued and redelivered after the restart (150 ms), processed at 250, 350, 450', () => {
    const snap = run('manual');
    expect(snap.nodes.q).toMatchObject({ in: 3, out: 6, redelivered: 3, acked: 3, ready: 0, unacked: 0 });
    // The broker requeued them (A1.4 automatic requeue): the consumer never sent a basic.nack/reject.
    expect(snap.nodes.q).toMatchObject({ nacked: 0, requeuedOnChannelClose: 3 });
    expect(snap.messages).toMatchObject({ acked: 3, dropped: 0 });
    // End-to-end from publish (1, 2, 3 ms) to ack (250, 350, 450 ms).
    expect(snap.nodes.c!.latencyMs).toMatchObject({ count: 3, mean: 348, max: 447 });
    expect(snap.audit).toMatchObject({ deliveredOnce: 0, deliveredMoreThanOnce: 3, lost: 0 });
  });

  it('auto ack: the three were settled when sent, so the crash loses them (lostAfterAutoAck), none comes back', () => {
    const snap = run('auto');
    expect(snap.nodes.q).toMatchObject({ in: 3, out: 3, redelivered: 0, nacked: 0, requeuedOnChannelClose: 0 });
    expect(snap.messages).toMatchObject({ acked: 0, dropped: 3, droppedByReason: { lostAfterAutoAck: 3 } });
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 0, lost: 3, guarantee: 'at-most-once' });
  });
});

/**
 * A1.4 + A1.12: a broker crash closes the channels of the queues it hosts. One persistent message, delivered at
 * 1 ms to a manual-ack consumer (100 ms of work), unacked when the broker goes down at 50 ms for 100 ms.
 */
describe('A1.4, A1.12: an unacked message when its broker crashes', () => {
  const run = (durable: boolean) => {
    const s = scenarioOf([
      { id: 'b', kind: 'broker' },
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1), persistent: true } },
      { id: 'q', kind: 'queue', config: { brokers: ['b'], durable } },
      { id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: 1, serviceTimeMs: { type: 'constant', value: 100 } } },
    ], ['p>q', 'q>c'], { durationMs: 1000, faults: [{ atMs: 50, target: 'b', type: 'crash', durationMs: 100 }] as Faults });
    const sim = createSimulation(s);
    sim.runUntil(1000);
    return sim.snapshot();
  };

  // The consumer goes on processing it (done at 101 ms), and its ack fails: the channel is gone (ackOnClosedChannel.test.ts).
  it('durable queue: it is requeued, survives the restart (persistent) and is redelivered, flagged, at 150 ms', () => {
    const snap = run(true);
    expect(snap.nodes.q).toMatchObject({ in: 1, out: 2, redelivered: 1, acked: 1, lostOnOutage: 0, nacked: 0, requeuedOnChannelClose: 1 });
    expect(snap.messages).toMatchObject({ acked: 1, dropped: 0 });
    expect(snap.nodes.c).toMatchObject({ acked: 1, ackFailed: 1 }); // processed twice (one ack failed): at-least-once
  });

  it('non-durable queue: requeued, then deleted with its queue on boot (transientOnRestart), a loss of the broker\'s', () => {
    const snap = run(false);
    expect(snap.nodes.q).toMatchObject({ in: 1, out: 1, acked: 0, lostOnOutage: 1, lostBeforeConfirm: 0, requeuedOnChannelClose: 1 });
    expect(snap.messages).toMatchObject({ acked: 0, dropped: 1, droppedByReason: { transientOnRestart: 1 } });
    // The consumer processed it all the same (its ack failed): no loss of its.
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 1, lost: 0 });
  });
});
