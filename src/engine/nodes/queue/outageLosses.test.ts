/**
 * What a replicated queue's failover loses, told apart by what the publisher was told (A1.6, A1.13): a write
 * lost before the queue confirmed it (lostBeforeConfirm) was never said to be safe, so its publisher times out
 * and may send it again; a message lost after its confirm, or published without confirms, is a loss the broker
 * answers for (lostOnOutage).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { expectBalanced, reportNumber as num, scenarioOf } from '../../testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });

/**
 * 1000 msg/s into a queue on three brokers whose leader b1 crashes at 5 s (just after a publish). A write is
 * on a majority 20 ms + disk after it arrives (quorum), or on the mirrors after 50 ms (mirrored classic).
 */
function failover(flavor: 'quorum' | 'classic', confirms: boolean, diskMs: number, reader = false) {
  const brokers = ['b1', 'b2', 'b3'].map((id) => ({ id, kind: 'broker' as const, config: { replicationDelayMs: 20, diskWriteMs: constant(diskMs), electionDelayMs: 500 } }));
  const s = scenarioOf([
    ...brokers,
    { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 1000 }, persistent: true, ...(confirms ? { confirms: { window: 10_000 } } : {}) } },
    { id: 'q', kind: 'queue', config: { flavor, brokers: ['b1', 'b2', 'b3'], ...(flavor === 'classic' ? { durable: true, mirrorDelayMs: 50 } : {}) } },
    // A reader offline over the crash, so that the lost messages were bound for it (the audit charges it).
    ...(reader ? [{ id: 'c', kind: 'consumer' as const, config: { serviceTimeMs: constant(0.5), offline: [{ fromMs: 0, toMs: 6000 }] } }] : []),
  ], reader ? ['p>q', 'q>c'] : ['p>q'], { durationMs: 8000, faults: [{ atMs: 5000.5, target: 'b1', type: 'crash' }] });
  const sim = createSimulation(s);
  sim.runUntil(8000);
  const snap = sim.snapshot();
  expectBalanced(snap);
  return { snap, lost: snap.messages.droppedByReason.unreplicatedOnFailover ?? 0, q: snap.nodes.q };
}

describe('losses on a failover, by what the publisher was told', () => {
  it('a quorum queue with confirms loses only writes no majority held: none was confirmed, none is the broker\'s loss', () => {
    const { lost, q } = failover('quorum', true, 1);
    // About 21 ms of writes (20 ms to a follower + 1 ms on its disk) were on the leader alone.
    expect(lost).toBeGreaterThanOrEqual(19);
    expect(num(q, 'lostBeforeConfirm')).toBe(lost);
    expect(num(q, 'lostOnOutage')).toBe(0);
  });

  it('without confirms nobody will send the lost writes again: every one is the broker\'s loss', () => {
    const { lost, q } = failover('quorum', false, 1);
    expect(lost).toBeGreaterThanOrEqual(19);
    expect(num(q, 'lostOnOutage')).toBe(lost);
    expect(num(q, 'lostBeforeConfirm')).toBe(0);
  });

  it('a mirrored classic queue loses confirmed messages (not yet copied) and unconfirmed ones (not yet on disk) apart', () => {
    // Confirmed after a 10 ms disk write, copied after 50 ms: of ~50 ms of lost writes, ~10 ms were not confirmed yet.
    const { lost, q } = failover('classic', true, 10);
    expect(lost).toBeGreaterThanOrEqual(48);
    expect(num(q, 'lostBeforeConfirm')).toBeGreaterThanOrEqual(9);
    expect(num(q, 'lostBeforeConfirm')).toBeLessThanOrEqual(11);
    expect(num(q, 'lostOnOutage')).toBe(lost - num(q, 'lostBeforeConfirm'));
  });

  it('the audit charges the reader only with confirmed losses: a write never confirmed is no broken guarantee', () => {
    const { snap, lost, q } = failover('classic', true, 10, true);
    expect(num(q, 'lostBeforeConfirm')).toBeGreaterThan(0);
    expect(lost).toBe(num(q, 'lostOnOutage') + num(q, 'lostBeforeConfirm'));
    expect(snap.audit!.consumers.c!.lost).toBe(num(q, 'lostOnOutage'));
  });
});
