import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../schema';
import type { Simulation } from '../../api';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

/*
 * A quorum queue with no leader holds the publishes that reach it (heldPublishes.ts): RabbitMQ's channel keeps
 * them pending and sends them again to the new leader (RMQ-SRC rabbit_fifo_client resend_all_pending); they are
 * confirmed once a majority holds them (A1.6, A1.13), not refused and nacked.
 */

type Faults = NonNullable<ScenarioInput['faults']>;
const brokers = Array.from({ length: 3 }, (_, i) => ({
  id: `b${i + 1}`, kind: 'broker' as const,
  config: { replicationDelayMs: 2, diskWriteMs: { type: 'constant' as const, value: 1 }, electionDelayMs: 500 },
}));

/** p publishes 100/s (one every 10 ms, from 10 ms) with confirms to a quorum queue on b1–b3 (b1 leads); consumers optional. */
function cluster(faults: Faults, producer: Record<string, unknown> = {}, consumers = 0) {
  const cs = Array.from({ length: consumers }, (_, i) => ({ id: `c${i + 1}`, kind: 'consumer' as const, config: { serviceTimeMs: { type: 'constant' as const, value: 1 } } }));
  return scenarioOf([
    ...brokers,
    { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, persistent: true, confirms: { window: 1000 }, ...producer } },
    { id: 'q', kind: 'queue', config: { flavor: 'quorum', brokers: ['b1', 'b2', 'b3'] } },
    ...cs,
  ], ['p>q', ...cs.map((c) => `q>${c.id}`)], { durationMs: 20_000, faults });
}

/** produced − (acked + queued + inFlight + deadLettered + dropped): 0 when every message is accounted for. */
function imbalance(sim: Simulation): number {
  const m = sim.snapshot().messages;
  return m.produced - (m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped);
}

