import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import { createSimulation } from '../simulation';
import { scenarioOf } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;
const brokers = (n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, i) => ({ id: `b${i + 1}`, kind: 'broker' as const, config: { replicationDelayMs: 2, diskWriteMs: { type: 'constant' as const, value: 1 }, electionDelayMs: 500, ...extra } }));

function cluster(flavor: 'quorum' | 'classic', faults: Faults, producer: Record<string, unknown> = {}) {
  return scenarioOf([
    ...brokers(3),
    { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, persistent: true, confirms: { window: 1000 }, ...producer } },
    { id: 'q', kind: 'queue', config: { flavor, brokers: ['b1', 'b2', 'b3'], ...(flavor === 'classic' ? { mirrorDelayMs: 50 } : {}) } },
  ], ['p>q'], { durationMs: 20_000, faults });
}

describe('A1.13 quorum queue replication', () => {
  it('confirms once a majority holds the message (leader disk, or a follower: network + disk)', () => {
    const sim = createSimulation(cluster('quorum', []));
    sim.runUntil(5000);
    // Times to hold it: leader 1, followers 2 + 1 = 3 each; the majority (2 of 3) holds it at 3 ms.
    expect(sim.snapshot().nodes.p!.confirmMs).toMatchObject({ mean: 3, max: 3 });
  });

  it('loses no confirmed message when the leader dies while a majority lives, and elects a new leader after the delay', () => {
    const sim = createSimulation(cluster('quorum', [{ atMs: 5000, target: 'b1', type: 'crash' }]));
    sim.runUntil(5400);
    // Publishes during the 500 ms election are held (no leader), not refused: rabbit_fifo_client keeps them pending.
    expect(sim.snapshot().nodes.q).toMatchObject({ available: 0, held: 40 });
    sim.runUntil(20_000);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ available: 1, leader: 'b2', held: 0 });
    const p = snap.nodes.p!;
    // Every confirmed message is still in the queue; only unconfirmed ones may be gone.
    expect(snap.nodes.q!.ready).toBeGreaterThanOrEqual(p.confirmed as number);
    expect(snap.messages.droppedByReason.unreplicatedOnFailover ?? 0).toBeLessThanOrEqual(1);
    expect(snap.messages.droppedByReason.nodeDown ?? 0).toBe(0);
    expect(snap.nodes.p).toMatchObject({ nacked: 0 });
  });

  it('makes no progress without a majority, and resumes when a member returns', () => {
    const sim = createSimulation(cluster('quorum', [
      { atMs: 2000, target: 'b2', type: 'crash', durationMs: 6000 },
      { atMs: 3000, target: 'b3', type: 'crash' },
    ]));
    sim.runUntil(5000);
    expect(sim.snapshot().nodes.q!.available).toBe(0);
    // Publishes without a majority are held (pending in the publisher's channel), not refused.
    expect(sim.snapshot().nodes.q!.held).toBe(200); // 3010 … 5000
    sim.runUntil(9000); // b2 back at 8000: a majority again, after the election
    expect(sim.snapshot().nodes.q).toMatchObject({ available: 1, held: 0 });
    expect(sim.snapshot().messages.droppedByReason.nodeDown ?? 0).toBe(0);
  });
});

describe('A1.13 quorum = ⌊N/2⌋ + 1: tolerated failures 1, 2, 3 for N = 3, 5, 7; an even N adds none', () => {
  // Followers (never the leader, b1) go down at 1 s; the queue stays available while a majority lives.
  for (const [n, down, available] of [[2, 1, 0], [3, 1, 1], [4, 1, 1], [4, 2, 0], [5, 2, 1], [5, 3, 0], [7, 3, 1], [7, 4, 0]] as const) {
    it(`N = ${n} with ${down} down: ${available ? 'available' : 'unavailable'}`, () => {
      const s = scenarioOf([
        ...brokers(n),
        { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 } } },
        { id: 'q', kind: 'queue', config: { flavor: 'quorum', brokers: brokers(n).map((b) => b.id) } },
      ], ['p>q'], { durationMs: 5000, faults: Array.from({ length: down }, (_, i) => ({ atMs: 1000, target: `b${n - i}`, type: 'crash' })) as Faults });
      const sim = createSimulation(s);
      sim.runUntil(2000);
      const snap = sim.snapshot();
      expect(snap.nodes.q!.available).toBe(available);
      // Publishes in the second after the crashes: held without a majority (waiting for a leader), accepted with one.
      expect(snap.nodes.q!.held).toBe(available ? 0 : 100);
      expect(snap.messages.droppedByReason.nodeDown ?? 0).toBe(0);
    });
  }
});

