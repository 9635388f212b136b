import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import type { Simulation, Snapshot } from '../api';
import { createSimulation } from '../simulation';
import { expectBalanced, scenarioOf, scriptEvery, type NodeInput } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;

/**
 * A1.4: "unacked deliveries are requeued when their channel or connection closes". A delivery is unacked until the
 * broker gets its ack, so one whose ack is still on its way back along a link with a delay when the channel closes is
 * requeued at the close with the channel's other deliveries (redelivered; on a quorum queue a return toward the
 * delivery-limit, A1.10; in an outage it survives or is lost as they do), and the ack arriving later on the closed
 * channel is ignored. Its consumer processes it again: the at-least-once duplicate. Until the ack arrives the message
 * is not acked for the run either: it is in flight, the queue's.
 */
const service = (ms: number) => ({ serviceTimeMs: { type: 'constant' as const, value: ms } });
const manual = (extra: Record<string, unknown> = {}): NodeInput => ({ id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: 5, ...service(10), ...extra } });
const oneMessage = (persistent = true): NodeInput => ({ id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1), persistent } });

/** p → q → c, the subscription q → c along a link of `delayMs`. */
function run(nodes: NodeInput[], delayMs: number, extra: Partial<ScenarioInput> = {}): Simulation {
  return createSimulation(scenarioOf(nodes, ['p>q', { id: 'qc', source: 'q', target: 'c', config: { delayMs } }], { durationMs: 1_000_000, ...extra }));
}

const at = (s: Simulation, t: number): Snapshot => { s.runUntil(t); const snap = s.snapshot(); expectBalanced(snap); return snap; };

describe('A1.4: an ack on its way is not an ack yet', () => {
  it('the message is in flight, the queue\'s, until the ack arrives; then acked, once', () => {
    // Delivered at 1 ms along a 20 ms link, processed by 31 ms; the ack reaches q at 51 ms.
    const s = run([oneMessage(), { id: 'q', kind: 'queue' }, manual()], 20);
    expect(at(s, 50).messages).toMatchObject({ acked: 0, inFlight: 1 });
    expect(at(s, 50).nodes.q).toMatchObject({ acked: 0, unacked: 1 });
    expect(at(s, 50).nodes.c).toMatchObject({ in: 1, acked: 0, busy: 0 });
    // The inspector finds it at its queue, with what is on its way (no longer held by its consumer).
    expect(s.inspectNode('c')).toEqual([]);
    expect(s.inspectNode('q')).toEqual([expect.objectContaining({ id: 1, state: 'ack on its way (unacked until it arrives)' })]);
    const end = at(s, 51);
    expect(s.inspectNode('q')).toEqual([]);
    expect(end.messages).toMatchObject({ acked: 1, inFlight: 0 });
    expect(end.nodes.c).toMatchObject({ acked: 1 });
    // Its end-to-end latency ends when the consumer sent the ack (31 ms after its publish at 1 ms), not when it arrived.
    expect(end.latencyMs).toMatchObject({ count: 1, max: 30 });
  });
});

