import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, withoutPool } from '../../testSupport';

const one = { id: 'p', kind: 'producer' as const, config: { arrival: { type: 'script' as const, messages: [{ atMs: 10, routingKey: 'k' }] } } }; // after the fault starts at 0
const checker = (id: string, config: Record<string, unknown> = {}) => ({ id, kind: 'consumer' as const, config: { serviceTimeMs: { type: 'constant' as const, value: 1 }, verifyChecksum: true, ...config } });
const corrupt = (target: string, durationMs?: number) => ({ atMs: 0, target, type: 'corrupt' as const, probability: 1, ...(durationMs === undefined ? {} : { durationMs }) });

describe('a message damaged on its way to a consumer: the stored copy is sound', () => {
  it('SQS: rejected while the link corrupts, processed sound when it becomes visible again after the fault', () => {
    const s = scenarioOf([
      one, { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 200 } },
      checker('c', { delivery: 'pull', pollIntervalMs: 50 }),
    ], ['p>q', { id: 'deliveries', source: 'q', target: 'c', config: {} }], { faults: [corrupt('deliveries', 300)] });
    const sim = createSimulation(s);
    sim.runUntil(2000);
    const snap = sim.snapshot();
    expect(snap.nodes.c).toMatchObject({ corruptRejected: 2, corruptProcessed: 0, acked: 1 }); // received at 10 and 210 (damaged), at 410 sound
    expect(snap.messages).toMatchObject({ acked: 1, dropped: 0 });
  });

  it('classic: a reject dead-letters the broker\'s sound copy, which the DLQ consumer processes', () => {
    const s = scenarioOf([
      one, { id: 'q', kind: 'queue', config: {} }, checker('c'), { id: 'dlq', kind: 'queue', config: {} }, checker('dlq-reader'),
    ], ['p>q', { id: 'deliveries', source: 'q', target: 'c', config: {} }, 'q>dlq', 'dlq>dlq-reader'], { faults: [corrupt('deliveries')] });
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.c).toMatchObject({ corruptRejected: 1 });
    expect(snap.nodes['dlq-reader']).toMatchObject({ corruptRejected: 0, acked: 1 });
  });

  it('damaged on its way into the queue, it stays damaged: the DLQ consumer rejects it too', () => {
    const s = scenarioOf([
      one, { id: 'q', kind: 'queue', config: {} }, checker('c'), { id: 'dlq', kind: 'queue', config: {} }, checker('dlq-reader', { onFailure: 'reject' }),
    ], [{ id: 'publish', source: 'p', target: 'q', config: {} }, 'q>c', 'q>dlq', 'dlq>dlq-reader'], { faults: [corrupt('publish')] });
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.c).toMatchObject({ corruptRejected: 1 });
    expect(snap.nodes['dlq-reader']).toMatchObject({ corruptRejected: 1, acked: 0 });
    expect(snap.messages.droppedByReason).toEqual({ rejected: 1 });
  });

  it('a message object reused by the pool is not taken for the damaged message it was before', () => {
    // The first message is stored damaged in q (corrupt publish link until 100 ms), rejected by c, dead-lettered and
    // processed by r, whose ack releases its object. The second message (500 ms) is made from that object and stored
    // sound; damaged on its way to c (from 400 ms), it is rejected, and q dead-letters its sound copy.
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 10, routingKey: 'k' }, { atMs: 500, routingKey: 'k' }] } } },
      { id: 'q', kind: 'queue', config: {} }, checker('c'), { id: 'dlq', kind: 'queue', config: {} }, checker('r', { verifyChecksum: false }),
    ], [{ id: 'publish', source: 'p', target: 'q', config: {} }, { id: 'deliveries', source: 'q', target: 'c', config: {} }, 'q>dlq', 'dlq>r'],
    { faults: [corrupt('publish', 100), { ...corrupt('deliveries'), atMs: 400 }] });
    const pooled = createSimulation(s);
    const fresh = withoutPool(createSimulation(s));
    pooled.runUntil(2000);
    fresh.runUntil(2000);
    expect(pooled.snapshot().nodes.c).toMatchObject({ corruptRejected: 2 });
    expect(pooled.snapshot().nodes.r).toMatchObject({ acked: 2, corruptProcessed: 1 }); // only the first was stored damaged
    expect(pooled.snapshot()).toEqual(fresh.snapshot());
  });
});