describe('asynchronous mirrors (classic mirrored queues)', () => {
  it('confirms on the leader alone and loses what was not yet copied when it fails over', () => {
    const sim = createSimulation(cluster('classic', [{ atMs: 5000, target: 'b1', type: 'crash' }]));
    sim.runUntil(20_000);
    const snap = sim.snapshot();
    expect(snap.nodes.p!.confirmMs).toMatchObject({ max: 1 });
    // 100 msg/s with a 50 ms copy delay: about 5 confirmed messages were not on a mirror yet.
    const lost = snap.messages.droppedByReason.unreplicatedOnFailover ?? 0;
    expect(lost).toBeGreaterThanOrEqual(4);
    expect(lost).toBeLessThanOrEqual(6);
    expect(snap.nodes.q).toMatchObject({ available: 1, leader: 'b2' });
  });
});

describe('a quorum queue never loses a confirmed message while a majority lives (property over crash times)', () => {
  it('holds for leader crashes at many times', () => {
    for (let at = 1000; at < 4000; at += 137) {
      const sim = createSimulation(cluster('quorum', [{ atMs: at, target: 'b1', type: 'crash' }], { count: 500 }));
      sim.runUntil(20_000);
      const snap = sim.snapshot();
      expect(snap.nodes.q!.ready, `crash at ${at}`).toBeGreaterThanOrEqual(snap.nodes.p!.confirmed as number);
    }
  });
});

describe('the audit after a quorum failover with confirms and retries', () => {
  it('counts nothing lost for the consumers: what the failover lost unconfirmed was published again', () => {
    const s = scenarioOf([
      ...brokers(3),
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, count: 1500, persistent: true, confirms: { window: 1000 }, retry: { timeoutMs: 200, maxAttempts: 10 } } },
      { id: 'q', kind: 'queue', config: { flavor: 'quorum', brokers: ['b1', 'b2', 'b3'] } },
      { id: 'c1', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 15 } } },
      { id: 'c2', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 15 } } },
    ], ['p>q', 'q>c1', 'q>c2'], { durationMs: 60_000, faults: [{ atMs: 5000, target: 'b1', type: 'crash' }] });
    const sim = createSimulation(s);
    sim.runUntil(60_000);
    const audit = sim.snapshot().audit!;
    expect(audit.lost).toBeGreaterThan(0); // a write the failover lost before its confirm…
    for (const c of ['c1', 'c2']) expect(audit.consumers[c]!.lost, c).toBe(0); // …but every message got through
    // Publishes held through the 500 ms election timed out (200 ms) and were sent again: both copies were
    // enqueued when b2 was elected, so some were processed twice, by either consumer (at-least-once).
    expect(audit.deliveredOnce + audit.deliveredMoreThanOnce).toBeGreaterThanOrEqual(1500);
    expect(audit.duplicates).toBeGreaterThan(0);
  });
});

describe('A1.13 a replicated quorum queue\'s own disk: its diskWriteMs and a slowDisk fault on it count on every replica', () => {
  // Brokers: disk 1 ms, replication 2 ms. The confirm comes when the 2nd of 3 (the majority) holds the message:
  // leader after its disk write, each follower after 2 ms + its disk write.
  const confirmMs = (queue: Record<string, unknown>, faults: Faults) => {
    const s = scenarioOf([
      ...brokers(3),
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, persistent: true, confirms: { window: 1000 } } },
      { id: 'q', kind: 'queue', config: { flavor: 'quorum', brokers: ['b1', 'b2', 'b3'], ...queue } },
    ], ['p>q'], { durationMs: 2000, faults });
    const sim = createSimulation(s);
    sim.runUntil(2000);
    return sim.snapshot().nodes.p!.confirmMs;
  };

  it('the queue\'s diskWriteMs replaces its brokers\' disks: 20, 22, 22 → confirmed at 22 ms', () => {
    expect(confirmMs({ diskWriteMs: { type: 'constant', value: 20 } }, [])).toMatchObject({ mean: 22, max: 22 });
  });

  it('slowDisk ×10 on the queue slows its writes on every replica: 10, 12, 12 → 12 ms', () => {
    expect(confirmMs({}, [{ atMs: 0, target: 'q', type: 'slowDisk', factor: 10 }])).toMatchObject({ mean: 12, max: 12 });
  });

  it('slowDisk ×10 on one broker slows only that replica; the majority does not wait for it: 1, 12, 3 → 3 ms', () => {
    expect(confirmMs({}, [{ atMs: 0, target: 'b2', type: 'slowDisk', factor: 10 }])).toMatchObject({ mean: 3, max: 3 });
    expect(confirmMs({}, [{ atMs: 0, target: 'b1', type: 'slowDisk', factor: 10 }])).toMatchObject({ mean: 3, max: 3 });
  });
});
