import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, scriptEvery } from '../../testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });

/** Six messages at 1 … 6 ms, a classic queue, and one consumer of 100 ms per message with `config`. */
function run(config: Record<string, unknown>, faults: unknown[] = [], arrival: unknown = scriptEvery(6, 1)) {
  const s = scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: arrival as never } }, { id: 'q', kind: 'queue' },
    { id: 'c', kind: 'consumer', config: { serviceTimeMs: constant(100), ...config } },
  ], ['p>q', 'q>c'], { faults: faults as never });
  return createSimulation(s);
}

describe('consumer slots against prefetch (A1.5, A1.4)', () => {
  it('A1.5: a prefetch below the concurrency leaves slots idle; each ack lets one more in', () => {
    // prefetch 2, 4 slots: m1, m2 from 1, 2 ms; at their acks (101, 102 ms) m3, m4; then m5, m6 at 201, 202 ms.
    const sim = run({ concurrency: 4, prefetch: 2 });
    sim.runUntil(50);
    expect(sim.snapshot().nodes.c).toMatchObject({ in: 2, busy: 2, buffered: 0 });
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 4, unacked: 2 });
    sim.runUntil(150);
    expect(sim.snapshot().nodes.c).toMatchObject({ in: 4, acked: 2, busy: 2 });
    sim.runUntil(400);
    const c = sim.snapshot().nodes.c!;
    expect(c).toMatchObject({ in: 6, acked: 6, busy: 0, buffered: 0 });
    // Latency, publish to ack: 100, 100, 201 − 3, 202 − 4, 301 − 5, 302 − 6.
    expect(c.latencyMs).toMatchObject({ count: 6, mean: (100 + 100 + 198 + 198 + 296 + 296) / 6, max: 296 });
    // Utilisation: 6 × 100 ms of busy slot-time over 4 slots × 400 ms.
    expect(c.utilisation).toBe(0.375);
  });

  it('A1.5: a prefetch above the concurrency buffers the rest, unacked, in the consumer', () => {
    const sim = run({ concurrency: 2, prefetch: 5 });
    sim.runUntil(50);
    expect(sim.snapshot().nodes.c).toMatchObject({ in: 5, busy: 2, buffered: 3 });
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 1, unacked: 5 });
  });

  it('A1.4: under auto-ack the prefetch does not apply: everything is pushed and buffered', () => {
    const sim = run({ concurrency: 2, prefetch: 1, ackMode: 'auto' });
    sim.runUntil(50);
    expect(sim.snapshot().nodes.c).toMatchObject({ in: 6, busy: 2, buffered: 4 });
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 0, unacked: 0 });
  });

  it('A1.5: prefetch has no effect on basic.get: a pull consumer fills its slots one message per poll', () => {
    // Its first poll (0 ms) is empty; the next, after the 100 ms interval, and two more at once take m1, m2, m3.
    const sim = run({ concurrency: 3, prefetch: 1, delivery: 'pull', pollIntervalMs: 100 });
    sim.runUntil(150);
    expect(sim.snapshot().nodes.c).toMatchObject({ in: 3, busy: 3, buffered: 0, polls: 4, emptyPolls: 1 });
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 3, unacked: 3 });
  });
});

describe('consumer failures and its figures (A1.4, A1.9)', () => {
  const poisoned = { type: 'script', messages: [{ atMs: 1 }, { atMs: 2, poison: true }, { atMs: 3 }] };

  it('manual ack, reject: the failure is rejected to the queue, which has no dead-letter target and drops it', () => {
    const sim = run({ onFailure: 'reject' }, [], poisoned);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.c).toMatchObject({ in: 3, acked: 2, failed: 1, nacked: 1, dropped: 0 });
    expect(snap.nodes.q).toMatchObject({ nacked: 1, redelivered: 0 });
    expect(snap.messages).toMatchObject({ acked: 2, dropped: 1, droppedByReason: { rejected: 1 } });
  });

  it('manual ack, requeue: the failure goes back and is redelivered, failing each time', () => {
    // Prefetch 1: m2 is delivered at m1's ack (101 ms) and fails at 201 ms; requeued at its original place, ahead of
    // m3 (A1.4), it is redelivered at once and fails again every 100 ms (301, 401 ms); at 450 ms its fourth delivery is
    // in service and m3 still waits. `in` counts deliveries: m1 and m2's four.
    const sim = run({ onFailure: 'requeue', prefetch: 1 }, [], poisoned);
    sim.runUntil(450);
    const snap = sim.snapshot();
    expect(snap.nodes.c).toMatchObject({ in: 5, acked: 1, failed: 3, nacked: 3, dropped: 0 });
    expect(snap.nodes.q).toMatchObject({ nacked: 3, redelivered: 3, ready: 1, unacked: 1, requeuedOnChannelClose: 0 });
  });

  it('auto ack: the failure was settled on delivery and is lost', () => {
    const sim = run({ ackMode: 'auto' }, [], poisoned);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.c).toMatchObject({ in: 3, acked: 2, failed: 1, nacked: 0, dropped: 1 });
    expect(snap.messages).toMatchObject({ acked: 2, droppedByReason: { lostAfterAutoAck: 1 } });
  });
});

describe('the slow fault on a consumer', () => {
  it('scales the service time of what it begins while the fault lasts, not of what it began before', () => {
    // ×3 from 50 to 250 ms. m1 (1 ms) began before: done at 101. m2 (110 ms) begins slowed: 300 ms, done at 410.
    // m3 (300 ms) waits and begins at 410, after the fault: done at 510.
    const arrival = { type: 'script', messages: [{ atMs: 1 }, { atMs: 110 }, { atMs: 300 }] };
    const sim = run({}, [{ atMs: 50, durationMs: 200, target: 'c', type: 'slow', factor: 3 }], arrival);
    sim.runUntil(409);
    expect(sim.snapshot().nodes.c).toMatchObject({ acked: 1, busy: 1, buffered: 1 });
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.c!.latencyMs).toMatchObject({ count: 3, mean: 203.333, max: 300 }); // (100 + 300 + 210) / 3, as reported (3 decimals)
  });
});
