import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import type { Simulation, Snapshot } from '../api';
import { createSimulation } from '../simulation';
import { expectBalanced, poolOf, scenarioOf, scriptEvery } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;

/**
 * A1.4: "unacked deliveries are requeued when their channel or connection closes", and an ack on a closed channel is
 * impossible. A consumer whose channel the broker closes (its queue's broker crashed, its leader failed over) while it
 * processes a message does not stop: it finishes, its ack fails, and the broker redelivers the requeued message, which
 * is processed a second time (at-least-once). Buffered deliveries it has not started are simply given back.
 *
 * Persistent messages published at 1, 2, 3 … ms to a manual-ack consumer with one 100 ms slot: at 50 ms it is
 * processing message 1 (done at 101 ms) when the fault strikes.
 */
const consumer = (prefetch: number) =>
  ({ id: 'c', kind: 'consumer' as const, config: { ackMode: 'manual' as const, prefetch, serviceTimeMs: { type: 'constant' as const, value: 100 } } });

/** Runs `sim` to `endMs` a millisecond at a time, checking the balance at each. */
function runBalanced(sim: Simulation, endMs: number): Snapshot {
  for (let t = 1; t <= endMs; t++) { sim.runUntil(t); expectBalanced(sim.snapshot()); }
  return sim.snapshot();
}

describe('A1.4: a consumer processing a message when its quorum queue\'s leader broker crashes (3 brokers)', () => {
  const sim = () => createSimulation(scenarioOf([
    ...['b1', 'b2', 'b3'].map((id) => ({ id, kind: 'broker' as const, config: { replicationDelayMs: 2, electionDelayMs: 500 } })),
    { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1), persistent: true } },
    { id: 'q', kind: 'queue', config: { flavor: 'quorum', brokers: ['b1', 'b2', 'b3'] } },
    consumer(1),
  ], ['p>q', 'q>c'], { durationMs: 2000, faults: [{ atMs: 50, target: 'b1', type: 'crash' }] as Faults }));

  it('finishes it (its ack fails), and processes the requeued copy again after the election: at-least-once', () => {
    const s = sim();
    const snap = runBalanced(s, 2000);
    // Processed at 101 ms (ack failed) and again, redelivered by the new leader (550 ms), at 650 ms.
    expect(snap.nodes.c).toMatchObject({ in: 2, acked: 1, ackFailed: 1, nacked: 0, busy: 0 }); // acked: what the queue took
    expect(snap.nodes.q).toMatchObject({ out: 2, redelivered: 1, acked: 1, unacked: 0, ready: 0 });
    expect(snap.messages).toMatchObject({ produced: 1, acked: 1, dropped: 0, inFlight: 0, queued: 0 });
    expect(snap.audit).toMatchObject({ duplicates: 1, lost: 0 });
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 1, duplicates: 1, lost: 0, guarantee: 'at-least-once' });
  });

  it('while it finishes, the queue holds the one accounted copy, a distinct object; the consumer\'s is no one\'s', () => {
    const s = sim();
    s.runUntil(60);
    const snap = s.snapshot();
    // The orphan is not in flight: the queue's requeued copy is the message's one copy in the balance.
    expect(snap.messages).toMatchObject({ produced: 1, queued: 1, inFlight: 0 });
    expect(snap.nodes.c).toMatchObject({ busy: 1 });
    const [held] = s.inspectNode('c')!;
    const [ready] = s.inspectNode('q')!;
    expect(held).toMatchObject({ id: 1, redelivered: false });
    // The copy was flagged redelivered by the queue, the consumer's message was not: two objects.
    expect(ready).toMatchObject({ id: 1, redelivered: true });
    const pooled = poolOf(s).size;
    s.runUntil(110); // the orphan is done: its object, the consumer's alone, goes back to the pool
    expect(poolOf(s).size).toBe(pooled + 1);
    s.runUntil(2000); // the copy is acked and released in its turn (releasing one object twice would throw)
    expect(s.snapshot().messages).toMatchObject({ acked: 1 });
  });
});

