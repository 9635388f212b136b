import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import type { Simulation, Snapshot } from '../api';
import { createSimulation } from '../simulation';
import { expectBalanced, scenarioOf, scriptEvery } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;

/**
 * A1.4: "unacked deliveries are requeued when their channel or connection closes". A partition between a queue and its
 * consumer that lasts until the broker notices the dead connection (LINK_RETURN_MS, 1 s: missed heartbeats, our
 * assumption) closes the channel: every delivery it held unacked is requeued, what the consumer was processing goes on
 * and its ack fails, and its buffered deliveries are dropped by the client. After the partition it consumes again.
 *
 * Ten messages at 1–10 ms; one consumer, prefetch 5, 400 ms each; the link q → c (e1) is partitioned from 50 ms.
 */
const sim = (faults: Faults, queue: Record<string, unknown> = {}, ackMode: 'manual' | 'auto' = 'manual') => createSimulation(scenarioOf([
  { id: 'p', kind: 'producer', config: { arrival: scriptEvery(10, 1) } },
  { id: 'q', kind: 'queue', config: queue },
  { id: 'c', kind: 'consumer', config: { ackMode, prefetch: 5, serviceTimeMs: { type: 'constant', value: 400 } } },
], ['p>q', 'q>c'], { durationMs: 10_000, faults }));

const partition = (durationMs: number, atMs = 50): Faults => [{ atMs, target: 'e1', type: 'partition', durationMs }];

function balancedUntil(s: Simulation, endMs: number, from = 10): Snapshot {
  for (let t = from; t <= endMs; t += 10) { s.runUntil(t); expectBalanced(s.snapshot()); expect(s.snapshot().nodes.q!.unacked as number).toBeLessThanOrEqual(5); }
  return s.snapshot();
}

describe('A1.4: a partition the broker notices closes the consumer\'s channel', () => {
  it('1 s into the partition the channel closes: the buffered deliveries and the one in service are requeued', () => {
    const s = sim(partition(3000));
    s.runUntil(1049);
    // Five delivered before the partition. The first two were done at 401 and 801 ms, their acks lost (each back 1 s
    // later); the third is in service (801–1 201), two are buffered.
    expect(s.snapshot().nodes.q).toMatchObject({ requeuedOnChannelClose: 0, unacked: 5, ready: 5 });
    s.runUntil(1050);
    // At the close the consumer gives back the two buffered and a copy of the one in service; the two whose acks were
    // lost are on their way back (at 1 401 and 1 801): unacked until then, as the broker never had their acks.
    expect(s.snapshot().nodes.q).toMatchObject({ requeuedOnChannelClose: 3, unacked: 2, ready: 8 });
    expect(s.snapshot().nodes.c).toMatchObject({ buffered: 0, busy: 1 });
    s.runUntil(1801);
    expect(s.snapshot().nodes.q).toMatchObject({ requeuedOnChannelClose: 5, unacked: 0, ready: 10 });
  });

  it('what it was processing goes on; its ack finds the channel closed (ackFailed), and the queue\'s copy is processed again', () => {
    const snap = balancedUntil(sim(partition(3000)), 8000);
    expect(snap.nodes.c).toMatchObject({ ackFailed: 1, settlementsLost: 2 });
    // After the partition every message is delivered and acked; the three processed during it are processed twice.
    expect(snap.messages).toMatchObject({ produced: 10, acked: 10, dropped: 0, inFlight: 0, queued: 0 });
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 10, duplicates: 3, lost: 0, guarantee: 'at-least-once' });
  });

  it('a partition shorter than the time to notice closes nothing: only the lost ack comes back', () => {
    const snap = balancedUntil(sim(partition(500)), 6000);
    expect(snap.nodes.q).toMatchObject({ requeuedOnChannelClose: 1 });
    expect(snap.nodes.c).toMatchObject({ ackFailed: 0, settlementsLost: 1 });
    expect(snap.audit!.consumers.c).toMatchObject({ duplicates: 1 });
  });

  it('a partition that ends and begins again within the second is a new one: the close waits 1 s from the second start', () => {
    // 50–350 ms, then from 400 ms. The first ack (401 ms) is lost to the second partition.
    const s = sim([...partition(300, 50), ...partition(3000, 400)]);
    s.runUntil(1399);
    expect(s.snapshot().nodes.q).toMatchObject({ requeuedOnChannelClose: 0 }); // no close 1 s after the first start
    s.runUntil(1400);
    // Closed 1 s after the second start: a copy of the fourth (in service, 1 201–1 601) and the buffered fifth.
    expect(s.snapshot().nodes.q).toMatchObject({ requeuedOnChannelClose: 2 });
    balancedUntil(s, 6000, 1410);
  });

  it('an auto-ack subscription holds nothing unacked: nothing is requeued, nothing closes', () => {
    const snap = balancedUntil(sim(partition(3000), {}, 'auto'), 6000);
    expect(snap.nodes.q).toMatchObject({ requeuedOnChannelClose: 0 });
  });

  it('on a quorum queue each close is a return that counts towards the delivery-limit (A1.10)', () => {
    // Limit 0: the first return dead-letters (no target: discarded, delivery_limit).
    const snap = balancedUntil(sim(partition(3000), { flavor: 'quorum', deliveryLimit: 0 }), 6000);
    expect(snap.messages.droppedByReason).toMatchObject({ delivery_limit: 5 });
  });
});