describe('a quorum queue without a leader holds publishes (A1.13, rabbit_fifo_client pending enqueues)', () => {
  it('holds the publishes of the election, neither dropped nor nacked, then enqueues them in order and confirms them', () => {
    const sim = createSimulation(cluster([{ atMs: 5000, target: 'b1', type: 'crash' }]), { tracing: true });
    sim.runUntil(5400);
    let snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ available: 0, held: 40 }); // 5010 … 5400
    expect(snap.messages.droppedByReason.nodeDown ?? 0).toBe(0);
    expect(snap.nodes.p).toMatchObject({ nacked: 0 });
    expect((snap.nodes.p!.unconfirmed as number)).toBeGreaterThanOrEqual(40);
    const readyBefore = snap.nodes.q!.ready as number;
    const held = sim.inspectNode('q', 10_000)!.filter((v) => v.trail.at(-1)?.event === 'held (no leader)').map((v) => v.id);
    expect(held).toHaveLength(40);

    sim.runUntil(5500); // the election ends at 5500: b2 leads and takes the held publishes
    snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ available: 1, leader: 'b2', held: 0 });
    expect(snap.nodes.q!.ready).toBe(readyBefore + 50); // 40 held + 10 more (the one at 5500 included)
    const ready = sim.inspectNode('q', 10_000)!;
    const tail = ready.slice(-50);
    // In arrival order, enqueued when the leader was elected.
    expect(tail.slice(0, 40).map((v) => v.id)).toEqual(held);
    expect(tail.slice(0, 40).every((v) => v.enqueuedAtMs === 5500)).toBe(true);
    expect(tail.map((v) => v.id)).toEqual([...tail.map((v) => v.id)].sort((a, b) => a - b));

    sim.runUntil(5600);
    snap = sim.snapshot();
    // Confirmed late (a majority holds each a few ms after the election), never nacked.
    expect(snap.nodes.p).toMatchObject({ nacked: 0 });
    expect((snap.nodes.p!.confirmMs as { max: number }).max).toBeGreaterThanOrEqual(490);
    expect(snap.messages.droppedByReason.nodeDown ?? 0).toBe(0);
  });

  it('counts held publishes as in flight: the balance holds during the election', () => {
    const sim = createSimulation(cluster([{ atMs: 5000, target: 'b1', type: 'crash' }], {}, 2));
    for (const t of [5001, 5100, 5250, 5499, 5500, 5501, 6000]) {
      sim.runUntil(t);
      expect(imbalance(sim), `at ${t}`).toBe(0);
      const snap = sim.snapshot();
      if (t < 5500) expect(snap.nodes.q!.held, `at ${t}`).toBe(Math.floor((t - 5000) / 10));
      expect(snap.messages.inFlight, `at ${t}`).toBeGreaterThanOrEqual(snap.nodes.q!.held as number);
    }
  });

  it('without a majority, holds publishes until a member comes back and a leader is elected', () => {
    const sim = createSimulation(cluster([
      { atMs: 2000, target: 'b2', type: 'crash', durationMs: 6000 },
      { atMs: 3000, target: 'b3', type: 'crash' },
    ]));
    sim.runUntil(7990);
    let snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ available: 0, held: 499 }); // 3010 … 7990
    expect(snap.messages.droppedByReason.nodeDown ?? 0).toBe(0);
    expect(snap.nodes.p).toMatchObject({ nacked: 0 });
    expect(imbalance(sim)).toBe(0);
    sim.runUntil(8505); // b2 back at 8000, then an election of 500 ms; the last publish is confirmed at 8503
    snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ available: 1, held: 0 });
    expect(snap.nodes.p).toMatchObject({ nacked: 0, unconfirmed: 0 });
    expect(snap.messages.dropped).toBe(0);
  });

  it('with the majority lost for good, the publishes stay held (in flight) to the end of the run', () => {
    const sim = createSimulation(cluster([
      { atMs: 2000, target: 'b2', type: 'crash' },
      { atMs: 3000, target: 'b3', type: 'crash' },
    ]));
    sim.runUntil(20_000);
    const snap = sim.snapshot();
    // 3010 … 13000: then the publisher's confirm window (1000) is full, and the rest wait in its outbox.
    expect(snap.nodes.q).toMatchObject({ available: 0, held: 1000 });
    expect(snap.nodes.p).toMatchObject({ unconfirmed: 1000, nacked: 0 });
    expect(snap.messages.inFlight).toBe(1000 + (snap.nodes.p!.waiting as number));
    expect(snap.messages.dropped).toBe(0);
    expect(imbalance(sim)).toBe(0);
  });

  it('a crash of the queue node itself still loses the publishes that reach it (nodeDown), nacked', () => {
    const sim = createSimulation(cluster([{ atMs: 5000, target: 'q', type: 'crash', durationMs: 1000 }]));
    sim.runUntil(7000);
    const snap = sim.snapshot();
    expect(snap.messages.droppedByReason.nodeDown).toBe(100); // 5010 … 6000
    expect(snap.nodes.q).toMatchObject({ available: 1, held: 0 });
    expect(snap.nodes.p).toMatchObject({ nacked: 100 });
  });

  it('a publisher whose confirm timed out sends a held publish again: both copies are enqueued, a duplicate the audit counts', () => {
    // Retry after 200 ms without a confirm, shorter than the 500 ms election (5005 → 5505; the crash comes after
    // the publish of 5000 is safe, so nothing is lost on the failover).
    const sim = createSimulation(cluster([{ atMs: 5005, target: 'b1', type: 'crash' }], { count: 1000, retry: { timeoutMs: 200, maxAttempts: 5 } }, 1));
    sim.runUntil(20_000);
    const snap = sim.snapshot();
    const p = snap.nodes.p!;
    // The 30 publishes of 5010 … 5300 waited more than 200 ms and were sent again; the second copies of
    // 5010 … 5100, held too, timed out in turn (10 more); the third copies came in time.
    expect(p).toMatchObject({ timeouts: 40, retries: 40, nacked: 0, confirmed: 1000, unconfirmed: 0 });
    expect(p.lateConfirms).toBe(40); // every copy that timed out was confirmed after all, too late
    expect(snap.messages).toMatchObject({ retried: 40, dropped: 0 });
    // Every copy reached the queue and was enqueued: originals and retries.
    expect(snap.nodes.q!.in).toBe(1040);
    const audit = snap.audit!;
    expect(audit.consumers.c1).toMatchObject({ processed: 1000, duplicates: 30, lost: 0, guarantee: 'at-least-once' });
    expect(audit).toMatchObject({ duplicates: 30, lost: 0 });
  });
});
