import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

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
});
