import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { expectBalanced, scenarioOf } from '../../testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });

/**
 * A2.1: DeleteMessage is a request to the queue, as ReceiveMessage is: across a link with a delay it arrives one way
 * later, and until then the message is in flight under its receipt. A delete sent before the visibility timeout ends
 * but arriving after it deletes nothing: the message is received again.
 */
describe('an SQS DeleteMessage across a link with a delay', () => {
  /**
   * One message published at t=1 ms; the consumer's long poll, sent at 0, reaches the queue one link delay `delayMs` later
   * and takes it; processing takes `serviceMs`.
   */
  const run = (delayMs: number, serviceMs: number, visibilityTimeoutMs: number) => createSimulation(scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1 }] } } },
    { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs } },
    { id: 'c', kind: 'consumer', config: { delivery: 'pull', waitTimeMs: 20_000, serviceTimeMs: constant(serviceMs) } },
  ], ['p>q', { id: 'qc', source: 'q', target: 'c', config: { delayMs } }], { durationMs: 10_000 }), { audit: false });

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

  it('a delete sent in time that arrives after the visibility timeout deletes nothing: the message is received again', () => {
    // Sent at 140, before the timeout at 150; at the queue at 170, after it. With no delay on the way back it would have
    // deleted the message.
    const sim = run(30, 80, 120);
    sim.runUntil(171);
    expect(sim.snapshot().nodes.q).toMatchObject({ acked: 0, staleDeletes: 1 });
    expect(sim.snapshot().nodes.c).toMatchObject({ acked: 0, duplicates: 1 });
    expectBalanced(sim.snapshot());
    sim.runUntil(10_000);
    const snap = sim.snapshot();
    // Received again after each timeout: each time its delete comes 20 ms too late, and the run ends with it in flight.
    expect(snap.nodes.c!.in as number).toBeGreaterThan(50);
    expect(snap.nodes.q).toMatchObject({ acked: 0 });
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
