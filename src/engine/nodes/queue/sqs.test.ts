import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { expectBalanced, scenarioOf, scriptedProducer } from '../../testSupport';

const puller = (id: string, config: Record<string, unknown>) => ({
  id, kind: 'consumer' as const, config: { delivery: 'pull' as const, pollIntervalMs: 50, ...config },
});

describe('A2.1 SQS visibility timeout', () => {
  it('hides a received message; deleted in time, it is gone', () => {
    const s = scenarioOf([
      scriptedProducer('p', ['a']), { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 1000 } },
      puller('c', { serviceTimeMs: { type: 'constant', value: 200 } }),
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(100);
    expect(sim.inspectNode('q')!.map((m) => m.state)).toEqual(['invisible (received, not deleted)']);
    expect(sim.snapshot().messages).toMatchObject({ queued: 0, inFlight: 1 });
    sim.runUntil(5000);
    expect(sim.snapshot().messages).toMatchObject({ acked: 1, inFlight: 0, queued: 0 });
    expect(sim.snapshot().nodes.q!.out).toBe(1);
  });

  it('brings a message back when it is not deleted within the timeout: processed twice, deleted once', () => {
    const s = scenarioOf([
      scriptedProducer('p', ['a']), { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 100 } },
      puller('c1', { serviceTimeMs: { type: 'constant', value: 150 } }), puller('c2', { serviceTimeMs: { type: 'constant', value: 20 } }),
    ], ['p>q', 'q>c1', 'q>c2']);
    const sim = createSimulation(s);
    sim.runUntil(5000);
    const snap = sim.snapshot();
    // c1 receives it at t≈1; it reappears at 101 and c2 deletes it at ≈121; c1's delete at 151 is stale.
    expect(snap.nodes.q).toMatchObject({ out: 2, acked: 1, staleDeletes: 1 });
    expect(snap.nodes.c1).toMatchObject({ acked: 0, duplicates: 1 }); // its delete came too late: nothing acked
    expect(snap.messages).toMatchObject({ acked: 1, queued: 0, inFlight: 0 });
  });

  it('a delete after the timeout still deletes the message if nobody received it since (standard queue)', () => {
    // c receives it at t≈1 and is busy until 201; it is visible again from 101, but nobody else polls: c's delete at 201
    // carries the latest receipt and deletes it (AWS DeleteMessage reference). On a FIFO queue the receipt has expired.
    for (const fifo of [false, true]) {
      const s = scenarioOf([
        { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'x', groupId: 'g' }] } } },
        { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 100, ...(fifo ? { fifo: { contentBasedDeduplication: true } } : {}) } },
        puller('c', { serviceTimeMs: { type: 'constant', value: 200 } }),
      ], ['p>q', 'q>c']);
      const sim = createSimulation(s);
      sim.runUntil(150);
      expect(sim.snapshot().nodes.q).toMatchObject({ ready: 1, unacked: 0 }); // visible again
      sim.runUntil(202);
      if (fifo) {
        expect(sim.snapshot().nodes.q).toMatchObject({ acked: 0, staleDeletes: 1 });
        expect(sim.snapshot().nodes.q).not.toHaveProperty('lateDeletes'); // a standard queue's figure
        expect(sim.snapshot().nodes.c).toMatchObject({ acked: 0, duplicates: 1 });
      } else {
        expect(sim.snapshot().nodes.q).toMatchObject({ out: 1, ready: 0, acked: 1, staleDeletes: 0, lateDeletes: 1 });
        expect(sim.snapshot().nodes.c).toMatchObject({ acked: 1, duplicates: 0 });
        expect(sim.snapshot().messages).toMatchObject({ acked: 1, queued: 0, inFlight: 0 });
      }
      expectBalanced(sim.snapshot());
    }
  });

  it('a failed message is not deleted and comes back after the timeout with a higher receive count', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'x', poison: true }] } } },
      { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 100 } },
      puller('c', { serviceTimeMs: { type: 'constant', value: 10 }, pollIntervalMs: 10 }),
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(350);
    const [m] = sim.inspectNode('q')!;
    expect(m!.receiveCount).toBe(4); // received at 0, 100, 200, 300
    expect(m!.redelivered).toBe(true);
  });
});

