import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { expectBalanced, scenarioOf } from '../../testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });

/**
 * A2.1: DeleteMessage is a request to the queue, as ReceiveMessage is: across a link with a delay it arrives one way
 * later, and until then the message is in flight under its receipt. A delete sent before the visibility timeout ends
 * but arriving after it still deletes the message on a standard queue if nobody received it since (its receipt is the
 * latest); it deletes nothing if someone did, or on a FIFO queue (A2.3: the receipt expired).
 */
describe('an SQS DeleteMessage across a link with a delay', () => {
  /**
   * One message published at t=1 ms; the consumer's long poll, sent at 0, reaches the queue one link delay `delayMs` later
   * and takes it; processing takes `serviceMs`.
   */
  const run = (delayMs: number, serviceMs: number, visibilityTimeoutMs: number, fifo = false) => createSimulation(scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, ...(fifo ? { groupId: 'g' } : {}) }] } } },
    { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs, ...(fifo ? { fifo: { contentBasedDeduplication: true } } : {}) } },
    { id: 'c', kind: 'consumer', config: { delivery: 'pull', waitTimeMs: 20_000, serviceTimeMs: constant(serviceMs) } },
  ], ['p>q', { id: 'qc', source: 'q', target: 'c', config: { delayMs } }], { durationMs: 10_000 }), { audit: false });

  /**
   * The same message, and two consumers with long polls (visibility timeout 120 ms): c on a link of 30 ms each way,
   * working `serviceMs`; c2 on one of 40 ms, working `service2Ms`. c's poll reaches the queue first and takes it.
   */
  const runTwo = (serviceMs: number, service2Ms: number) => createSimulation(scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1 }] } } },
    { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 120 } },
    { id: 'c', kind: 'consumer', config: { delivery: 'pull', waitTimeMs: 20_000, serviceTimeMs: constant(serviceMs) } },
    { id: 'c2', kind: 'consumer', config: { delivery: 'pull', waitTimeMs: 20_000, serviceTimeMs: constant(service2Ms) } },
  ], ['p>q', { id: 'qc', source: 'q', target: 'c', config: { delayMs: 30 } }, { id: 'qc2', source: 'q', target: 'c2', config: { delayMs: 40 } }],
  { durationMs: 10_000 }), { audit: false });

  it('deletes the message one link delay after the consumer sent it; meanwhile it is the queue\'s, in flight', () => {
    // Received at 30 (the poll's arrival), at the consumer at 60, processed by 140, the delete at the queue at 170.
    const sim = run(30, 80, 1000);
    sim.runUntil(165);
    expect(sim.snapshot().nodes.q).toMatchObject({ acked: 0, unacked: 1 });
    expect(sim.snapshot().nodes.c!.acked).toBe(0);
    expect(sim.snapshot().messages).toMatchObject({ acked: 0, inFlight: 1 });
    expectBalanced(sim.snapshot());
    sim.runUntil(171);
    expect(sim.snapshot().nodes.q).toMatchObject({ acked: 1, unacked: 0, staleDeletes: 0 });
    expect(sim.snapshot().nodes.c).toMatchObject({ acked: 1, duplicates: 0 });
    expect(sim.snapshot().messages).toMatchObject({ acked: 1, inFlight: 0 });
    // Its end-to-end latency ends when the consumer sent the delete, as a delete taken at once does: 140 − 1 ms.
    expect(sim.snapshot().latencyMs.mean).toBeCloseTo(139, 3);
  });

  it('a delete that arrives after the visibility timeout deletes the message if nobody received it since (standard queue)', () => {
    // Received at 30, its timeout ends at 150 and it is visible again; the delete, sent at 140, reaches the queue at 170
    // with the receipt of that receive, still the latest: AWS deletes it. The consumer's next poll, sent after the delete,
    // comes after it.
    const sim = run(30, 80, 120);
    sim.runUntil(165);
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 1, unacked: 0, acked: 0 });
    expect(sim.snapshot().messages).toMatchObject({ queued: 1, inFlight: 0 });
    expectBalanced(sim.snapshot());
    sim.runUntil(171);
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 0, unacked: 0, acked: 1, staleDeletes: 0, lateDeletes: 1 });
    expect(sim.snapshot().nodes.c).toMatchObject({ acked: 1, duplicates: 0 });
    expect(sim.snapshot().messages).toMatchObject({ acked: 1, queued: 0, inFlight: 0 });
    expectBalanced(sim.snapshot());
    sim.runUntil(10_000);
    // Never received again.
    expect(sim.snapshot().nodes.q).toMatchObject({ out: 1, acked: 1 });
    expect(sim.snapshot().nodes.c).toMatchObject({ in: 1, acked: 1, duplicates: 0 });
    expectBalanced(sim.snapshot());
  });

  it('a delete that arrives after another consumer received the message deletes nothing: processed twice', () => {
    // As above, and c2's long poll (its link: 40 ms each way) waits at the queue from 40; it receives the message when it
    // becomes visible again at 150. c's delete at 170 carries an older receipt: nothing deleted. c2 deletes it at 240.
    const sim = runTwo(80, 10);
    sim.runUntil(171);
    expect(sim.snapshot().nodes.q).toMatchObject({ out: 2, acked: 0, staleDeletes: 1, unacked: 1 });
    expect(sim.snapshot().nodes.c).toMatchObject({ acked: 0, duplicates: 1 });
    expectBalanced(sim.snapshot());
    sim.runUntil(10_000);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ out: 2, acked: 1, staleDeletes: 1, lateDeletes: 0 });
    expect(snap.nodes.c).toMatchObject({ in: 1, acked: 0, duplicates: 1 });
    expect(snap.nodes.c2).toMatchObject({ in: 1, acked: 1, duplicates: 0 });
    expect(snap.messages).toMatchObject({ acked: 1, queued: 0, inFlight: 0 });
    expectBalanced(snap);
  });

  it('a delete with an older receipt deletes nothing also when the message is visible again', () => {
    // c (link 30 ms, 250 ms of work) receives it at 30; visible again at 150, c2 (link 40 ms, long poll waiting since 40)
    // receives it, and holds it past its own timeout: visible again at 270, under c2's receipt. c's delete at 340 names
    // the receive before: nothing deleted. c's next poll, right behind it, receives it a third time; that receive's
    // delete (at 650, the message visible again since 460, nobody having received it since) deletes it.
    const sim = runTwo(250, 1000);
    sim.runUntil(339);
    expect(sim.snapshot().nodes.q).toMatchObject({ out: 2, ready: 1, unacked: 0, acked: 0 });
    sim.runUntil(341);
    expect(sim.snapshot().nodes.q).toMatchObject({ out: 3, acked: 0, staleDeletes: 1 });
    expect(sim.snapshot().nodes.c).toMatchObject({ acked: 0, duplicates: 1 });
    expectBalanced(sim.snapshot());
    sim.runUntil(10_000);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ out: 3, acked: 1, staleDeletes: 2, lateDeletes: 1 }); // c2's delete, at 1230, is stale too
    expect(snap.nodes.c).toMatchObject({ in: 2, acked: 1, duplicates: 1 });
    expect(snap.nodes.c2).toMatchObject({ in: 1, acked: 0, duplicates: 1 });
    expect(snap.messages).toMatchObject({ acked: 1, queued: 0, inFlight: 0 });
    expectBalanced(snap);
  });

  it('on a FIFO queue a delete that arrives after the visibility timeout deletes nothing (the receipt expired)', () => {
    // A2.3: the same timing as the standard queue's above; the message is received again after each timeout, and each
    // time its delete comes 20 ms too late, so the run ends with it in flight.
    const sim = run(30, 80, 120, true);
    sim.runUntil(171);
    expect(sim.snapshot().nodes.q).toMatchObject({ acked: 0, staleDeletes: 1 });
    expect(sim.snapshot().nodes.c).toMatchObject({ acked: 0, duplicates: 1 });
    expectBalanced(sim.snapshot());
    sim.runUntil(10_000);
    const snap = sim.snapshot();
    expect(snap.nodes.c!.in as number).toBeGreaterThan(50);
    expect(snap.nodes.q).toMatchObject({ acked: 0 });
    expect(snap.nodes.q).not.toHaveProperty('lateDeletes'); // a standard queue's figure
    expect(snap.messages).toMatchObject({ acked: 0, inFlight: 1 });
    expectBalanced(snap);
  });

  it('without a delay a delete is taken at once, as before', () => {
    const sim = run(0, 80, 120);
    sim.runUntil(82);
    expect(sim.snapshot().nodes.q).toMatchObject({ acked: 1, staleDeletes: 0 });
    expect(sim.snapshot().nodes.c).toMatchObject({ acked: 1, duplicates: 0 });
  });
});
