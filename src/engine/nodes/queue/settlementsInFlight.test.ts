import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../schema';
import type { Simulation, Snapshot } from '../../api';
import { createSimulation } from '../../simulation';
import { expectBalanced, scenarioOf, scriptEvery } from '../../testSupport';

/**
 * A1.4: a delivery stays unacked until the broker gets its ack; A1.5: a consumer at its prefetch limit gets nothing
 * more until then. So across a link with a delay d the ack takes d to come back, and a prefetch-1 consumer takes one
 * message per 2d + service time, not d + service: the round trip RabbitMQ's prefetch advice is about.
 */
type Extra = Partial<ScenarioInput>;

function run(consumer: Record<string, unknown>, opts: { delayMs?: number; messages?: number; gapMs?: number; queue?: Record<string, unknown>; extra?: Extra } = {}): Simulation {
  return createSimulation(scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: scriptEvery(opts.messages ?? 1000, opts.gapMs ?? 1) } },
    { id: 'q', kind: 'queue', config: opts.queue ?? {} },
    { id: 'c', kind: 'consumer', config: { ackMode: 'manual', serviceTimeMs: { type: 'constant', value: 1 }, ...consumer } },
  ], ['p>q', { id: 'qc', source: 'q', target: 'c', config: { delayMs: opts.delayMs ?? 10 } }], { durationMs: 100_000, ...opts.extra }));
}

const at = (s: Simulation, t: number): Snapshot => { s.runUntil(t); const snap = s.snapshot(); expectBalanced(snap); return snap; };

describe('A1.4/A1.5: an ack across a link with a delay frees its prefetch slot when it reaches the queue', () => {
  it('prefetch 1 over a 10 ms link: one message per 21 ms (deliver 10, process 1, ack back 10), not per 11 ms', () => {
    const snap = at(run({ prefetch: 1 }), 1000);
    // Deliveries leave at 1, 22, 43, …: 48 by 1 s (the last at 988); before acks travelled, 90 did. The last one was
    // processed at 999 and its ack is on its way: sent by the consumer, not acked yet (A1.4), still unacked at the queue.
    expect(snap.nodes.q).toMatchObject({ out: 48, acked: 47, unacked: 1 });
    expect(snap.nodes.c).toMatchObject({ acked: 47, in: 48 });
  });

  it('prefetch 2 keeps two on the way: twice the rate', () => {
    const snap = at(run({ prefetch: 2 }), 1000);
    expect(snap.nodes.q!.out).toBeGreaterThanOrEqual(94);
    expect(snap.nodes.q!.out).toBeLessThanOrEqual(96);
  });

  it('a link delay fault adds to the way back too', () => {
    const snap = at(run({ prefetch: 1 }, { delayMs: 0, extra: { faults: [{ atMs: 0, target: 'qc', type: 'linkDelay', addMs: 10 }] } as Extra }), 1000);
    expect(snap.nodes.q).toMatchObject({ out: 48 });
  });

  it('the queue, the run and the consumer count the ack when it arrives (the message in flight until then)', () => {
    const s = run({ prefetch: 1 }, { messages: 1 });
    // Published at 1, delivered at 11, processed by 12, acked back at 22.
    expect(at(s, 21).nodes.q).toMatchObject({ acked: 0, unacked: 1 });
    // A1.4: not acked until the broker gets the ack (its channel could still close and requeue it).
    expect(at(s, 21).nodes.c).toMatchObject({ in: 1, acked: 0, busy: 0 });
    expect(at(s, 21).messages).toMatchObject({ acked: 0, inFlight: 1 });
    const arrived = at(s, 22);
    expect(arrived.nodes.q).toMatchObject({ acked: 1, unacked: 0 });
    expect(arrived.nodes.c).toMatchObject({ acked: 1 });
    expect(arrived.messages).toMatchObject({ acked: 1, inFlight: 0 });
  });
});

describe('A1.4: a nack across a link with a delay', () => {
  const failing = { prefetch: 1, failureProbability: 1, onFailure: 'requeue' };

  it('the nacked message is in flight until the nack arrives, then requeued and delivered again', () => {
    const s = run(failing, { messages: 1 });
    const onTheWay = at(s, 21);
    expect(onTheWay.nodes.q).toMatchObject({ nacked: 0, unacked: 1, ready: 0, redelivered: 0 });
    expect(onTheWay.messages).toMatchObject({ inFlight: 1, queued: 0 });
    expect(s.inspectNode('q')!.map((m) => m.state)).toEqual(['nack on its way (unacked until it arrives)']);
    const back = at(s, 22);
    expect(back.nodes.q).toMatchObject({ nacked: 1, redelivered: 1, out: 2 });
  });

  it('a reject (requeue=false) dead-letters or discards it when it arrives', () => {
    const s = run({ ...failing, onFailure: 'reject' }, { messages: 1 });
    expect(at(s, 21).nodes.q).toMatchObject({ discarded: 0 });
    expect(s.inspectNode('q')!.map((m) => m.state)).toEqual(['reject on its way (unacked until it arrives)']);
    expect(at(s, 22).nodes.q).toMatchObject({ nacked: 1, discarded: 1 });
  });

  it('an outage while a nack is on its way: the broker held the message unacked, so it comes back (durable, persistent)', () => {
    const s = createSimulation(scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 1), persistent: true } },
      { id: 'q', kind: 'queue', config: { durable: true } },
      { id: 'c', kind: 'consumer', config: { ackMode: 'manual', serviceTimeMs: { type: 'constant', value: 1 }, failureProbability: 1, onFailure: 'reject' } },
    ], ['p>q', { id: 'qc', source: 'q', target: 'c', config: { delayMs: 10 } }],
    { durationMs: 1000, faults: [{ atMs: 15, target: 'q', type: 'crash', durationMs: 20 }] }));
    const during = at(s, 30);
    // The reject never arrived: not discarded; the message is the queue's again, ready after the restart.
    expect(during.nodes.q).toMatchObject({ nacked: 0, discarded: 0, ready: 1, requeuedOnChannelClose: 1 });
    at(s, 60);
  });
});

describe('A1.4 consumer timeout while a nack is on its way', () => {
  it('the close requeues the message a nack on its way settles, at once, as the close\'s return; the nack is ignored', () => {
    // Two messages delivered at 11 and 12 ms over a 10 ms link (prefetch 2, one slot). The first is processed until
    // 179 995 ms, fails, and its nack leaves then, to arrive at 180 005; the second is then processed. At the 180 s tick
    // the second has been held past the 120 s timeout: the broker closes the channel and requeues it, and the first too,
    // which it still holds unacked (it never got the nack): both are the close's returns (requeuedOnChannelClose).
    const s = run({ prefetch: 2, failureProbability: 1, onFailure: 'requeue', serviceTimeMs: { type: 'constant', value: 179_984 } },
      { messages: 2, queue: { consumerTimeoutMs: 120_000 } });
    expect(at(s, 179_999).nodes.q).toMatchObject({ consumerTimeouts: 0, requeuedOnChannelClose: 0, nacked: 0 });
    const closed = at(s, 180_000);
    expect(closed.nodes.q).toMatchObject({ consumerTimeouts: 1, requeuedOnChannelClose: 2, nacked: 0, redelivered: 2 });
    expect(closed.nodes.q!.unacked).toBe(2); // both delivered again at once (prefetch 2), as the close left the slots free
    // The nack arrives at 180 005 on the closed channel: nothing changes.
    const before = at(s, 180_004);
    expect(at(s, 180_005).nodes.q).toEqual(before.nodes.q);
  });
});