describe('A2.2 SQS redrive to a dead-letter queue', () => {
  it('lets a message be received maxReceiveCount times; the next receive moves it to the DLQ', () => {
    for (const maxReceiveCount of [1, 3]) {
      const s = scenarioOf([
        { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'x', poison: true }] } } },
        { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 100, maxReceiveCount } },
        puller('c', { serviceTimeMs: { type: 'constant', value: 10 }, pollIntervalMs: 10 }),
        { id: 'dlq', kind: 'queue', config: { flavor: 'sqs' } },
      ], ['p>q', 'q>c', 'q>dlq']);
      const sim = createSimulation(s, { tracing: true });
      sim.runUntil(10_000);
      expect(sim.snapshot().nodes.c!.in, `maxReceiveCount ${maxReceiveCount}`).toBe(maxReceiveCount);
      const [dead] = sim.inspectNode('dlq')!;
      // The DLQ copy keeps its receive count (AWS-REC: 2 after maxReceiveCount=1 on its first DLQ receive).
      expect(dead!.receiveCount).toBe(maxReceiveCount);
      expect(dead!.deaths[0]).toMatchObject({ queue: 'q', reason: 'maxReceiveCount' });
      expect(sim.snapshot().messages.deadLettered).toBe(1);
    }
  });
});

describe('A2.2 the dead-letter copy', () => {
  it('keeps counting receives: its first receive from the DLQ shows 2 after maxReceiveCount=1 (AWS-REC)', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'x', poison: true }] } } },
      { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 100, maxReceiveCount: 1 } },
      puller('c', { serviceTimeMs: { type: 'constant', value: 10 }, pollIntervalMs: 10 }),
      { id: 'dlq', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 100_000 } },
      puller('d', { serviceTimeMs: { type: 'constant', value: 1000 }, pollIntervalMs: 10 }),
    ], ['p>q', 'q>c', 'q>dlq', 'dlq>d']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(500); // moved at 100 ms, received from the DLQ by d (still processing it)
    const [m] = sim.inspectNode('dlq')!;
    expect(m!.state).toBe('invisible (received, not deleted)');
    expect(m!.receiveCount).toBe(2);
    expect(sim.snapshot().nodes.c!.in).toBe(1);
  });
});

describe('A2.1 polling', () => {
  it('counts empty polls of a short-polling consumer', () => {
    const s = scenarioOf([{ id: 'q', kind: 'queue', config: { flavor: 'sqs' } }, puller('c', { pollIntervalMs: 100 })], ['q>c']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    // Polls at 0, 100, …, 1000: all empty.
    expect(sim.snapshot().nodes.c).toMatchObject({ polls: 11, emptyPolls: 11 });
  });

  it('long polling waits for a message and returns as soon as one arrives', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1500, routingKey: 'x' }] } } },
      { id: 'q', kind: 'queue', config: { flavor: 'sqs' } },
      puller('c', { waitTimeMs: 20_000, serviceTimeMs: { type: 'constant', value: 0 } }),
    ], ['p>q', 'q>c'], { durationMs: 30_000 });
    const sim = createSimulation(s);
    sim.runUntil(1500);
    const snap = sim.snapshot();
    expect(snap.nodes.c).toMatchObject({ acked: 1, emptyPolls: 0 });
    expect(snap.latencyMs.max).toBe(0); // delivered to the waiting poll the instant it arrived
  });

  it('a long poll that finds nothing returns empty when the wait ends', () => {
    const s = scenarioOf([{ id: 'q', kind: 'queue', config: { flavor: 'sqs' } }, puller('c', { waitTimeMs: 20_000, pollIntervalMs: 1 })], ['q>c'], { durationMs: 60_000 });
    const sim = createSimulation(s);
    sim.runUntil(50_000);
    expect(sim.snapshot().nodes.c).toMatchObject({ emptyPolls: 2 }); // at 20 000 and 40 001
  });

  it('ReceiveMessage returns up to batchSize messages; basic.get returns one', () => {
    const run = (flavor: 'sqs' | 'classic') => {
      const s = scenarioOf([
        scriptedProducer('p', ['a', 'b', 'c', 'd']),
        { id: 'q', kind: 'queue', config: { flavor } },
        puller('c', { batchSize: 10, concurrency: 10, serviceTimeMs: { type: 'constant', value: 1000 }, pollIntervalMs: 10_000, offline: [{ fromMs: 0, toMs: 10 }] }),
      ], ['p>q', 'q>c']);
      const sim = createSimulation(s);
      sim.runUntil(11);
      return sim.snapshot().nodes.c!;
    };
    expect(run('sqs')).toMatchObject({ in: 4, polls: 2 }); // one poll at 10 takes all four (4 ≤ 10), the next is empty
    expect(run('classic').polls).toBe(5); // basic.get: four polls with one message each, then an empty one
  });
});

describe('A2.1 accounting while a stale receive is still being processed', () => {
  it('counts a message once: the queue owns it until deleted, whoever else still processes it', () => {
    const s = scenarioOf([
      scriptedProducer('p', ['a']), { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 100 } },
      puller('slow', { waitTimeMs: 20_000, serviceTimeMs: { type: 'constant', value: 300 } }),
      puller('fast', { waitTimeMs: 20_000, serviceTimeMs: { type: 'constant', value: 10 } }),
    ], ['p>q', 'q>slow', 'q>fast']);
    const sim = createSimulation(s);
    for (let t = 0; t <= 400; t += 10) {
      sim.runUntil(t);
      const m = sim.snapshot().messages;
      expect(m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped, `at ${t} ms`).toBe(m.produced);
    }
    expect(sim.snapshot().nodes.slow!.duplicates).toBe(1);
  });
});

