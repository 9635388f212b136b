import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, scriptedProducer } from '../../testSupport';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`);

describe('offline consumers (A1.4 automatic requeue on channel close)', () => {
  it('manual ack: unacked deliveries go back to the queue and are redelivered when it returns', () => {
    const s = scenarioOf([
      scriptedProducer('p', keys(5)), { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 100 }, prefetch: 5, offline: [{ fromMs: 50, toMs: 500 }] } },
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(60);
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 5, unacked: 0 });
    expect(sim.snapshot().nodes.c!.online).toBe(0);
    sim.runUntil(2000);
    const snap = sim.snapshot();
    expect(snap.nodes.q!.redelivered).toBe(5);
    expect(snap.messages).toMatchObject({ acked: 5, dropped: 0 });
    // A1.4: going offline closes the channel and the broker requeues; the consumer nacked nothing.
    expect(snap.nodes.q).toMatchObject({ nacked: 0, requeuedOnChannelClose: 5 });
  });

  it('auto ack: what the consumer held is lost', () => {
    const s = scenarioOf([
      scriptedProducer('p', keys(5)), { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { ackMode: 'auto', serviceTimeMs: { type: 'constant', value: 100 }, offline: [{ fromMs: 50, toMs: 500 }] } },
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(2000);
    expect(sim.snapshot().messages).toMatchObject({ acked: 0, droppedByReason: { lostAfterAutoAck: 5 } });
  });

  it('a push subscription straight to a topic loses what is published while the subscriber is offline', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
      { id: 'topic', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'live', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 } } },
      { id: 'flaky', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 }, offline: [{ fromMs: 2000, toMs: 4000 }] } },
      { id: 'q', kind: 'queue' },
      { id: 'durable', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 }, offline: [{ fromMs: 2000, toMs: 4000 }] } },
    ], ['p>topic', 'topic>live', 'topic>flaky', 'topic>q', 'q>durable'], { durationMs: 10_000 });
    const sim = createSimulation(s);
    sim.runUntil(6000);
    const snap = sim.snapshot();
    expect(snap.nodes.flaky!.acked).toBe((snap.nodes.live!.acked as number) - 20);
    expect(snap.messages.droppedByReason.subscriberOffline).toBe(20);
    // Through a queue nothing is lost: it waits for the consumer (topic → queue chaining).
    expect(snap.nodes.durable!.acked).toBe(snap.nodes.live!.acked);
  });

  it('a delivery given back while in service is not completed by its completion still pending (delivery records are reused)', () => {
    // m1 is in service from 1 ms (100 ms of work) when the consumer goes offline at 50 ms: given back, redelivered
    // at 60 ms, done at 160 ms. Its first completion, still pending for 101 ms, must not complete anything, even
    // though records of finished deliveries are reused for new ones (m2 arrives at 70 ms).
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1 }, { atMs: 70 }] } } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 100 }, prefetch: 1, offline: [{ fromMs: 50, toMs: 60 }] } },
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(150);
    expect(sim.snapshot().messages.acked).toBe(0);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.messages.acked).toBe(2);
    expect(snap.nodes.q!.redelivered).toBe(1);
    expect(snap.latencyMs.max).toBe(190); // m2: from 70 ms, behind m1 until 160 ms, done at 260 ms
  });

  describe('overlapping windows: it is away for their union', () => {
    const run = (offline: { fromMs: number; toMs: number }[], atMs = 1, faults: unknown[] = []) => {
      const s = scenarioOf([
        { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs }] } } },
        { id: 'q', kind: 'queue' },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 100 }, offline } },
      ], ['p>q', 'q>c'], { faults: faults as never });
      return createSimulation(s);
    };

    it('the end of one window does not bring it back while another still runs', () => {
      // Away from 0 to 200 ms (two windows): the message published at 1 ms is delivered at 200 ms, acked at 300 ms.
      const sim = run([{ fromMs: 0, toMs: 100 }, { fromMs: 50, toMs: 200 }]);
      sim.runUntil(150);
      expect(sim.snapshot().nodes.c).toMatchObject({ online: 0, in: 0 });
      expect(sim.snapshot().nodes.q).toMatchObject({ ready: 1 });
      sim.runUntil(1000);
      expect(sim.snapshot().nodes.c).toMatchObject({ in: 1, acked: 1 });
      expect(sim.snapshot().latencyMs.max).toBe(299);
    });

    it('a window listed later that began earlier: given back at 10 ms, redelivered only at 200 ms', () => {
      // Delivered at 1 ms; away from 10 ms (A1.4: requeued) to 200 ms, whichever window the document lists first.
      const sim = run([{ fromMs: 20, toMs: 200 }, { fromMs: 10, toMs: 100 }]);
      sim.runUntil(150);
      expect(sim.snapshot().nodes.c).toMatchObject({ online: 0, in: 1, acked: 0 });
      sim.runUntil(1000);
      expect(sim.snapshot().nodes.q).toMatchObject({ redelivered: 1, acked: 1 });
      expect(sim.snapshot().latencyMs.max).toBe(299);
    });

    it('a window that starts as another ends: it stays away, nothing is delivered at the seam', () => {
      const sim = run([{ fromMs: 0, toMs: 100 }, { fromMs: 100, toMs: 200 }]);
      sim.runUntil(1000);
      expect(sim.snapshot().nodes.c).toMatchObject({ in: 1, acked: 1 });
      expect(sim.snapshot().nodes.q).toMatchObject({ out: 1, redelivered: 0 });
      expect(sim.snapshot().latencyMs.max).toBe(299);
    });

    it('a crash that ends inside an offline window does not bring it back before the window ends', () => {
      // Crashed 50 to 150 ms, away 20 to 300 ms: the message published at 100 ms is delivered at 300 ms, acked at 400 ms.
      const sim = run([{ fromMs: 20, toMs: 300 }], 100, [{ type: 'crash', target: 'c', atMs: 50, durationMs: 100 }]);
      sim.runUntil(250);
      expect(sim.snapshot().nodes.c).toMatchObject({ online: 0, in: 0 });
      sim.runUntil(1000);
      expect(sim.snapshot().nodes.c).toMatchObject({ in: 1, acked: 1 });
      expect(sim.snapshot().latencyMs.max).toBe(300);
    });
  });
});
