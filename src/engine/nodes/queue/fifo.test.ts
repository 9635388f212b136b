import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

type Msg = { atMs: number; groupId?: string; deduplicationId?: string; poison?: boolean; routingKey?: string };

const producer = (id: string, messages: Msg[], extra: Record<string, unknown> = {}) => ({
  id, kind: 'producer' as const,
  config: { arrival: { type: 'script' as const, messages: messages.map((m) => ({ routingKey: m.groupId ?? 'k', ...m })) }, ...extra },
});
const fifoQueue = (fifo: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  id: 'q', kind: 'queue' as const, config: { flavor: 'sqs' as const, visibilityTimeoutMs: 1000, fifo: { contentBasedDeduplication: true, ...fifo }, ...extra },
});
const puller = (id: string, config: Record<string, unknown> = {}) => ({
  id, kind: 'consumer' as const, config: { delivery: 'pull' as const, pollIntervalMs: 10, serviceTimeMs: { type: 'constant' as const, value: 100 }, ...config },
});

describe('A2.3 SQS FIFO group lock', () => {
  it('returns nothing of a group while one of its messages is in flight; another group is served', () => {
    // g1 has two messages, g2 one; two consumers. c1 takes g1's first; c2 must get g2's, not g1's second.
    const s = scenarioOf([
      producer('p', [{ atMs: 0, groupId: 'g1' }, { atMs: 0, groupId: 'g1' }, { atMs: 0, groupId: 'g2' }]),
      fifoQueue(), puller('c1'), puller('c2'),
    ], ['p>q', 'q>c1', 'q>c2']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(50);
    const views = sim.inspectNode('q')!;
    expect(views.map((v) => [v.id, v.state])).toEqual([[2, 'ready'], [1, 'invisible (received, not deleted)'], [3, 'invisible (received, not deleted)']]);
    sim.runUntil(150);
    // c1 deleted message 1 at 100: the group unlocks and message 2 goes out.
    expect(sim.inspectNode('q')!.map((v) => [v.id, v.state])).toEqual([[2, 'invisible (received, not deleted)']]);
    sim.runUntil(1000);
    expect(sim.snapshot().messages).toMatchObject({ acked: 3, queued: 0, inFlight: 0 });
  });

  it('a standard SQS queue hands the second message of the same key to the idle consumer at once', () => {
    const s = scenarioOf([
      producer('p', [{ atMs: 0 }, { atMs: 0 }, { atMs: 0 }]),
      { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 1000 } }, puller('c1'), puller('c2'),
    ], ['p>q', 'q>c1', 'q>c2']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(50);
    expect(sim.inspectNode('q')!.filter((v) => v.state !== 'ready').map((v) => v.id)).toEqual([1, 2]);
  });

  it('a receive takes as many messages of one group as it can, then the next oldest group', () => {
    const s = scenarioOf([
      producer('p', [{ atMs: 0, groupId: 'a' }, { atMs: 0, groupId: 'b' }, { atMs: 0, groupId: 'a' }, { atMs: 0, groupId: 'a' }, { atMs: 0, groupId: 'b' }]),
      // Offline until every message is in: its first receive sees all five.
      fifoQueue(), puller('c', { batchSize: 4, concurrency: 4, offline: [{ fromMs: 0, toMs: 5 }] }),
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(6);
    const inFlight = sim.inspectNode('q')!.filter((v) => v.state !== 'ready').map((v) => v.id);
    // Group a first (oldest head: message 1): 1, 3, 4; then group b's head, 2.
    expect(inFlight.sort()).toEqual([1, 2, 3, 4]);
    expect(sim.inspectNode('q')!.filter((v) => v.state === 'ready').map((v) => v.id)).toEqual([5]);
  });

  it('a message whose visibility timeout ends comes back at the head of its group, before the rest', () => {
    // Message 1 fails (poison): it is not deleted, so g1 stays locked until its visibility ends at 1000.
    const s = scenarioOf([
      producer('p', [{ atMs: 0, groupId: 'g1', poison: true }, { atMs: 0, groupId: 'g1' }, { atMs: 0, groupId: 'g1' }]),
      fifoQueue({}, { maxReceiveCount: 2 }), puller('c1'), puller('c2'),
      { id: 'dlq', kind: 'queue', config: { flavor: 'sqs', fifo: { contentBasedDeduplication: true } } },
    ], ['p>q', 'q>c1', 'q>c2', 'q>dlq']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(999);
    expect(sim.snapshot().nodes.q).toMatchObject({ out: 1 }); // nothing else of g1 in the meantime
    sim.runUntil(1050);
    const views = sim.inspectNode('q')!;
    expect(views.find((v) => v.state !== 'ready')!.id).toBe(1); // received again, before 2 and 3
    sim.runUntil(10_000);
    const audit = sim.snapshot().audit!;
    expect(audit.outOfOrder).toBe(0);
    expect(sim.snapshot().nodes.dlq).toMatchObject({ in: 1 });
    expect(sim.snapshot().messages).toMatchObject({ acked: 2, deadLettered: 1 });
  });

  it('keeps order per group across competing consumers under failures; a standard queue does not', () => {
    const messages: Msg[] = Array.from({ length: 60 }, (_, i) => ({ atMs: i * 5, groupId: `g${(i % 3) + 1}` }));
    const run = (fifo: boolean) => {
      const queue = fifo ? fifoQueue({}, { visibilityTimeoutMs: 300 }) : { id: 'q', kind: 'queue' as const, config: { flavor: 'sqs' as const, visibilityTimeoutMs: 300 } };
      const s = scenarioOf([
        producer('p', messages), queue,
        ...['c1', 'c2', 'c3'].map((id) => puller(id, { serviceTimeMs: { type: 'uniform', min: 5, max: 60 }, failureProbability: 0.2 })),
      ], ['p>q', 'q>c1', 'q>c2', 'q>c3'], { seed: 7 });
      const sim = createSimulation(s);
      sim.runUntil(60_000);
      return sim.snapshot();
    };
    const withFifo = run(true);
    const standard = run(false);
    expect(withFifo.audit!.outOfOrder).toBe(0);
    expect(withFifo.messages).toMatchObject({ acked: 60, queued: 0, inFlight: 0 });
    expect(standard.audit!.outOfOrder).toBeGreaterThan(0);
  });
});

describe('A2.3 SQS FIFO deduplication', () => {
  it('a redrive into a FIFO dead-letter queue is neither deduplicated nor refused (A2.2: its id replaces the dedup id)', () => {
    const s = scenarioOf([
      producer('p', [{ atMs: 0, groupId: 'g', poison: true }]),
      fifoQueue({}, { maxReceiveCount: 1, visibilityTimeoutMs: 100 }), puller('c', { serviceTimeMs: { type: 'constant', value: 1 } }),
      { id: 'dlq', kind: 'queue', config: { flavor: 'sqs', fifo: { contentBasedDeduplication: false } } },
    ], ['p>q', 'q>c', 'q>dlq']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.dlq).toMatchObject({ in: 1, ready: 1, invalidPublish: 0, deduplicated: 0 });
  });

  it('accepts a duplicate within the window without delivering it, and delivers it after the window', () => {
    const s = scenarioOf([
      producer('p', [
        { atMs: 0, groupId: 'g', deduplicationId: 'x' }, { atMs: 100, groupId: 'g', deduplicationId: 'x' },
        { atMs: 1100, groupId: 'g', deduplicationId: 'x' },
      ]),
      fifoQueue({ contentBasedDeduplication: false, deduplicationWindowMs: 1000 }), puller('c', { serviceTimeMs: { type: 'constant', value: 1 } }),
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(5000);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ deduplicated: 1, in: 2, out: 2, invalidPublish: 0 });
    expect(snap.messages).toMatchObject({ acked: 2, dropped: 1, droppedByReason: { deduplicated: 1 } });
  });

  it('keeps the id tracked after the message was received and deleted', () => {
    const s = scenarioOf([
      producer('p', [{ atMs: 0, groupId: 'g', deduplicationId: 'x' }, { atMs: 500, groupId: 'g', deduplicationId: 'x' }]),
      fifoQueue({ contentBasedDeduplication: false }), puller('c', { serviceTimeMs: { type: 'constant', value: 1 } }),
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(100);
    expect(sim.snapshot().messages).toMatchObject({ acked: 1, queued: 0 }); // received and deleted
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.q).toMatchObject({ deduplicated: 1, out: 1 });
  });

  it('scope queue: the same id in two groups is a duplicate; scope messageGroup: it is not', () => {
    const run = (deduplicationScope: string) => {
      const s = scenarioOf([
        producer('p', [{ atMs: 0, groupId: 'a', deduplicationId: 'x' }, { atMs: 1, groupId: 'b', deduplicationId: 'x' }, { atMs: 2, groupId: 'b', deduplicationId: 'x' }]),
        fifoQueue({ deduplicationScope }), puller('c', { serviceTimeMs: { type: 'constant', value: 1 } }),
      ], ['p>q', 'q>c']);
      const sim = createSimulation(s);
      sim.runUntil(1000);
      return sim.snapshot().nodes.q!;
    };
    expect(run('queue')).toMatchObject({ deduplicated: 2, out: 1 });
    expect(run('messageGroup')).toMatchObject({ deduplicated: 1, out: 2 });
  });

  it('content-based deduplication takes the body (the message id): a retried publish is a duplicate', () => {
    // The link to the queue is slower than the retry timeout, so every publish is sent twice.
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'k' }, { atMs: 10, routingKey: 'k' }] }, messageGroups: { count: 1 }, confirms: { window: 10 }, retry: { timeoutMs: 50, maxAttempts: 2 } } },
      fifoQueue(), puller('c', { serviceTimeMs: { type: 'constant', value: 1 } }),
    ], [{ id: 'e0', source: 'p', target: 'q', config: { delayMs: 40 } }, 'q>c'], { faults: [{ atMs: 0, target: 'e0', type: 'linkDelay', addMs: 30 }] });
    const sim = createSimulation(s);
    sim.runUntil(2000);
    const snap = sim.snapshot();
    expect(snap.messages.retried).toBe(2);
    expect(snap.nodes.q).toMatchObject({ deduplicated: 2, out: 2 });
    expect(snap.audit!.duplicates).toBe(0);
    expect(snap.audit!.consumers.c!.guarantee).toBe('exactly-once');
  });

  it('a producer deduplicationId of messageId keeps the id across retries, without content-based deduplication', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'k' }, { atMs: 10, routingKey: 'k' }] }, messageGroups: { count: 2 }, deduplicationId: 'messageId', confirms: { window: 10 }, retry: { timeoutMs: 50, maxAttempts: 3 } } },
      fifoQueue({ contentBasedDeduplication: false }), puller('c', { serviceTimeMs: { type: 'constant', value: 1 } }),
    ], [{ id: 'e0', source: 'p', target: 'q', config: { delayMs: 40 } }, 'q>c'], { faults: [{ atMs: 0, target: 'e0', type: 'linkDelay', addMs: 30 }] });
    const sim = createSimulation(s);
    sim.runUntil(2000);
    const snap = sim.snapshot();
    expect(snap.messages.retried).toBe(4);
    expect(snap.nodes.q).toMatchObject({ deduplicated: 4, out: 2, invalidPublish: 0 });
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 2, duplicates: 0, guarantee: 'exactly-once' });
  });

  it('fails a send without a group id, or without any deduplication id, and nacks its confirm', () => {
    const s = scenarioOf([
      producer('p', [{ atMs: 0 }, { atMs: 1, groupId: 'g' }, { atMs: 2, groupId: 'g', deduplicationId: 'd' }], { confirms: { window: 10 } }),
      fifoQueue({ contentBasedDeduplication: false }), puller('c', { serviceTimeMs: { type: 'constant', value: 1 } }),
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ invalidPublish: 2, in: 1 });
    expect(snap.nodes.p).toMatchObject({ nacked: 2, confirmed: 1 });
    expect(snap.messages.droppedByReason).toMatchObject({ invalidFifoPublish: 2 });
  });
});