describe('A2.1 accounting of a receive still on its way when its visibility timeout ends', () => {
  /**
   * c's link takes 30 ms each way, its poll and the delivery alike: received at 30, the message is visible again at 40,
   * before the delivery reaches c at 60. With a receive limit of 1, c2 (on a link without a delay, online from 35) then
   * tries to receive it, which moves it to the dead-letter queue. Either way the delivery reaching c is still an SQS
   * receive, counted by a queue, not a second time by c; once its receipt was zeroed on the way, and c counted it too.
   */
  const run = (maxReceiveCount?: number) => {
    const s = scenarioOf([
      scriptedProducer('p', ['a']), { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 10, maxReceiveCount } },
      puller('c', { pollIntervalMs: 5, serviceTimeMs: { type: 'constant', value: 100 } }),
      puller('c2', { pollIntervalMs: 5, serviceTimeMs: { type: 'constant', value: 100 }, offline: maxReceiveCount === undefined ? [{ fromMs: 0, toMs: 1000 }] : [{ fromMs: 0, toMs: 35 }] }),
      { id: 'dlq', kind: 'queue', config: { flavor: 'sqs' } },
    ], ['p>q', { id: 'qc', source: 'q', target: 'c', config: { delayMs: 30 } }, 'q>c2', 'q>dlq'], { durationMs: 1000 });
    const sim = createSimulation(s);
    for (let t = 0; t <= 1000; t += 5) {
      sim.runUntil(t);
      const m = sim.snapshot().messages;
      expect(m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped, `at ${t} ms`).toBe(m.produced);
    }
    return sim.snapshot();
  };

  it('visible again: counted once, by the queue', () => {
    expect(run().nodes.c).toMatchObject({ in: 1, acked: 1 }); // nobody received it since: its delete deleted it
  });

  it('moved to the dead-letter queue: counted once, by the dead-letter queue', () => {
    const snap = run(1);
    expect(snap.messages).toMatchObject({ produced: 1, deadLettered: 1, acked: 0, inFlight: 0 });
    expect(snap.nodes.c).toMatchObject({ in: 1, acked: 0, duplicates: 1 }); // its delete found the message gone
  });
});

describe('A2.1 a received message lost on the way to the consumer', () => {
  it('is not lost: it stays in flight (invisible) until its visibility timeout ends, then is received again', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 20 }, count: 40 } },
      { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 500 } },
      puller('c', { serviceTimeMs: { type: 'constant', value: 5 } }),
    ], ['p>q', 'q>c'], { durationMs: 10_000, faults: [{ atMs: 0, target: 'e1', type: 'linkLoss', probability: 0.5, durationMs: 1500 }] });
    const sim = createSimulation(s);
    sim.runUntil(10_000);
    const snap = sim.snapshot();
    expect(snap.messages.dropped).toBe(0);
    expect(snap.nodes.q!.out).toBeGreaterThan(40); // the lost receives were received again
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 40, duplicates: 0, lost: 0 });
  });
});

describe('A2.1 retention and A2.2 retention in the dead-letter queue', () => {
  it('deletes a message still in the queue when its retention period ends, with no dead-letter queue', () => {
    const s = scenarioOf([scriptedProducer('p', ['a']), { id: 'q', kind: 'queue', config: { flavor: 'sqs', retentionMs: 60_000 } }], ['p>q'], { durationMs: 120_000 });
    const sim = createSimulation(s);
    sim.runUntil(60_000);
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 1, expired: 0 });
    sim.runUntil(61_000);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ ready: 0, expired: 1 });
    expect(snap.messages.droppedByReason.expired).toBe(1);
  });

  it('counts a dead-lettered message\'s retention from its original enqueue, not from its move', () => {
    // Received at 0, failed, visible again at 30 s and moved on the next receive; the DLQ keeps messages
    // 60 s from their first enqueue, so it deletes this one at 60 s, about 30 s after the move.
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, poison: true }] } } },
      { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 30_000, maxReceiveCount: 1 } },
      puller('c', { serviceTimeMs: { type: 'constant', value: 1 } }),
      { id: 'dlq', kind: 'queue', config: { flavor: 'sqs', retentionMs: 60_000 } },
    ], ['p>q', 'q>c', 'q>dlq'], { durationMs: 120_000 });
    const sim = createSimulation(s);
    sim.runUntil(31_000);
    expect(sim.snapshot().nodes.dlq).toMatchObject({ ready: 1, expired: 0 });
    sim.runUntil(61_000);
    expect(sim.snapshot().nodes.dlq).toMatchObject({ ready: 0, expired: 1 });
  });
});
