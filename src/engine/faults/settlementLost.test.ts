import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import type { Simulation, Snapshot } from '../api';
import { createSimulation } from '../simulation';
import { expectBalanced, scenarioOf, scriptEvery } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;
type NodeInput = ScenarioInput['nodes'][number];

/**
 * A1.4: a delivery stays unacked until its ack reaches the broker or its channel closes. An ack (or nack) sent while the
 * queue → consumer link is partitioned never reaches it: the broker requeues the message when it notices the dead
 * channel, as it does a delivery lost on that link, and it is processed again (at-least-once).
 *
 * One message at 1 ms; the consumer takes 100 ms (done at 101 ms); the link q → c is partitioned from 50 ms to 2 s.
 */
const partitioned: Faults = [{ atMs: 50, target: 'e1', type: 'partition', durationMs: 1950 }];
const consumer = (config: Record<string, unknown> = {}): NodeInput =>
  ({ id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: 1, serviceTimeMs: { type: 'constant', value: 100 }, ...config } });

function runBalanced(sim: Simulation, endMs: number): Snapshot {
  for (let t = 10; t <= endMs; t += 10) { sim.runUntil(t); expectBalanced(sim.snapshot()); }
  return sim.snapshot();
}

describe('A1.4: an ack or nack across a partitioned subscription link is lost', () => {
  const sim = (queue: Record<string, unknown> = {}, c = consumer(), faults = partitioned) => createSimulation(scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1) } },
    { id: 'q', kind: 'queue', config: queue }, c,
  ], ['p>q', 'q>c'], { durationMs: 4000, faults }));

  it('the ack is lost: the queue requeues the message once it notices, and it is processed again after the partition', () => {
    const s = sim();
    s.runUntil(150); // processed at 101 ms; its ack lost
    expect(s.snapshot().nodes.c).toMatchObject({ acked: 0, settlementsLost: 1, busy: 0 });
    expect(s.snapshot().messages).toMatchObject({ acked: 0, inFlight: 1 }); // the queue's, on its way back
    const snap = runBalanced(s, 4000);
    // Redelivered after the partition (each delivery meanwhile lost on the link and returned), processed, acked.
    expect(snap.messages).toMatchObject({ produced: 1, acked: 1, dropped: 0, inFlight: 0, queued: 0 });
    expect(snap.nodes.c).toMatchObject({ acked: 1, settlementsLost: 1 });
    expect(snap.nodes.q).toMatchObject({ acked: 1, nacked: 0, unacked: 0 });
    expect(snap.nodes.q!.requeuedOnChannelClose as number).toBeGreaterThanOrEqual(1);
    expect(snap.audit).toMatchObject({ duplicates: 1, lost: 0 });
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 1, duplicates: 1, guarantee: 'at-least-once' });
  });

  it('without the partition the ack gets through: processed once', () => {
    const snap = runBalanced(sim({}, consumer(), []), 4000);
    expect(snap.nodes.c).toMatchObject({ acked: 1, settlementsLost: 0 });
    expect(snap.audit).toMatchObject({ duplicates: 0 });
  });

  it('a nack is lost too: the queue requeues the message as a closed channel\'s, not as nacked', () => {
    const s = sim({}, consumer({ failureProbability: 1 }), [{ atMs: 50, target: 'e1', type: 'partition', durationMs: 100 }]);
    s.runUntil(120);
    expect(s.snapshot().nodes.c).toMatchObject({ nacked: 1, settlementsLost: 1 });
    s.runUntil(1150); // the queue noticed 1 s after the lost nack and requeued the message: no nack of the consumer's reached it
    expect(s.snapshot().nodes.q).toMatchObject({ nacked: 0, requeuedOnChannelClose: 1, redelivered: 1 });
    s.runUntil(1250); // the redelivery failed too, and its nack got through
    expect(s.snapshot().nodes.q).toMatchObject({ nacked: 1, requeuedOnChannelClose: 1 });
    expect(s.snapshot().nodes.c).toMatchObject({ nacked: 2, settlementsLost: 1 });
  });

  it('what waited in the queue behind the partition is delivered the moment it ends, not at the next publish', () => {
    const s = sim({}, consumer(), [{ atMs: 0, target: 'e1', type: 'partition', durationMs: 500 }]);
    s.runUntil(499);
    expect(s.snapshot().nodes.q).toMatchObject({ ready: 1, out: 0 });
    s.runUntil(500);
    expect(s.snapshot().nodes.q).toMatchObject({ ready: 0, out: 1 });
  });

  it('an auto-ack consumer sends no ack: nothing to lose', () => {
    const snap = runBalanced(sim({}, consumer({ ackMode: 'auto' })), 4000);
    expect(snap.nodes.c).toMatchObject({ settlementsLost: 0 });
    expect(snap.messages).toMatchObject({ acked: 1 });
  });

  it('SQS: the delete is lost; the message comes back when its visibility timeout ends and is processed again (A2.1)', () => {
    // Received by its first polls (within 500 ms), processed for 1 s while the link is cut from 600 ms to 1.6 s.
    const pull = consumer({ delivery: 'pull', serviceTimeMs: { type: 'constant', value: 1000 } });
    const s = sim({ flavor: 'sqs', visibilityTimeoutMs: 2500 }, pull, [{ atMs: 600, target: 'e1', type: 'partition', durationMs: 1000 }]);
    s.runUntil(1700);
    expect(s.snapshot().nodes.c).toMatchObject({ settlementsLost: 1, acked: 0 });
    expect(s.snapshot().nodes.q).toMatchObject({ staleDeletes: 0 }); // no delete reached it at all
    const snap = runBalanced(s, 4000);
    expect(snap.messages).toMatchObject({ acked: 1, queued: 0, inFlight: 0 });
    expect(snap.audit).toMatchObject({ duplicates: 1, lost: 0 });
  });
});
