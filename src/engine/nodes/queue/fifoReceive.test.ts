import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const INVISIBLE = 'invisible (received, not deleted)';
const producer = (groups: string[]) => ({
  id: 'p', kind: 'producer' as const,
  config: { arrival: { type: 'script' as const, messages: groups.map((groupId) => ({ atMs: 0, routingKey: groupId, groupId })) } },
});
const fifoQueue = { id: 'q', kind: 'queue' as const, config: { flavor: 'sqs' as const, visibilityTimeoutMs: 10_000, fifo: { contentBasedDeduplication: true } } };
const puller = (id: string, config: Record<string, unknown>) => ({
  id, kind: 'consumer' as const, config: { delivery: 'pull' as const, pollIntervalMs: 10, ...config },
});

describe('A2.3 SQS FIFO receives and the group lock', () => {
  it('AWS-REC test_fifo_receive_message_visibility_timeout_shared_in_group: after 2 of g1\'s 4 are received, the next receive returns g2\'s message only', () => {
    const s = scenarioOf([
      producer(['g1', 'g1', 'g1', 'g1', 'g2']), fifoQueue,
      // c1 receives 2 at 1 ms (offline until every message is in); c2 receives up to 10 at 2 ms.
      puller('c1', { batchSize: 2, concurrency: 2, serviceTimeMs: { type: 'constant', value: 1000 }, offline: [{ fromMs: 0, toMs: 1 }] }),
      puller('c2', { batchSize: 10, concurrency: 10, serviceTimeMs: { type: 'constant', value: 1000 }, offline: [{ fromMs: 0, toMs: 2 }] }),
    ], ['p>q', 'q>c1', 'q>c2']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(3);
    const byState = (state: string) => sim.inspectNode('q')!.filter((m) => m.state === state).map((m) => m.id).sort();
    expect(byState(INVISIBLE)).toEqual([1, 2, 5]);
    expect(byState('ready')).toEqual([3, 4]);
    expect(sim.snapshot().nodes.c1).toMatchObject({ in: 2 });
    expect(sim.snapshot().nodes.c2).toMatchObject({ in: 1 });
  });

  it('AWS-REC test_fifo_message_group_visibility: a long poll waits while the group is locked and returns the moment the delete unblocks it', () => {
    const s = scenarioOf([
      producer(['g1', 'g1']), fifoQueue,
      puller('c1', { serviceTimeMs: { type: 'constant', value: 100 }, offline: [{ fromMs: 0, toMs: 1 }] }),
      puller('c2', { waitTimeMs: 20_000, serviceTimeMs: { type: 'constant', value: 100 }, offline: [{ fromMs: 0, toMs: 2 }] }),
    ], ['p>q', 'q>c1', 'q>c2']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(100);
    // c1 holds message 1 (received at 1 ms); c2's poll at 2 ms finds g1 locked and waits.
    expect(sim.inspectNode('q')!.map((m) => [m.id, m.state])).toEqual([[2, 'ready'], [1, INVISIBLE]]);
    expect(sim.snapshot().nodes.c2).toMatchObject({ in: 0, emptyPolls: 0 });
    sim.runUntil(101);
    // c1 deleted message 1 at 101 ms: the waiting poll gets message 2 at once.
    expect(sim.inspectNode('q')!.map((m) => [m.id, m.state])).toEqual([[2, INVISIBLE]]);
    expect(sim.snapshot().nodes.c2).toMatchObject({ in: 1, emptyPolls: 0 });
  });
});