describe('A1.4 consumer timeout with an ack on its way', () => {
  // The link q → c is slow (a 40 s link delay fault) until 70 s. m1, delivered at 1 ms, reaches c at 40 001, is processed
  // by 41 001, and its ack would reach q at 81 001. The channel's tick at 60 s finds it unacked for more than the 30 s
  // timeout and closes the channel. The redelivery (60 s) reaches c at 100 s, and its ack, sent at 101 s when the link is
  // fast again, arrives at once.
  const slowThenFast = () => run([
    oneMessage(), { id: 'q', kind: 'queue', config: { consumerTimeoutMs: 30_000 } }, manual({ ...service(1_000) }),
  ], 0, { faults: [{ atMs: 0, target: 'qc', type: 'linkDelay', addMs: 40_000, durationMs: 70_000 }] as Faults });

  it('the close requeues the delivery whose ack is on its way and delivers it again, flagged redelivered', () => {
    const s = slowThenFast();
    expect(at(s, 59_999).nodes.q).toMatchObject({ consumerTimeouts: 0, unacked: 1, acked: 0 });
    const snap = at(s, 60_000);
    expect(snap.nodes.q).toMatchObject({ consumerTimeouts: 1, requeuedOnChannelClose: 1, nacked: 0, out: 2, redelivered: 1, unacked: 1, acked: 0 });
    expect(snap.nodes.c).toMatchObject({ ackFailed: 1, acked: 0 }); // the ack it sent is void
    expect(snap.messages).toMatchObject({ acked: 0, inFlight: 1, queued: 0 });
  });

  it('the late ack (81 001 ms) changes nothing', () => {
    const s = slowThenFast();
    const before = at(s, 81_000);
    const after = at(s, 81_001);
    expect(after.nodes.q).toEqual(before.nodes.q);
    expect(after.messages).toEqual(before.messages);
    expect(after.nodes.q).toMatchObject({ acked: 0, unacked: 1 });
  });

  it('the consumer processes it twice and it is acked once: at-least-once', () => {
    const s = slowThenFast();
    expect(s.inspectNode('c')).toEqual([]);
    s.runUntil(100_500);
    expect(s.inspectNode('c')![0]).toMatchObject({ id: 1, redelivered: true, deliveryCount: 2 });
    const end = at(s, 1_000_000);
    expect(end.nodes.c).toMatchObject({ in: 2, acked: 1, ackFailed: 1 });
    expect(end.nodes.q).toMatchObject({ consumerTimeouts: 1, acked: 1, unacked: 0, ready: 0 });
    expect(end.messages).toMatchObject({ produced: 1, acked: 1, inFlight: 0, dropped: 0 });
    expect(end.audit!.consumers.c).toMatchObject({ processed: 1, duplicates: 1, lost: 0, guarantee: 'at-least-once' });
  });
});

describe('A1.4 outages with an ack on its way (A1.6: it survives or is lost as the other unacked deliveries do)', () => {
  // m1 is delivered at 1 ms along a 20 ms link and processed by 31 ms; its ack would reach q at 51 ms. The queue's node
  // goes down at 40 ms for 100 ms: the redelivery leaves at 140 ms and is acked back at 190 ms.
  const crash = (queue: NodeInput, target: string, persistent = true, extraNodes: NodeInput[] = []) => run(
    [...extraNodes, oneMessage(persistent), queue, manual()], 20,
    { faults: [{ atMs: 40, target, type: 'crash', durationMs: 100 }] as Faults },
  );

  const survives = (s: Simulation) => {
    expect(at(s, 40).nodes.q).toMatchObject({ requeuedOnChannelClose: 1, acked: 0, lostOnOutage: 0 });
    expect(at(s, 40).nodes.c).toMatchObject({ ackFailed: 1 });
    expect(at(s, 60).nodes.q).toMatchObject({ acked: 0 }); // its ack arrived at 51 ms, on a channel that is gone
    const end = at(s, 1_000);
    expect(end.nodes.q).toMatchObject({ out: 2, redelivered: 1, acked: 1, unacked: 0, ready: 0 });
    expect(end.nodes.c).toMatchObject({ in: 2, acked: 1, ackFailed: 1 });
    // Acked once, not twice: the first ack never counted.
    expect(end.messages).toMatchObject({ produced: 1, acked: 1, dropped: 0, inFlight: 0 });
    expect(end.audit!.consumers.c).toMatchObject({ processed: 1, duplicates: 1, lost: 0, guarantee: 'at-least-once' });
  };

  it('a durable classic queue\'s broker crashes: the persistent message survives and is processed again', () => {
    survives(crash({ id: 'q', kind: 'queue', config: { brokers: ['b'], durable: true } }, 'b', true, [{ id: 'b', kind: 'broker' }]));
  });

  it('a quorum queue crashes: the message survives and is processed again', () => {
    survives(crash({ id: 'q', kind: 'queue', config: { flavor: 'quorum' } }, 'q'));
  });

  it('an idempotent consumer skips the redelivery; that ack, on its way too, is what acks the message', () => {
    // The redelivery (140 ms) reaches c at 160 ms, is recognised (A4 Idempotent Receiver) and acked unprocessed; the ack
    // crosses the link back and arrives at 180 ms.
    const s = run([oneMessage(), { id: 'q', kind: 'queue', config: { flavor: 'quorum' } }, manual({ idempotent: { windowMs: 60_000 } })], 20,
      { faults: [{ atMs: 40, target: 'q', type: 'crash', durationMs: 100 }] as Faults });
    expect(at(s, 179).messages).toMatchObject({ acked: 0, inFlight: 1 });
    const end = at(s, 1_000);
    expect(end.nodes.q).toMatchObject({ out: 2, redelivered: 1, acked: 1, unacked: 0 });
    expect(end.nodes.c).toMatchObject({ in: 2, ackFailed: 1 });
    expect(end.messages).toMatchObject({ acked: 1, inFlight: 0, dropped: 0 });
    expect(end.audit!.consumers.c).toMatchObject({ processed: 1, duplicates: 0, skippedDuplicates: 1 });
  });

  it('a transient message on a classic queue is lost with the queue, not acked', () => {
    const s = crash({ id: 'q', kind: 'queue', config: { brokers: ['b'], durable: true } }, 'b', false, [{ id: 'b', kind: 'broker' }]);
    const end = at(s, 1_000);
    expect(end.nodes.q).toMatchObject({ acked: 0, out: 1, lostOnOutage: 1 });
    expect(end.messages).toMatchObject({ produced: 1, acked: 0, dropped: 1 });
    expect(end.messages.droppedByReason).toMatchObject({ transientOnRestart: 1 });
  });
});