describe('A1.4, A1.12: a consumer processing a message of a non-durable classic queue whose broker crashes', () => {
  const crashFor = (durationMs: number) => createSimulation(scenarioOf([
    { id: 'b', kind: 'broker' },
    { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1), persistent: true } },
    { id: 'q', kind: 'queue', config: { brokers: ['b'], durable: false } },
    consumer(1),
  ], ['p>q', 'q>c'], { durationMs: 1000, faults: [{ atMs: 50, target: 'b', type: 'crash', durationMs }] as Faults }));

  // The copy is lost on boot (at 150 ms, after the processing ended at 101 ms; or at 60 ms, before it ended): either way
  // the audit's total counts it as dropped after processing, not lost, as the consumer's own row does.
  it.each([100, 10])('the copy lost on boot is no loss in the audit\'s totals either (restart after %i ms)', (durationMs) => {
    const snap = runBalanced(crashFor(durationMs), 1000);
    expect(snap.messages).toMatchObject({ dropped: 1, droppedByReason: { transientOnRestart: 1 } });
    expect(snap.audit).toMatchObject({ lost: 0, lostByReason: {}, droppedAfterProcessing: 1 });
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 1, lost: 0 });
  });

  it('processes it once, though the queue\'s copy is deleted on boot: no loss for that consumer', () => {
    const s = crashFor(100);
    const snap = runBalanced(s, 1000);
    expect(snap.nodes.c).toMatchObject({ in: 1, acked: 0, ackFailed: 1 });
    expect(snap.nodes.q).toMatchObject({ out: 1, acked: 0, lostOnOutage: 1 });
    // The broker lost its copy (transientOnRestart, in the run's totals), but the message was processed.
    expect(snap.messages).toMatchObject({ acked: 0, dropped: 1, droppedByReason: { transientOnRestart: 1 } });
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 1, duplicates: 0, lost: 0, guarantee: 'exactly-once' });
  });
});

describe('A1.4: buffered deliveries just go back when the broker closes the channel', () => {
  it('with a prefetch of 3 the message in service is processed twice, the two buffered ones once', () => {
    const s = createSimulation(scenarioOf([
      { id: 'b', kind: 'broker' },
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(3, 1), persistent: true } },
      { id: 'q', kind: 'queue', config: { brokers: ['b'] } },
      consumer(3),
    ], ['p>q', 'q>c'], { durationMs: 1000, faults: [{ atMs: 50, target: 'b', type: 'crash', durationMs: 100 }] as Faults }));
    const snap = runBalanced(s, 1000);
    // Message 1 done at 101 ms (ack failed); after the restart (150 ms) 1, 2, 3 are redelivered, done at 250, 350, 450.
    expect(snap.nodes.c).toMatchObject({ in: 6, acked: 3, ackFailed: 1 });
    expect(snap.nodes.q).toMatchObject({ in: 3, out: 6, redelivered: 3, acked: 3, unacked: 0 });
    expect(snap.messages).toMatchObject({ acked: 3, dropped: 0 });
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 3, duplicates: 1, lost: 0, guarantee: 'at-least-once' });
  });

  it('a consumer that crashes while finishing an orphan gives nothing back for it (the queue has its copy)', () => {
    const s = createSimulation(scenarioOf([
      { id: 'b', kind: 'broker' },
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1), persistent: true } },
      { id: 'q', kind: 'queue', config: { brokers: ['b'] } },
      consumer(1),
    ], ['p>q', 'q>c'], {
      durationMs: 1000,
      faults: [{ atMs: 50, target: 'b', type: 'crash', durationMs: 100 }, { atMs: 70, target: 'c', type: 'crash', durationMs: 100 }] as Faults,
    }));
    const snap = runBalanced(s, 1000);
    // The orphan never finishes; the copy is redelivered after the consumer's restart (170 ms), processed at 270 ms.
    expect(snap.nodes.c).toMatchObject({ acked: 1, ackFailed: 0 });
    expect(snap.nodes.q).toMatchObject({ acked: 1, ready: 0, unacked: 0 });
    expect(snap.messages).toMatchObject({ produced: 1, acked: 1, queued: 0, dropped: 0 });
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 1, duplicates: 0, guarantee: 'exactly-once' });
  });
});
