import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

// A2.3: a FIFO queue refuses a send without a MessageGroupId; a service between two FIFO queues must keep it.
describe('a consumer forwarding into an SQS FIFO queue', () => {
  const run = (deduplicationId: 'messageId' | 'none', secondContentBased: boolean) => {
    const fifo = (contentBasedDeduplication: boolean) => ({ flavor: 'sqs' as const, fifo: { contentBasedDeduplication } });
    const worker = (id: string) => ({ id, kind: 'consumer' as const, config: { delivery: 'pull' as const, pollIntervalMs: 10, serviceTimeMs: { type: 'constant' as const, value: 2 } } });
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 50 }, count: 100, messageGroups: { count: 3 }, deduplicationId } },
      { id: 'q1', kind: 'queue', config: fifo(true) }, worker('stage'), { id: 'q2', kind: 'queue', config: fifo(secondContentBased) }, worker('sink'),
    ], ['p>q1', 'q1>stage', 'stage>q2', 'q2>sink'], { durationMs: 10_000 });
    const sim = createSimulation(s);
    sim.runUntil(s.durationMs);
    return sim.snapshot();
  };

  it('keeps the group id and a deduplication id derived from the input, so nothing is refused', () => {
    const snap = run('messageId', false);
    expect(snap.messages.droppedByReason.invalidFifoPublish).toBeUndefined();
    expect(snap.nodes.sink!.acked).toBe(100);
    expect(snap.audit!.consumers.sink!.outOfOrder).toBe(0);
  });

  it('without a deduplication id the next queue needs content-based deduplication (A2.3: else the send fails)', () => {
    const refused = run('none', false);
    expect(refused.nodes.q1!.invalidPublish).toBe(0);
    expect(refused.nodes.q2!.invalidPublish).toBe(100);
    expect(run('none', true).nodes.sink!.acked).toBe(100);
  });
});