describe('A1.4 the consumer\'s own channel closing with its ack on its way', () => {
  it('it goes offline: the delivery is requeued at once and processed again when it is back', () => {
    // Processed by 31 ms; offline from 40 to 60 ms; its ack would reach q at 51 ms.
    const s = run([oneMessage(), { id: 'q', kind: 'queue' }, manual({ offline: [{ fromMs: 40, toMs: 60 }] })], 20);
    expect(at(s, 40).nodes.q).toMatchObject({ requeuedOnChannelClose: 1, ready: 1, unacked: 0, acked: 0 });
    const end = at(s, 1_000);
    expect(end.nodes.q).toMatchObject({ out: 2, redelivered: 1, acked: 1, unacked: 0 });
    expect(end.nodes.c).toMatchObject({ in: 2, acked: 1, ackFailed: 1 });
    expect(end.messages).toMatchObject({ acked: 1, dropped: 0, inFlight: 0 });
  });

  it('a partition the broker notices as a dead link: requeued at the close, processed again after it', () => {
    // A 2 s link: processed by 2 011 ms, its ack on its way until 4 011. Partitioned from 2 100 ms for 5 s: the broker
    // closes the channel at 3 100 ms; the ack, already on the wire, arrives at 4 011 on the closed channel.
    const s = run([oneMessage(), { id: 'q', kind: 'queue' }, manual()], 2_000,
      { faults: [{ atMs: 2_100, target: 'qc', type: 'partition', durationMs: 5_000 }] as Faults });
    expect(at(s, 3_100).nodes.q).toMatchObject({ requeuedOnChannelClose: 1, ready: 1, unacked: 0 });
    expect(at(s, 4_011).nodes.q).toMatchObject({ acked: 0, ready: 1 });
    const end = at(s, 20_000);
    expect(end.nodes.q).toMatchObject({ out: 2, redelivered: 1, acked: 1, unacked: 0 });
    expect(end.nodes.c).toMatchObject({ in: 2, acked: 1, ackFailed: 1, settlementsLost: 0 });
    expect(end.messages).toMatchObject({ acked: 1, dropped: 0 });
  });
});

describe('A1.10: on a quorum queue the return counts toward the delivery-limit', () => {
  it('a message whose ack is on its way at each of two closes is dead-lettered at the second (delivery-limit 1)', () => {
    // A 90 s link and a 120 s timeout: the round trip outlasts the timeout, so each delivery's ack is on its way when
    // the channel closes (180 s, 360 s). The first return is within the limit; the second is past it.
    const s = run([oneMessage(), { id: 'q', kind: 'queue', config: { flavor: 'quorum', consumerTimeoutMs: 120_000, deliveryLimit: 1 } },
      manual({ ...service(1_000) })], 90_000);
    expect(at(s, 180_000).nodes.q).toMatchObject({ consumerTimeouts: 1, redelivered: 1, unacked: 1, discarded: 0 });
    const snap = at(s, 360_000);
    expect(snap.nodes.q).toMatchObject({ consumerTimeouts: 2, requeuedOnChannelClose: 2, redelivered: 1, discarded: 1, unacked: 0, acked: 0 });
    expect(snap.messages).toMatchObject({ produced: 1, acked: 0, inFlight: 0, dropped: 1 });
    expect(snap.messages.droppedByReason).toMatchObject({ delivery_limit: 1 });
    expect(snap.nodes.c).toMatchObject({ in: 2, ackFailed: 2 });
  });
});
