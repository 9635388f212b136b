import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import type { Simulation, Snapshot } from '../api';
import { createSimulation } from '../simulation';
import { expectBalanced, scenarioOf, scriptEvery, type EdgeInput, type NodeInput } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;

/**
 * A1.4: "unacked deliveries are requeued when their channel or connection closes", all of them at once, also the ones
 * still on their way to the consumer along a link with a delay. Such a delivery reaches the client on a channel that
 * is gone, and the client drops it: it is not processed, not counted as received, not acked. Its message was requeued
 * at the close (requeuedOnChannelClose) and comes back flagged redelivered.
 */
const slowLink = (delayMs: number): EdgeInput => ({ id: 'e1', source: 'q', target: 'c', config: { delayMs } });
const service = (ms: number) => ({ serviceTimeMs: { type: 'constant' as const, value: ms } });

function run(nodes: NodeInput[], delayMs: number, extra: Partial<ScenarioInput> = {}): Simulation {
  return createSimulation(scenarioOf(nodes, ['p>q', slowLink(delayMs)], { durationMs: 1_000_000, ...extra }));
}

const at = (s: Simulation, t: number): Snapshot => { s.runUntil(t); const snap = s.snapshot(); expectBalanced(snap); return snap; };

describe('A1.4: a delivery on its way when its channel closes', () => {
  // One message at 1 ms along a 100 ms link; the consumer is offline from 50 to 60 ms: the delivery is on its way.
  const offline = () => run([
    { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1) } },
    { id: 'q', kind: 'queue' },
    { id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: 5, ...service(10), offline: [{ fromMs: 50, toMs: 60 }] } },
  ], 100);

  it('consumer offline: requeued at the close (50 ms), delivered again when it is back (60 ms), flagged', () => {
    const s = offline();
    expect(at(s, 50).nodes.q).toMatchObject({ requeuedOnChannelClose: 1, nacked: 0, ready: 1, unacked: 0 });
    expect(at(s, 60).nodes.q).toMatchObject({ out: 2, redelivered: 1, ready: 0, unacked: 1 });
  });

  it('consumer offline: the first delivery reaches the client at 101 ms and is dropped: not received, not processed', () => {
    const s = offline();
    const snap = at(s, 150);
    expect(snap.nodes.c).toMatchObject({ in: 0, acked: 0, busy: 0, buffered: 0, ackFailed: 0, dropped: 0 });
    expect(snap.messages).toMatchObject({ inFlight: 1, queued: 0, dropped: 0 }); // the redelivery, on its way
    const end = at(s, 1000);
    // The redelivery (60 ms) arrives at 160, is processed by 170 and its ack is back at 270: once, acked once.
    expect(end.nodes.c).toMatchObject({ in: 1, acked: 1 });
    expect(end.nodes.q).toMatchObject({ in: 1, out: 2, acked: 1, redelivered: 1, requeuedOnChannelClose: 1, unacked: 0 });
    expect(end.messages).toMatchObject({ acked: 1, inFlight: 0, dropped: 0 });
    expect(end.audit).toMatchObject({ deliveredOnce: 1, deliveredMoreThanOnce: 0, lost: 0 });
  });

  it('consumer timeout: the close requeues the delivery still on the link with the one held', () => {
    // m1 at 1 ms is processed for 200 s against a 120 s timeout; m2, delivered at 179 s, is on a 5 s link at the
    // close (the tick at 180 s). Both are requeued then, and both delivered again at once (prefetch 5).
    const s = run([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1 }, { atMs: 179_000 }] } } },
      { id: 'q', kind: 'queue', config: { consumerTimeoutMs: 120_000 } },
      { id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: 5, ...service(200_000) } },
    ], 5_000);
    expect(at(s, 180_000).nodes.q).toMatchObject({ consumerTimeouts: 1, requeuedOnChannelClose: 2, out: 4, redelivered: 2, unacked: 2 });
    // m2's first delivery reaches the client at 184 s, on the closed channel: dropped. m1's copy in service goes on.
    const snap = at(s, 184_500);
    expect(snap.nodes.c).toMatchObject({ in: 1, busy: 1, buffered: 0 });
    expect(at(s, 185_000).nodes.c).toMatchObject({ in: 3, busy: 1, buffered: 2 });
  });

  it('a partition the broker notices as a dead link: the delivery on its way is requeued at the close', () => {
    // One message at 1 ms along a 2 s link, partitioned from 10 ms for 5 s: the broker closes the channel at 1 010 ms.
    const s = run([
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1) } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: 5, ...service(100) } },
    ], 2_000, { faults: [{ atMs: 10, target: 'e1', type: 'partition', durationMs: 5_000 }] as Faults });
    expect(at(s, 1_010).nodes.q).toMatchObject({ requeuedOnChannelClose: 1, ready: 1, unacked: 0 });
    // It reaches the client at 2 001 ms and is dropped; after the partition (5 010 ms) it is delivered again.
    expect(at(s, 3_000).nodes.c).toMatchObject({ in: 0, settlementsLost: 0 });
    const end = at(s, 20_000);
    expect(end.nodes.q).toMatchObject({ out: 2, redelivered: 1, acked: 1, unacked: 0 });
    expect(end.nodes.c).toMatchObject({ in: 1, acked: 1, settlementsLost: 0 });
    expect(end.messages).toMatchObject({ acked: 1, dropped: 0 });
  });

  it('a broker crash: the delivery on its way is requeued with the rest, survives (durable, persistent), comes back', () => {
    const s = run([
      { id: 'b', kind: 'broker' },
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1), persistent: true } },
      { id: 'q', kind: 'queue', config: { brokers: ['b'], durable: true } },
      { id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: 1, ...service(10) } },
    ], 100, { faults: [{ atMs: 50, target: 'b', type: 'crash', durationMs: 100 }] as Faults });
    expect(at(s, 50).nodes.q).toMatchObject({ requeuedOnChannelClose: 1, ready: 1, lostOnOutage: 0 });
    expect(at(s, 200).nodes.c).toMatchObject({ in: 0, ackFailed: 0 }); // dropped at 101 ms; the redelivery (150) is on its way
    const end = at(s, 1_000);
    expect(end.nodes.q).toMatchObject({ out: 2, redelivered: 1, acked: 1, unacked: 0 });
    expect(end.nodes.c).toMatchObject({ in: 1, acked: 1, ackFailed: 0 });
    expect(end.messages).toMatchObject({ acked: 1, dropped: 0 });
  });

  it('a delivery that arrived before the close is given back by the consumer, not twice by the queue', () => {
    // The same offline window, on a 20 ms link: the delivery arrived at 21 ms and is being processed at 50 ms.
    const s = run([
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1) } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: 5, ...service(100), offline: [{ fromMs: 50, toMs: 60 }] } },
    ], 20);
    expect(at(s, 50).nodes.q).toMatchObject({ requeuedOnChannelClose: 1, ready: 1, unacked: 0 });
    const end = at(s, 1_000);
    expect(end.nodes.q).toMatchObject({ out: 2, redelivered: 1, acked: 1, unacked: 0, requeuedOnChannelClose: 1 });
    expect(end.messages).toMatchObject({ acked: 1, dropped: 0 });
  });
});
